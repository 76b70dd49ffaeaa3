"""The whole way through: scan → request with consents → assign → appointment, advice, referral →
partner accepts and reports → close → the entrepreneur sees it at /mijn-gegevens/ and withdraws."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from cases.constants import CasusStatus, ReferralStatus
from cases.models import Casus, Entrepreneur
from schakelteam.events import EventKind
from schakelteam.monitoring.models import MonitoringEvent
from tests.helpers import staff_login
from tests.kennisbank.factories import RegelingPageFactory

from .conftest import intake_post_data

pytestmark = pytest.mark.django_db


def _link_in(message) -> str:
    return re.search(r"https?://\S+/mijn-gegevens/\S+/", message.body).group(0)


def test_an_entrepreneur_goes_from_scan_to_a_closed_case_and_withdraws_consent(
    client, scan_submitted, themes, coordinator, advisor_a, partner, partner_contact, committed
):
    scan, scan_token = scan_submitted
    regeling = RegelingPageFactory(title="MKB-krediet")

    # The request form, opened from the scan result, is filled in from the scan.
    url = reverse("cases:intake_request") + f"?scan={scan_token}"
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["size_class"] == "5-10"
    assert "consent_share_scan" in page.context["form"].fields

    with committed():
        response = client.post(
            url,
            intake_post_data(
                themes=[str(themes[0].pk)],
                consent_share_scan="on",
                consent_research="on",
                consent_share_with_partner="on",
            ),
        )
    assert response.status_code == 302
    casus = Casus.objects.get()
    assert casus.scan == scan and casus.origin == "scan"
    scan.refresh_from_db()
    assert scan.research_consent_at is not None
    confirmation = next(m for m in mail.outbox if "fatima@bakkerij.example" in m.to)
    mijn_gegevens_url = _link_in(confirmation)

    # The coordinator assigns from the queue.
    staff_login(client, coordinator)
    queue = client.get(reverse("cases:queue"))
    assert queue.context["rows"][0]["suggestions"][0].advisor == advisor_a
    with committed():
        client.post(
            reverse("cases:casus_assign", args=[casus.uuid]),
            {"advisor": advisor_a.pk, "next": "queue"},
        )
    casus.refresh_from_db()
    assert casus.advisor == advisor_a and casus.status == CasusStatus.TOEGEWEZEN
    assert any(advisor_a.user.email in m.to for m in mail.outbox)

    # The advisor prepares with the scan, plans, advises and refers.
    staff_login(client, advisor_a.user)
    detail = client.get(reverse("cases:casus_detail", args=[casus.uuid]))
    assert detail.context["scan"] == scan
    mail.outbox.clear()
    with committed():
        client.post(
            reverse("cases:appointment_create", args=[casus.uuid]),
            {
                "appointment-kind": "on_site",
                "appointment-starts_at": "2030-03-04T10:00",
                "appointment-duration_minutes": "60",
                "appointment-location": "Stationsplein 1, Almere",
            },
        )
    assert any(a[0] == "afspraak.ics" for m in mail.outbox for a in m.attachments)
    appointment = casus.appointments.get()
    with committed():
        client.post(reverse("cases:appointment_held", args=[appointment.uuid]))
        client.post(
            reverse("cases:advice_create", args=[casus.uuid]),
            {"advice-text": "Vraag het MKB-krediet aan.", "advice-regelingen": [regeling.pk]},
        )
        client.post(
            reverse("cases:referral_create", args=[casus.uuid]),
            {"partner": partner.pk, "reason": "Begeleiding bij de aanvraag."},
        )
    referral = casus.referrals.get()
    assert any(partner_contact.user.email in m.to for m in mail.outbox)

    # The partner accepts and reports the outcome.
    staff_login(client, partner_contact.user)
    assert client.get(reverse("cases:partner_portal")).status_code == 200
    with committed():
        client.post(
            reverse("cases:referral_respond", args=[referral.uuid]), {"respond-decision": "accept"}
        )
        client.post(
            reverse("cases:referral_outcome", args=[referral.uuid]),
            {"outcome-outcome": "regeling_applied", "outcome-note": "Aanvraag ingediend."},
        )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.COMPLETED

    # The advisor closes.
    staff_login(client, advisor_a.user)
    with committed():
        client.post(
            reverse("cases:casus_close", args=[casus.uuid]), {"close-outcome": "doorverwezen"}
        )
    casus.refresh_from_db()
    assert casus.status == CasusStatus.AFGEROND

    kinds = set(MonitoringEvent.objects.values_list("kind", flat=True))
    assert {
        EventKind.CASE_OPENED,
        EventKind.FIRST_CONTACT,
        EventKind.APPOINTMENT_HELD,
        EventKind.ADVICE_GIVEN,
        EventKind.REFERRAL_MADE,
        EventKind.REFERRAL_ACCEPTED,
        EventKind.REFERRAL_COMPLETED,
        EventKind.CASE_CLOSED,
    } <= kinds
    totals_before = MonitoringEvent.objects.count()

    # The entrepreneur sees it all and withdraws the contact consent.
    client.logout()
    path = mijn_gegevens_url.split("://", 1)[1].split("/", 1)[1]
    mine = client.get("/" + path)
    assert mine.status_code == 200
    assert b"Bakkerij De Vries" in mine.content
    assert mine.context["casussen"][0] == casus
    withdraw_url = mine.context["request"].path + "toestemming-intrekken/"
    client.post(withdraw_url, {"purpose": "share_scan"})
    assert not casus.entrepreneur.consents.filter(purpose="share_scan", withdrawn_at=None).exists()
    with committed():
        client.post(withdraw_url, {"purpose": "contact"})

    person = Entrepreneur.objects.get()
    assert person.name == "" and person.email == "" and person.anonymised_at
    casus.refresh_from_db()
    assert casus.question == "" and casus.company.name == "" and casus.company.kvk_nummer == ""
    assert casus.company.gemeente is not None  # the numbers stay
    assert MonitoringEvent.objects.count() == totals_before
    assert client.get("/" + path).status_code == 404
