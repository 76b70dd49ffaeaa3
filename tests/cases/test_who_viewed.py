"""/mijn-gegevens/ tells the entrepreneur who at the Schakelteam or a partner viewed or downloaded
their details: by name and role (never a login name), what, when and for which request."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.helpers import staff_login

from .conftest import mijn_gegevens_token
from .factories import AppointmentFactory, CasusFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def _access_section(client, entrepreneur) -> str:
    with translation.override("en"):
        url = reverse("cases:mijn_gegevens", args=[mijn_gegevens_token(entrepreneur)])
    html = client.get(url).content.decode()
    start = html.index('id="access-heading"')
    return html[start : html.index("</section>", start)]


def test_the_entrepreneur_sees_who_viewed_and_downloaded_which_request(client, advisor_a):
    advisor_a.user.last_name = "Jansen"
    advisor_a.user.save()
    appointment = AppointmentFactory(casus__advisor=advisor_a)
    casus = appointment.casus
    staff_login(client, advisor_a.user)
    client.get(reverse("cases:casus_detail", args=[casus.uuid]))
    client.get(reverse("cases:appointment_ics", args=[appointment.uuid]))
    client.logout()

    section = _access_section(client, casus.entrepreneur)
    assert section.count("<tr") == 3  # header and two rows
    assert "Anna Jansen (advisor)" in section
    assert "Viewed: your request" in section and "Downloaded: your request" in section
    assert f'href="#aanvraag-{casus.uuid}"' in section
    assert casus.created_at.strftime("%Y") in section


def test_staff_without_a_name_are_shown_by_role_not_by_login_name(client, partner, partner_contact):
    partner_contact.user.first_name = partner_contact.user.last_name = ""
    partner_contact.user.save()
    referral = ReferralFactory(partner=partner)
    staff_login(client, partner_contact.user)
    client.get(reverse("cases:referral_detail", args=[referral.uuid]))
    client.logout()

    section = _access_section(client, referral.casus.entrepreneur)
    assert "Partner organisation" in section
    assert partner_contact.user.username not in section


def test_reloading_a_page_adds_a_count_not_a_row(client, advisor_a):
    casus = CasusFactory(advisor=advisor_a, status="toegewezen")
    staff_login(client, advisor_a.user)
    for _ in range(3):
        client.get(reverse("cases:casus_detail", args=[casus.uuid]))
    client.logout()

    section = _access_section(client, casus.entrepreneur)
    assert section.count("<tr") == 2
    assert "(3 times that day)" in section


def test_views_of_someone_elses_request_are_not_listed(client, advisor_a):
    mine = CasusFactory(advisor=advisor_a, status="toegewezen")
    theirs = CasusFactory(advisor=advisor_a, status="toegewezen")
    staff_login(client, advisor_a.user)
    client.get(reverse("cases:casus_detail", args=[theirs.uuid]))
    client.logout()

    section = _access_section(client, mine.entrepreneur)
    assert "<table" not in section
    assert "Nobody has opened your details yet." in section
    assert "<table" in _access_section(client, theirs.entrepreneur)


def test_the_json_download_lists_who_viewed_the_details_as_well(client, advisor_a):
    import json

    casus = CasusFactory(advisor=advisor_a, status="toegewezen")
    staff_login(client, advisor_a.user)
    client.get(reverse("cases:casus_detail", args=[casus.uuid]))
    client.logout()

    token = mijn_gegevens_token(casus.entrepreneur)
    with translation.override("en"):
        url = reverse("cases:mijn_gegevens_export", args=[token])
    [access] = json.loads(client.get(url).content)["accesses"]
    assert access["who"] == advisor_a.user.get_full_name()
    assert access["casus"] == str(casus.uuid) and access["times_that_day"] == 1
