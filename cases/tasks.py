"""Background e-mail: ids in, load, render in the recipient's language, send.

Messages without a magic link go through `emails.mail_send` (schakelteam.mail retries
them). Messages with one are sent here with `mail_send_now` and, when sending fails, this task
enqueues itself again with the same ids (`mail_with_link_retry`): the task table then never holds
a raw token, and each attempt issues a fresh link (an unsent one was never seen by anyone)."""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks import default_task_backend, task
from icalendar import Calendar, Event

from cases.models import Appointment, Casus, Referral
from scan.services import vervolgscan_link_issue
from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.roles import ROLE_GROUPS, Role
from schakelteam.accounts.tokens import magic_link_issue
from schakelteam.links import absolute_url
from schakelteam.mail import retry_delay

from .emails import mail_send, mail_send_now

logger = logging.getLogger("schakelteam.mail")


def mail_with_link_retry(this_task, *, attempt: int, send: Callable[[], int], **ids) -> int:
    """Run `send`; on failure log, enqueue `this_task(**ids, attempt=attempt + 1)` with the
    security_mail back-off (up to SCHAKELTEAM_MAIL_MAX_ATTEMPTS) and re-raise, so the failed
    attempt stays visible as a failed task."""
    try:
        return send()
    except Exception:
        max_attempts = settings.SCHAKELTEAM_MAIL_MAX_ATTEMPTS
        logger.exception(
            "Sending %s failed (attempt %s of %s)", this_task.name, attempt, max_attempts
        )
        if attempt < max_attempts:
            retry = this_task
            if default_task_backend.supports_defer:
                retry = this_task.using(run_after=timezone.now() + retry_delay(attempt))
            retry.enqueue(**ids, attempt=attempt + 1)
        raise


def _casus(casus_id: int) -> Casus | None:
    return (
        Casus.objects.select_related("entrepreneur", "company__gemeente", "advisor__user")
        .filter(pk=casus_id, anonymised_at__isnull=True)
        .first()
    )


def mijn_gegevens_link(casus: Casus) -> tuple[str, object]:
    issued = magic_link_issue(
        purpose=LinkPurpose.MIJN_GEGEVENS, subject_uuid=casus.entrepreneur.uuid
    )
    url = absolute_url(
        "cases:mijn_gegevens", args=[issued.raw_token], language=casus.entrepreneur.language
    )
    return url, issued.link.expires_at


@task()
def mail_intake_confirmation(casus_id: int, attempt: int = 1) -> None:
    casus = _casus(casus_id)
    if casus is None:
        return

    def send() -> int:
        url, expires_at = mijn_gegevens_link(casus)
        return mail_send_now(
            template="intake_confirmation",
            to=[casus.entrepreneur.email],
            context={"casus": casus, "link": url, "expires_at": expires_at},
            language=casus.entrepreneur.language,
        )

    mail_with_link_retry(mail_intake_confirmation, attempt=attempt, send=send, casus_id=casus_id)


@task()
def mail_new_casus(casus_id: int) -> None:
    casus = _casus(casus_id)
    if casus is None:
        return
    coordinators = get_user_model().objects.filter(
        groups__name=ROLE_GROUPS[Role.COORDINATOR], is_active=True
    )
    mail_send(
        template="new_casus",
        to=sorted({u.email for u in coordinators}),
        context={"casus": casus, "link": absolute_url("cases:queue")},
    )


@task()
def mail_assignment(casus_id: int) -> None:
    casus = _casus(casus_id)
    if casus is None or casus.advisor is None:
        return
    mail_send(
        template="assignment",
        to=[casus.advisor.user.email],
        context={"casus": casus, "link": absolute_url("cases:casus_detail", args=[casus.uuid])},
    )


