"""The casus history names the staff member behind each change, also when the change does not
come from a web request (a background task, the demo loader, the shell): the service's `by`."""

import pytest

from cases.selectors import casus_timeline
from cases.services import handling, referrals

from .factories import AppointmentFactory, CasusFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def test_the_timeline_names_who_assigned_contacted_and_closed(coordinator, advisor_a):
    casus = CasusFactory()

    handling.casus_assign(casus=casus, advisor=advisor_a, by=coordinator)
    handling.casus_contact_record(casus=casus, by=advisor_a.user)
    handling.casus_close(casus=casus, outcome="geholpen", by=advisor_a.user)

    changes = [e for e in casus_timeline(casus=casus) if e["kind"] == "casus"]
    assert [(e["status"], e["who"]) for e in changes] == [
        ("Nieuw", None),
        ("Toegewezen", coordinator),
        ("Contact gehad", advisor_a.user),
        ("Afgerond", advisor_a.user),
    ]


def test_reassigning_and_answering_are_recorded_under_their_author(coordinator, advisor_a):
    casus = CasusFactory(origin="question")

    handling.casus_reassign(casus=casus, advisor=advisor_a, by=coordinator)
    handling.question_answer(casus=casus, answer="Ja, dat kan.", by=advisor_a.user)

    history = casus.history.order_by("history_date", "history_id")
    assert [record.history_user for record in history][1:] == [coordinator, advisor_a.user]


def test_a_held_appointment_is_recorded_under_the_advisor(advisor_a):
    appointment = AppointmentFactory(casus__advisor=advisor_a)

    handling.appointment_held(appointment=appointment, by=advisor_a.user)

    assert appointment.history.latest("history_date").history_user == advisor_a.user
    assert appointment.casus.history.latest("history_date").history_user == advisor_a.user


def test_the_partner_answer_and_outcome_are_recorded_under_the_partner_contact(partner_contact):
    referral = ReferralFactory(partner=partner_contact.partner)

    referrals.referral_respond(referral=referral, accept=True, by=partner_contact.user)
    referrals.referral_complete(referral=referral, outcome="helped", by=partner_contact.user)

    users = [r.history_user for r in referral.history.order_by("history_date", "history_id")]
    assert users[1:] == [partner_contact.user, partner_contact.user]
