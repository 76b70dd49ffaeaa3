"""Case handling: assignment, first contact, appointments, notes, advice, answers, closing."""

from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from cases.models import Advice, Appointment, Casus, Note, Satisfaction
from schakelteam.events import EventKind, company_key_for, event_report
from schakelteam.organisation.models import Advisor

from ..constants import (
    COMPLETED_OUTCOMES,
    OPEN_STATUSES,
    CasusOrigin,
    CasusOutcome,
    CasusStatus,
)
from ..exceptions import CasusAlreadyAssigned, InvalidTransition
from ..tasks import mail_appointment, mail_assignment, mail_question_answer, mail_status

_ORDER = [*OPEN_STATUSES, CasusStatus.AFGEROND, CasusStatus.GESLOTEN]


def _advance(casus: Casus, status: str) -> None:
    """Move forward in the workflow, never back (a late note doesn't undo a referral)."""
    if _ORDER.index(status) > _ORDER.index(casus.status):
        casus.status = status


def history_user_set(instance, by: AbstractBaseUser | None) -> None:
    """Name `by` as who made the change in the instance's history (simple_history), also when the
    service runs outside a request; without `by` the request's user is taken, as before."""
    if by is not None:
        instance._history_user = by


def _locked_open(casus: Casus, by: AbstractBaseUser | None) -> Casus:
    casus = Casus.objects.select_for_update(of=("self",)).select_related("company").get(pk=casus.pk)
    if not casus.is_open:
        raise InvalidTransition(casus)
    history_user_set(casus, by)
    return casus


def casus_event_report(casus: Casus, kind: str, **extra) -> None:
    company = casus.company
    facts = {
        "gemeente": company.gemeente,
        "size_class": company.size_class,
        "sbi_section": company.sbi_section,
        "themes": [t.slug for t in casus.themes.all()],
        "origin": casus.origin,
        "company_key": company_key_for(company.kvk_nummer),
        **extra,
    }
    transaction.on_commit(lambda: event_report(kind=kind, **facts))


@transaction.atomic
def casus_assign(*, casus: Casus, advisor: Advisor, by: AbstractBaseUser | None = None) -> Casus:
    """Row lock: of two coordinators assigning at once, the slower one is told who has it."""
    casus = Casus.objects.select_for_update().get(pk=casus.pk)
    if casus.status != CasusStatus.NIEUW or casus.advisor_id is not None:
        holder = Advisor.objects.select_related("user").filter(pk=casus.advisor_id).first()
        raise CasusAlreadyAssigned(casus, holder)
    casus.advisor = advisor
    casus.status = CasusStatus.TOEGEWEZEN
    history_user_set(casus, by)
    casus.save(update_fields=["advisor", "status"])
    transaction.on_commit(lambda: mail_assignment.enqueue(casus_id=casus.pk))
    return casus


@transaction.atomic
def casus_reassign(*, casus: Casus, advisor: Advisor, by: AbstractBaseUser | None = None) -> Casus:
    """A coordinator moves an open casus to another advisor (away, overloaded)."""
    casus = _locked_open(casus, by)
    casus.advisor = advisor
    _advance(casus, CasusStatus.TOEGEWEZEN)
    casus.save(update_fields=["advisor", "status"])
    transaction.on_commit(lambda: mail_assignment.enqueue(casus_id=casus.pk))
    return casus


def _first_contact(casus: Casus, at: datetime) -> None:
    if casus.first_contact_at is not None:
        return
    casus.first_contact_at = at
    casus_event_report(
        casus, EventKind.FIRST_CONTACT, outcome="within_sla" if at <= casus.sla_due else "after_sla"
    )


@transaction.atomic
def casus_contact_record(*, casus: Casus, by: AbstractBaseUser | None = None) -> Casus:
    casus = _locked_open(casus, by)
    _first_contact(casus, timezone.now())
    _advance(casus, CasusStatus.CONTACT_GELEGD)
    casus.save(update_fields=["first_contact_at", "status"])
    return casus


