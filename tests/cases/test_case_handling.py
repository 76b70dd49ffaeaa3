"""Case handling services: assignment under a lock, SLA first contact, appointments with .ics,
advice with regelingen, referrals only with consent, answering and sharing a question, closing."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cases.constants import CasusStatus, ConsentPurpose
from cases.exceptions import CasusAlreadyAssigned, ConsentRequired, InvalidTransition
from cases.selectors import casus_queue
from cases.services import handling, knowledge, referrals
from schakelteam.events import EventKind
from schakelteam.monitoring.models import MonitoringEvent
from tests.helpers import staff_login
from tests.kennisbank.factories import RegelingPageFactory

from .factories import CasusFactory, MentorFactory

pytestmark = pytest.mark.django_db


def test_the_second_assignment_is_refused_and_names_who_has_it(advisor_a, advisor_b):
    casus = CasusFactory()
    handling.casus_assign(casus=casus, advisor=advisor_a)
    with pytest.raises(CasusAlreadyAssigned) as exc:
        handling.casus_assign(casus=casus, advisor=advisor_b)
    assert exc.value.holder == advisor_a


def test_the_losing_coordinator_is_told_in_the_page(client, coordinator, advisor_a, advisor_b):
    casus = CasusFactory()
    handling.casus_assign(casus=casus, advisor=advisor_a)
    staff_login(client, coordinator)
    response = client.post(
        reverse("cases:casus_assign", args=[casus.uuid]), {"advisor": advisor_b.pk}, follow=True
    )
    assert "Anna" in " ".join(str(m) for m in response.context["messages"])
    casus.refresh_from_db()
    assert casus.advisor == advisor_a


def test_assignment_mails_the_advisor(advisor_a, committed):
    with committed():
        handling.casus_assign(casus=CasusFactory(), advisor=advisor_a)
    assert mail.outbox[-1].to == [advisor_a.user.email]


def test_first_contact_after_the_deadline_is_counted_as_after_sla(advisor_a, committed):
    casus = CasusFactory(
        advisor=advisor_a, status="toegewezen", sla_due=timezone.now() - datetime.timedelta(hours=1)
    )
    assert casus.is_overdue
    with committed():
        handling.casus_contact_record(casus=casus)
    event = MonitoringEvent.objects.get(kind=EventKind.FIRST_CONTACT)
    assert event.outcome == "after_sla"
    casus.refresh_from_db()
    assert casus.status == CasusStatus.CONTACT_GELEGD and not casus.is_overdue


def test_an_appointment_mails_an_ics_invitation_to_both_sides(advisor_a, committed):
    casus = CasusFactory(advisor=advisor_a, status="toegewezen")
    starts = timezone.now() + datetime.timedelta(days=2)
    with committed():
        handling.appointment_plan(
            casus=casus, kind="video", starts_at=starts, location="https://meet"
        )
    assert {m.to[0] for m in mail.outbox} == {casus.entrepreneur.email, advisor_a.user.email}
    ics = mail.outbox[0].attachments[0]
    assert ics[2] == "text/calendar" and "BEGIN:VEVENT" in str(ics[1])
    casus.refresh_from_db()
    assert casus.status == CasusStatus.AFSPRAAK_GEPLAND
    assert MonitoringEvent.objects.filter(
        kind=EventKind.FIRST_CONTACT, outcome="within_sla"
    ).exists()


def test_the_ics_download_is_a_calendar_file(client, advisor_a):
    casus = CasusFactory(advisor=advisor_a, status="toegewezen")
    appointment = handling.appointment_plan(
        casus=casus, kind="phone", starts_at=timezone.now() + datetime.timedelta(days=1)
    )
    staff_login(client, advisor_a.user)
    response = client.get(reverse("cases:appointment_ics", args=[appointment.uuid]))
    assert response["Content-Type"] == "text/calendar"
    assert b"BEGIN:VCALENDAR" in response.content


def test_advice_records_the_regelingen_offered(advisor_a, themes, committed):
    casus = CasusFactory(advisor=advisor_a, status="toegewezen")
    casus.themes.set(themes)
    regeling = RegelingPageFactory()
    with committed():
        advice = handling.advice_record(casus=casus, text="Doe dit.", regelingen=[regeling])
    assert list(advice.regelingen.all()) == [regeling]
    event = MonitoringEvent.objects.get(kind=EventKind.ADVICE_GIVEN)
    assert sorted(event.theme_slugs) == ["financiering", "personeel"]


def test_a_referral_without_the_partner_consent_is_refused(advisor_a, partner):
    casus = CasusFactory(advisor=advisor_a, status="toegewezen")
    with pytest.raises(ConsentRequired):
        referrals.referral_create(casus=casus, partner=partner, reason="x")
    assert not casus.referrals.exists()


def test_the_referral_page_says_it_cannot_be_sent_without_consent(client, advisor_a, partner):
    casus = CasusFactory(advisor=advisor_a, status="toegewezen")
    staff_login(client, advisor_a.user)
    response = client.post(
        reverse("cases:referral_create", args=[casus.uuid]), {"partner": partner.pk, "reason": "x"}
    )
    assert response.status_code == 200 and not response.context["allowed"]
    assert not casus.referrals.exists()


def test_a_referral_to_a_mentor_mails_the_mentor(advisor_a, committed):
    casus = CasusFactory(
        advisor=advisor_a,
        status="toegewezen",
        consents=[ConsentPurpose.CONTACT, ConsentPurpose.SHARE_WITH_PARTNER],
    )
    mentor = MentorFactory()
    with committed():
        referrals.referral_create(casus=casus, mentor=mentor, reason="Ervaren bakker")
    assert mail.outbox[-1].to == [mentor.email]
    assert casus.entrepreneur.name in mail.outbox[-1].body


def test_a_closed_casus_cannot_be_changed(advisor_a, committed):
    casus = CasusFactory(advisor=advisor_a, status="toegewezen")
    with committed():
        handling.casus_close(casus=casus, outcome="geen_behoefte")
    casus.refresh_from_db()
    assert casus.status == CasusStatus.GESLOTEN
    with pytest.raises(InvalidTransition):
        handling.note_add(casus=casus, text="te laat")
    assert MonitoringEvent.objects.get(kind=EventKind.CASE_CLOSED).outcome == "geen_behoefte"


def test_answering_a_question_mails_the_answer_and_counts_it(advisor_a, committed):
    casus = CasusFactory(advisor=advisor_a, status="toegewezen", origin="question")
    with committed():
        handling.question_answer(casus=casus, answer="Kijk bij de KvK.")
    assert "Kijk bij de KvK." in mail.outbox[-1].body
    assert MonitoringEvent.objects.filter(kind=EventKind.QUESTION_ANSWERED).count() == 1


def test_a_question_page_draft_holds_no_personal_data(advisor_a):
    from kennisbank.models import QuestionIndexPage, QuestionPage
    from tests.kennisbank.factories import home_page_ensure

    home = home_page_ensure()
    home.add_child(instance=QuestionIndexPage(title="Vragen", slug="vragen"))
    casus = CasusFactory(
        advisor=advisor_a,
        status="toegewezen",
        origin="question",
        company__entrepreneur__name="Piet Jansen",
        company__name="Jansen Bouw",
        question="Ik ben Piet Jansen van Jansen Bouw (piet@jansen.nl, 0612345678). Mag ik een zzp'er inhuren?",
    )
    casus = handling.question_answer(
        casus=casus, answer="Ja Piet, dat mag, met een modelovereenkomst."
    )
    initial = knowledge.question_page_initial(casus=casus)
    page = knowledge.question_page_draft(casus=casus, **initial)
    page = QuestionPage.objects.get(pk=page.pk)
    text = page.title + page.short_answer
    for secret in ("Piet", "Jansen", "piet@jansen.nl", "0612345678"):
        assert secret not in text
    assert not page.live and page.latest_revision is not None


def test_the_timeline_shows_the_history_of_the_casus(client, advisor_a, coordinator):
    casus = CasusFactory()
    handling.casus_assign(casus=casus, advisor=advisor_a)
    handling.note_add(casus=casus, text="Gebeld, voicemail.")
    staff_login(client, coordinator)
    response = client.get(reverse("cases:casus_detail", args=[casus.uuid]))
    kinds = [e["kind"] for e in response.context["timeline"]]
    assert kinds.count("casus") == 2 and "note" in kinds
    assert "Gebeld, voicemail." in response.content.decode()


def test_the_scan_is_shown_only_with_the_share_scan_consent(client, advisor_a, scan_submitted):
    scan, _ = scan_submitted
    casus = CasusFactory(advisor=advisor_a, status="toegewezen", scan=scan)
    staff_login(client, advisor_a.user)
    url = reverse("cases:casus_detail", args=[casus.uuid])
    assert client.get(url).context["scan"] is None
    from .factories import consent_give

    consent_give(casus.entrepreneur, ConsentPurpose.SHARE_SCAN)
    assert client.get(url).context["scan"] == scan


def test_the_queue_flags_overdue_referrals(client, coordinator, partner, time_machine):
    from .factories import ReferralFactory

    referral = ReferralFactory(partner=partner)
    staff_login(client, coordinator)
    assert not client.get(reverse("cases:queue")).context["overdue_referrals"]
    time_machine.move_to(timezone.now() + datetime.timedelta(days=6))
    assert list(casus_queue(user=coordinator)["overdue_referrals"]) == [referral]


@pytest.mark.parametrize("value", ["9223372036854775808", "-1", "abc", "1e5"])
def test_an_absurd_choice_in_a_staff_form_is_refused_without_a_server_error(
    client, coordinator, partner, value
):
    casus = CasusFactory(consents=[ConsentPurpose.CONTACT, ConsentPurpose.SHARE_WITH_PARTNER])
    staff_login(client, coordinator)
    assign = client.post(reverse("cases:casus_assign", args=[casus.uuid]), {"advisor": value})
    refer = client.post(
        reverse("cases:referral_create", args=[casus.uuid]),
        {"partner": value, "mentor": value, "reason": "x"},
    )
    advice = client.post(
        reverse("cases:advice_create", args=[casus.uuid]),
        {"advice-text": "x", "advice-regelingen": [value]},
    )
    assert (assign.status_code, refer.status_code, advice.status_code) == (302, 200, 302)
    assert not casus.referrals.exists() and not casus.advices.exists()
