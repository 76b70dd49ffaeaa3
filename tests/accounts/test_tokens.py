"""Entrepreneur links: tampered, expired, used, revoked, state-changed or reused for another
purpose are refused; only the hash is stored."""

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.models import MagicLink
from schakelteam.accounts.tokens import (
    TokenError,
    magic_link_issue,
    magic_link_resolve,
    magic_links_revoke,
)

pytestmark = pytest.mark.django_db


def issue(**kwargs):
    return magic_link_issue(
        purpose=kwargs.pop("purpose", LinkPurpose.SCAN_RESULT), subject_uuid=uuid.uuid4(), **kwargs
    )


def refused(purpose, raw, **kwargs) -> str:
    with pytest.raises(TokenError) as caught:
        magic_link_resolve(purpose=purpose, raw_token=raw, **kwargs)
    return caught.value.reason


def test_only_the_hash_of_the_token_is_stored():
    issued = issue()
    stored = MagicLink.objects.get(pk=issued.link.pk)
    assert issued.raw_token not in {stored.token_hash, str(stored.subject_uuid)}
    assert magic_link_resolve(purpose=LinkPurpose.SCAN_RESULT, raw_token=issued.raw_token)


@pytest.mark.parametrize("position", [0, 10, -1])
def test_a_tampered_token_is_refused(position):
    raw = issue().raw_token
    char = "A" if raw[position] != "A" else "B"
    tampered = raw[:position] + char + (raw[position + 1 :] if position != -1 else "")
    assert refused(LinkPurpose.SCAN_RESULT, tampered) == "unknown"


@pytest.mark.parametrize("raw", ["", "x" * 129, "\x00", "' OR 1=1 --"])
def test_garbage_tokens_are_refused(raw):
    assert refused(LinkPurpose.SCAN_RESULT, raw) == "unknown"


def test_an_expired_token_is_refused():
    issued = issue(days=3)
    with time_machine.travel(timezone.now() + timedelta(days=3, seconds=1)):
        assert refused(LinkPurpose.SCAN_RESULT, issued.raw_token) == "expired"


def test_a_token_for_one_purpose_does_not_open_another():
    issued = issue(purpose=LinkPurpose.SCAN_RESUME)
    for purpose in LinkPurpose.values:
        if purpose != LinkPurpose.SCAN_RESUME:
            assert refused(purpose, issued.raw_token) == "unknown"


def test_a_token_is_void_after_the_state_it_was_issued_for_changed():
    issued = issue(state="v1")
    magic_link_resolve(purpose=LinkPurpose.SCAN_RESULT, raw_token=issued.raw_token, state="v1")
    assert refused(LinkPurpose.SCAN_RESULT, issued.raw_token, state="v2") == "used"


def test_a_revoked_token_is_refused():
    issued = issue()
    magic_links_revoke(subject_uuid=issued.link.subject_uuid)
    assert refused(LinkPurpose.SCAN_RESULT, issued.raw_token) == "unknown"