@transaction.atomic
def appointment_plan(
    *,
    casus: Casus,
    kind: str,
    starts_at: datetime,
    location: str = "",
    duration_minutes: int = 60,
    by: AbstractBaseUser | None = None,
) -> Appointment:
    """Plan an appointment and mail an .ics invitation to the entrepreneur and the advisor."""
    casus = _locked_open(casus, by)
    appointment = Appointment(
        casus=casus,
        kind=kind,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        location=location,
        created_by=by,
    )
    history_user_set(appointment, by)
    appointment.save()
    # Planning an appointment means we have spoken to them.
    _first_contact(casus, timezone.now())
    _advance(casus, CasusStatus.AFSPRAAK_GEPLAND)
    casus.save(update_fields=["first_contact_at", "status"])
    transaction.on_commit(lambda: mail_appointment.enqueue(appointment_id=appointment.pk))
    return appointment


@transaction.atomic
def appointment_held(
    *, appointment: Appointment, by: AbstractBaseUser | None = None
) -> Appointment:
    casus = _locked_open(appointment.casus, by)
    appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if appointment.held_at is not None:
        return appointment
    history_user_set(appointment, by)
    appointment.held_at = timezone.now()
    appointment.save(update_fields=["held_at"])
    _advance(casus, CasusStatus.IN_BEHANDELING)
    casus.save(update_fields=["status"])
    casus_event_report(casus, EventKind.APPOINTMENT_HELD, outcome=appointment.kind)
    return appointment


@transaction.atomic
def note_add(*, casus: Casus, text: str, by: AbstractBaseUser | None = None) -> Note:
    casus = _locked_open(casus, by)
    return Note.objects.create(casus=casus, author=by, text=text)


@transaction.atomic
def advice_record(
    *, casus: Casus, text: str, regelingen=(), by: AbstractBaseUser | None = None
) -> Advice:
    casus = _locked_open(casus, by)
    advice = Advice.objects.create(casus=casus, author=by, text=text)
    advice.regelingen.set(regelingen)
    _advance(casus, CasusStatus.IN_BEHANDELING)
    casus.save(update_fields=["status"])
    casus_event_report(casus, EventKind.ADVICE_GIVEN, value=len(list(regelingen)))
    return advice


@transaction.atomic
def question_answer(*, casus: Casus, answer: str, by: AbstractBaseUser | None = None) -> Casus:
    """Answer a digital question by e-mail; answering counts as first contact."""
    casus = _locked_open(casus, by)
    now = timezone.now()
    casus.answer = answer
    casus.answered_at = now
    _first_contact(casus, now)
    _advance(casus, CasusStatus.IN_BEHANDELING)
    casus.save(update_fields=["answer", "answered_at", "first_contact_at", "status"])
    if casus.origin == CasusOrigin.QUESTION:
        casus_event_report(casus, EventKind.QUESTION_ANSWERED)
    transaction.on_commit(lambda: mail_question_answer.enqueue(casus_id=casus.pk))
    return casus


@transaction.atomic
def casus_close(*, casus: Casus, outcome: str, by: AbstractBaseUser | None = None) -> Casus:
    """Close with an outcome: helped/referred ends as `afgerond`, anything else as `gesloten`."""
    casus = _locked_open(casus, by)
    outcome = CasusOutcome(outcome)
    casus.outcome = outcome
    casus.status = CasusStatus.AFGEROND if outcome in COMPLETED_OUTCOMES else CasusStatus.GESLOTEN
    casus.closed_at = timezone.now()
    casus.save(update_fields=["outcome", "status", "closed_at"])
    casus_event_report(casus, EventKind.CASE_CLOSED, outcome=str(outcome))
    transaction.on_commit(lambda: mail_status.enqueue(casus_id=casus.pk))
    return casus


@transaction.atomic
def satisfaction_record(*, casus: Casus, score: int) -> Satisfaction:
    if not 1 <= int(score) <= 5:
        raise InvalidTransition(casus)
    satisfaction, created = Satisfaction.objects.get_or_create(
        casus=casus, defaults={"score": int(score)}
    )
    if created:
        casus_event_report(casus, EventKind.SATISFACTION_GIVEN, value=int(score))
    return satisfaction
