"""Every staff view or download of a casus, its scan or the person behind it lands in the AVG
access log (who, what, when, for which casus); a refused request leaves no entry."""

import pytest
from django.urls import reverse

from cases.constants import ConsentPurpose
from schakelteam.accounts.models import AccessAction, PersonalDataAccess, SubjectType
from tests.helpers import staff_login

from .factories import AppointmentFactory, CasusFactory, ReferralFactory, consent_give

pytestmark = pytest.mark.django_db


def _entries() -> list[tuple]:
    return sorted(
        PersonalDataAccess.objects.values_list(
            "user_label", "action", "subject_type", "subject_uuid", "casus_uuid"
        )
    )


def test_opening_a_casus_records_who_looked_and_for_which_casus(client, advisor_a):
    casus = CasusFactory(advisor=advisor_a, status="toegewezen")
    staff_login(client, advisor_a.user)
    assert client.get(reverse("cases:casus_detail", args=[casus.uuid])).status_code == 200
    entry = PersonalDataAccess.objects.get()
    assert entry.user == advisor_a.user
    assert (entry.action, entry.subject_type) == (AccessAction.VIEW, SubjectType.CASUS)
    assert entry.subject_uuid == casus.uuid and entry.casus_uuid == casus.uuid


def test_the_scan_shown_with_a_casus_is_logged_too_but_only_when_it_is_shown(
    client, advisor_a, scan_submitted
):
    scan, _ = scan_submitted
    casus = CasusFactory(advisor=advisor_a, status="toegewezen", scan=scan)
    staff_login(client, advisor_a.user)
    url = reverse("cases:casus_detail", args=[casus.uuid])
    client.get(url)  # no share-scan consent: the scan stays hidden
    assert not PersonalDataAccess.objects.filter(subject_type=SubjectType.SCAN).exists()

    consent_give(casus.entrepreneur, ConsentPurpose.SHARE_SCAN)
    client.get(url)
    scan_entry = PersonalDataAccess.objects.get(subject_type=SubjectType.SCAN)
    assert scan_entry.subject_uuid == scan.uuid and scan_entry.casus_uuid == casus.uuid
    assert PersonalDataAccess.objects.filter(subject_type=SubjectType.CASUS).count() == 2


def test_a_casus_outside_the_users_scope_is_a_404_and_leaves_no_entry(
    client, advisor_a, advisor_b, other_partner_contact
):
    referral = ReferralFactory(casus__advisor=advisor_a)
    appointment = AppointmentFactory(casus=referral.casus)
    staff_login(client, advisor_b.user)
    for url in (
        reverse("cases:casus_detail", args=[referral.casus.uuid]),
        reverse("cases:appointment_ics", args=[appointment.uuid]),
        reverse("cases:referral_create", args=[referral.casus.uuid]),
    ):
        assert client.get(url).status_code == 404
    staff_login(client, other_partner_contact.user)
    assert client.get(reverse("cases:referral_detail", args=[referral.uuid])).status_code == 404
    assert not PersonalDataAccess.objects.exists()


def test_downloading_the_appointment_file_is_logged_as_a_download(client, advisor_a):
    appointment = AppointmentFactory(casus__advisor=advisor_a)
    staff_login(client, advisor_a.user)
    response = client.get(reverse("cases:appointment_ics", args=[appointment.uuid]))
    assert response["Content-Type"] == "text/calendar"
    casus = appointment.casus
    label = advisor_a.user.get_full_name() or advisor_a.user.get_username()
    assert _entries() == [(label, AccessAction.DOWNLOAD, SubjectType.CASUS, casus.uuid, casus.uuid)]


def test_a_partner_contact_opening_a_referral_is_logged_against_the_casus(
    client, partner, partner_contact
):
    referral = ReferralFactory(partner=partner)
    staff_login(client, partner_contact.user)
    assert client.get(reverse("cases:referral_detail", args=[referral.uuid])).status_code == 200
    entry = PersonalDataAccess.objects.get()
    assert entry.user == partner_contact.user
    assert entry.subject_uuid == referral.casus.uuid and entry.action == AccessAction.VIEW


def test_the_referral_form_shows_the_contact_details_and_is_logged(client, advisor_a):
    casus = CasusFactory(
        advisor=advisor_a,
        status="toegewezen",
        consents=[ConsentPurpose.CONTACT, ConsentPurpose.SHARE_WITH_PARTNER],
    )
    staff_login(client, advisor_a.user)
    response = client.get(reverse("cases:referral_create", args=[casus.uuid]))
    assert casus.entrepreneur.email in response.content.decode()
    assert PersonalDataAccess.objects.get().subject_uuid == casus.uuid


def test_lists_without_contact_details_are_not_logged(client, coordinator):
    CasusFactory()
    staff_login(client, coordinator)
    client.get(reverse("cases:queue"))
    client.get(reverse("cases:casus_list"))
    assert not PersonalDataAccess.objects.exists()