def appointment_ics(appointment: Appointment) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//MKB Schakelteam//cases//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    event.add("uid", f"{appointment.uuid}@mkb-schakelteam")
    event.add("dtstart", appointment.starts_at)
    event.add("dtend", appointment.starts_at + timedelta(minutes=appointment.duration_minutes))
    event.add("dtstamp", appointment.created_at)
    event.add("summary", "Gesprek MKB Schakelteam")
    if appointment.location:
        event.add("location", appointment.location)
    calendar.add_component(event)
    return calendar.to_ical()


@task()
def mail_appointment(appointment_id: int) -> None:
    appointment = (
        Appointment.objects.select_related("casus__entrepreneur", "casus__advisor__user")
        .filter(pk=appointment_id, casus__anonymised_at__isnull=True)
        .first()
    )
    if appointment is None:
        return
    casus = appointment.casus
    ics = [("afspraak.ics", appointment_ics(appointment), "text/calendar")]
    context = {"casus": casus, "appointment": appointment}
    mail_send(
        template="appointment",
        to=[casus.entrepreneur.email],
        context=context,
        language=casus.entrepreneur.language,
        attachments=ics,
    )
    if casus.advisor:
        mail_send(
            template="appointment", to=[casus.advisor.user.email], context=context, attachments=ics
        )


@task()
def mail_referral(referral_id: int) -> None:
    referral = (
        Referral.objects.select_related(
            "casus__entrepreneur", "casus__company", "partner", "mentor"
        )
        .filter(pk=referral_id)
        .first()
    )
    if referral is None:
        return
    if referral.partner is not None:
        to = [c.user.email for c in referral.partner.contacts.select_related("user")]
        link = absolute_url("cases:referral_detail", args=[referral.uuid])
    else:
        to, link = [referral.mentor.email], ""
    mail_send(template="referral", to=to, context={"referral": referral, "link": link})


@task()
def mail_referral_update(referral_id: int) -> None:
    referral = (
        Referral.objects.select_related("casus__advisor__user", "partner")
        .filter(pk=referral_id)
        .first()
    )
    if referral is None or referral.casus.advisor is None:
        return
    mail_send(
        template="referral_update",
        to=[referral.casus.advisor.user.email],
        context={
            "referral": referral,
            "link": absolute_url("cases:casus_detail", args=[referral.casus.uuid]),
        },
    )


@task()
def mail_status(casus_id: int, attempt: int = 1) -> None:
    casus = _casus(casus_id)
    if casus is None:
        return

    def send() -> int:
        url, expires_at = mijn_gegevens_link(casus)
        return mail_send_now(
            template="status",
            to=[casus.entrepreneur.email],
            context={
                "casus": casus,
                "link": url,
                "expires_at": expires_at,
                "satisfaction_link": satisfaction_link(casus),
            },
            language=casus.entrepreneur.language,
        )

    mail_with_link_retry(mail_status, attempt=attempt, send=send, casus_id=casus_id)


@task()
def mail_question_answer(casus_id: int) -> None:
    casus = _casus(casus_id)
    if casus is None:
        return
    mail_send(
        template="question_answer",
        to=[casus.entrepreneur.email],
        context={"casus": casus},
        language=casus.entrepreneur.language,
    )


@task()
def mail_followup(casus_id: int, attempt: int = 1) -> None:
    casus = _casus(casus_id)
    if casus is None:
        return

    def send() -> int:
        if casus.scan_id is not None:
            link = vervolgscan_link_issue(scan=casus.scan, language=casus.entrepreneur.language)
        else:
            link = absolute_url("cases:intake_request", language=casus.entrepreneur.language)
        return mail_send_now(
            template="followup",
            to=[casus.entrepreneur.email],
            context={"casus": casus, "link": link, "has_scan": casus.scan_id is not None},
            language=casus.entrepreneur.language,
        )

    mail_with_link_retry(mail_followup, attempt=attempt, send=send, casus_id=casus_id)


def satisfaction_link(casus: Casus) -> str:
    issued = magic_link_issue(purpose=LinkPurpose.SATISFACTION, subject_uuid=casus.uuid, days=60)
    return absolute_url(
        "cases:satisfaction", args=[issued.raw_token], language=casus.entrepreneur.language
    )
