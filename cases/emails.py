"""Render and send one e-mail from templates/cases/email/<name>.<nl|en>.txt (first line = subject)."""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def language_pick(language: str | None) -> str:
    return "en" if (language or "").startswith("en") else "nl"


def absolute_url(viewname: str, *, args=(), language: str = "nl") -> str:
    with translation.override(language_pick(language)):
        return settings.SITE_URL.rstrip("/") + reverse(viewname, args=args)


def mail_send(
    *,
    template: str,
    to: Iterable[str],
    context: dict,
    language: str | None = None,
    attachments: Iterable[tuple[str, bytes, str]] = (),
) -> int:
    recipients = [address for address in to if address]
    if not recipients:
        return 0
    lang = language_pick(language or settings.LANGUAGE_CODE)
    with translation.override(lang):
        rendered = render_to_string(
            f"cases/email/{template}.{lang}.txt", {**context, "site_url": settings.SITE_URL}
        )
    subject, _, body = rendered.strip().partition("\n")
    message = EmailMessage(subject.strip(), body.strip() + "\n", to=recipients)
    for attachment in attachments:
        message.attach(*attachment)
    return message.send()
