"""Absolute links for mails and tokens, in the recipient's language rather than the active one."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def language_pick(language: str | None) -> str:
    return "en" if (language or "").startswith("en") else "nl"


def absolute_url(viewname: str, *, args=(), language: str | None = None) -> str:
    """Full URL of `viewname` under the site's address; `language` None: the active one."""
    with translation.override(language_pick(language or translation.get_language())):
        return settings.SITE_URL.rstrip("/") + reverse(viewname, args=args)
