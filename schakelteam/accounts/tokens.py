"""Magic links for entrepreneurs: a random token, only its hash stored, bound to one purpose and subject."""

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import MagicLink


class TokenError(Exception):
    """The link cannot be used; `reason` is one of: unknown, expired, used."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedLink:
    raw_token: str
    link: MagicLink


def magic_link_issue(
    *,
    purpose: str,
    subject_uuid: uuid.UUID,
    days: int | None = None,
    state: str = "",
) -> IssuedLink:
    """Create a link; the raw token is returned once and never stored."""
    raw = secrets.token_urlsafe(32)
    link = MagicLink.objects.create(
        token_hash=token_hash(raw),
        purpose=purpose,
        subject_uuid=subject_uuid,
        expires_at=timezone.now() + timedelta(days=days or settings.SCHAKELTEAM_MAGIC_LINK_DAYS),
        state=state,
    )
    return IssuedLink(raw_token=raw, link=link)


def magic_link_resolve(*, purpose: str, raw_token: str, state: str | None = None) -> MagicLink:
    """The valid link for `raw_token` and `purpose`, or TokenError. A changed `state` voids it."""
    if not raw_token or len(raw_token) > 128:
        raise TokenError("unknown")
    link = MagicLink.objects.filter(token_hash=token_hash(raw_token), purpose=purpose).first()
    if link is None or link.revoked_at is not None:
        raise TokenError("unknown")
    if link.used_at is not None:
        raise TokenError("used")
    if link.expires_at <= timezone.now():
        raise TokenError("expired")
    if state is not None and link.state and link.state != state:
        raise TokenError("used")
    return link


def magic_links_revoke(*, subject_uuid: uuid.UUID, purpose: str | None = None) -> int:
    qs = MagicLink.objects.filter(subject_uuid=subject_uuid, revoked_at__isnull=True)
    if purpose:
        qs = qs.filter(purpose=purpose)
    return qs.update(revoked_at=timezone.now())
