"""E-mail that is never silently dropped: `mail_deliver` sends one message from the task worker;
a failure is logged, re-raised (so the attempt is a FAILED task result admins see in
/django-admin/django_tasks_database/dbtaskresult/) and retried later with back-off, up to
SCHAKELTEAM_MAIL_MAX_ATTEMPTS times.

Callers that already render a message enqueue it with `mail_enqueue(...)` (inside a
transaction: use transaction.on_commit)."""

import base64
import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import default_task_backend, task

logger = logging.getLogger("schakelteam.mail")


def retry_delay(attempt: int) -> timedelta:
    """1, 4, 16, 64 … minutes after attempt 1, 2, 3, 4 …"""
    return timedelta(minutes=4 ** (attempt - 1))


@task()
def mail_deliver(
    subject: str,
    body: str,
    to: list[str],
    attachments: list[list[str]] | None = None,
    attempt: int = 1,
) -> int:
    message = EmailMessage(subject, body, to=to)
    for name, content_b64, mimetype in attachments or []:
        message.attach(name, base64.b64decode(content_b64), mimetype)
    try:
        return message.send()
    except Exception:
        max_attempts = settings.SCHAKELTEAM_MAIL_MAX_ATTEMPTS
        logger.exception("Sending mail failed (attempt %s of %s)", attempt, max_attempts)
        if attempt < max_attempts:
            retry = mail_deliver
            if default_task_backend.supports_defer:
                retry = mail_deliver.using(run_after=timezone.now() + retry_delay(attempt))
            retry.enqueue(subject, body, to, attachments, attempt + 1)
        raise


def mail_enqueue(
    *,
    subject: str,
    body: str,
    to: Iterable[str],
    attachments: Iterable[tuple[str, bytes | str, str]] = (),
):
    """Hand one rendered message to the worker; returns the first attempt's TaskResult."""
    encoded = [
        [name, base64.b64encode(c if isinstance(c, bytes) else c.encode()).decode(), mime]
        for name, c, mime in attachments
    ]
    return mail_deliver.enqueue(subject, body, [a for a in to if a], encoded or None)
