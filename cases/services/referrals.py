"""Referrals to back-office partners and mentors: only with the entrepreneur's consent."""

from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from cases.models import Casus, Referral
from schakelteam.events import EventKind

from ..constants import CasusStatus, ConsentPurpose, ReferralOutcome, ReferralStatus
from ..exceptions import ConsentRequired, InvalidTransition
from ..selectors import consent_is_given
from ..tasks import mail_referral, mail_referral_update
from .handling import _advance, _locked_open, casus_event_report, history_user_set


@transaction.atomic
def referral_create(
    *, casus: Casus, reason: str, partner=None, mentor=None, by: AbstractBaseUser | None = None
) -> Referral:
    if (partner is None) == (mentor is None):
        raise InvalidTransition(casus)
    casus = _locked_open(casus, by)
    if not consent_is_given(
        entrepreneur=casus.entrepreneur, purpose=ConsentPurpose.SHARE_WITH_PARTNER
    ):
        raise ConsentRequired(ConsentPurpose.SHARE_WITH_PARTNER)
    referral = Referral(casus=casus, partner=partner, mentor=mentor, reason=reason, created_by=by)
    history_user_set(referral, by)
    referral.save()
    _advance(casus, CasusStatus.DOORVERWEZEN)
    casus.save(update_fields=["status"])
    casus_event_report(
        casus, EventKind.REFERRAL_MADE, partner=partner, outcome="mentor" if mentor else ""
    )
    transaction.on_commit(lambda: mail_referral.enqueue(referral_id=referral.pk))
    return referral


def _locked(referral: Referral, allowed: tuple[str, ...], by: AbstractBaseUser | None) -> Referral:
    referral = (
        Referral.objects.select_for_update(of=("self",))
        .select_related("casus__company", "partner")
        .get(pk=referral.pk)
    )
    if referral.status not in allowed:
        raise InvalidTransition(referral)
    history_user_set(referral, by)
    return referral


def _days_since_sent(referral: Referral, moment) -> Decimal:
    """The monitoring funnel's median days: from sending the referral to this step."""
    return (Decimal((moment - referral.sent_at).total_seconds()) / Decimal(86400)).quantize(
        Decimal("0.01")
    )


@transaction.atomic
def referral_respond(
    *, referral: Referral, accept: bool, reason: str = "", by: AbstractBaseUser | None = None
) -> Referral:
    """The partner accepts or declines; a decline needs a reason the advisor can act on."""
    referral = _locked(referral, (ReferralStatus.SENT,), by)
    if not accept and not reason.strip():
        raise InvalidTransition(referral)
    referral.status = ReferralStatus.ACCEPTED if accept else ReferralStatus.DECLINED
    referral.decline_reason = "" if accept else reason
    referral.responded_at = timezone.now()
    referral.save(update_fields=["status", "decline_reason", "responded_at"])
    casus_event_report(
        referral.casus,
        EventKind.REFERRAL_ACCEPTED if accept else EventKind.REFERRAL_DECLINED,
        partner=referral.partner,
        value=_days_since_sent(referral, referral.responded_at),
    )
    transaction.on_commit(lambda: mail_referral_update.enqueue(referral_id=referral.pk))
    return referral


@transaction.atomic
def referral_complete(
    *, referral: Referral, outcome: str, note: str = "", by: AbstractBaseUser | None = None
) -> Referral:
    referral = _locked(referral, (ReferralStatus.ACCEPTED,), by)
    referral.status = ReferralStatus.COMPLETED
    referral.outcome = ReferralOutcome(outcome)
    referral.outcome_note = note
    referral.completed_at = timezone.now()
    referral.save(update_fields=["status", "outcome", "outcome_note", "completed_at"])
    casus_event_report(
        referral.casus,
        EventKind.REFERRAL_COMPLETED,
        partner=referral.partner,
        outcome=outcome,
        value=_days_since_sent(referral, referral.completed_at),
    )
    transaction.on_commit(lambda: mail_referral_update.enqueue(referral_id=referral.pk))
    return referral
