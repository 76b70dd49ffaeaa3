"""Render and send one e-mail from templates/cases/email/<name>.<nl|en>.txt (first line = subject).

Two ways out, both retried with back-off and visible as failed tasks when sending fails:
- `mail_send`: hands the rendered message to `schakelteam.mail.mail_enqueue`. The
  rendered body is stored with that task, so never use it for a message with a magic link.
- `mail_send_now`: sends at once and raises on failure; for messages that carry a magic link,
  sent from a task that takes only ids and re-enqueues itself (`tasks.mail_with_link_retry`), so
  the raw token exists only in memory and in the message itself."""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from schakelteam.links import language_pick
from schakelteam.mail import mail_enqueue


def mail_render(*, template: str, context: dict, language: str | None = None) -> tuple[str, str]:
    """(subject, body) in the recipient's language."""
    lang = language_pick(language or settings.LANGUAGE_CODE)
    with translation.override(lang):
        rendered = render_to_string(
            f"cases/email/{template}.{lang}.txt", {**context, "site_url": settings.SITE_URL}
        )
    subject, _, body = rendered.strip().partition("\n")
    return subject.strip(), body.strip() + "\n"


def mail_send(
    *,
    template: str,
    to: Iterable[str],
    context: dict,
    language: str | None = None,
    attachments: Iterable[tuple[str, bytes, str]] = (),
) -> int:
    """Queue one message for delivery by the task worker; returns the number of recipients."""
    recipients = [address for address in to if address]
    if not recipients:
        return 0
    subject, body = mail_render(template=template, context=context, language=language)
    mail_enqueue(subject=subject, body=body, to=recipients, attachments=attachments)
    return len(recipients)


def mail_send_now(
    *, template: str, to: Iterable[str], context: dict, language: str | None = None
) -> int:
    """Send one message now; raises when the mail server refuses (the caller retries)."""
    recipients = [address for address in to if address]
    if not recipients:
        return 0
    subject, body = mail_render(template=template, context=context, language=language)
    return EmailMessage(subject, body, to=recipients).send()
