"""Countable facts that every app reports as they happen ("a scan was submitted").

Monitoring stores each one anonymously (its receiver of `event_happened`); the apps that report
them don't depend on it. A fact never carries a name, e-mail, KvK number or free text.
"""

import hashlib
import hmac

from django.conf import settings
from django.db import models
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    """Countable facts, recorded anonymously when they happen (see monitoring/events.py)."""

    SCAN_STARTED = "scan_started", _("Scan started")
    SCAN_SUBMITTED = "scan_submitted", _("Scan submitted")
    VERVOLGSCAN_SUBMITTED = "vervolgscan_submitted", _("Follow-up scan submitted")
    CASE_OPENED = "case_opened", _("Case opened")
    FIRST_CONTACT = "first_contact", _("First contact")
    APPOINTMENT_HELD = "appointment_held", _("Appointment held")
    ADVICE_GIVEN = "advice_given", _("Advice given")
    REFERRAL_MADE = "referral_made", _("Referral made")
    REFERRAL_ACCEPTED = "referral_accepted", _("Referral accepted")
    REFERRAL_DECLINED = "referral_declined", _("Referral declined")
    REFERRAL_COMPLETED = "referral_completed", _("Referral completed")
    CASE_CLOSED = "case_closed", _("Case closed")
    EVENT_REGISTERED = "event_registered", _("Registered for a meeting")
    EVENT_ATTENDED = "event_attended", _("Attended a meeting")
    MEETING_HELD = "meeting_held", _("Meeting held")
    QUESTION_ANSWERED = "question_answered", _("Question answered")
    SATISFACTION_GIVEN = "satisfaction_given", _("Satisfaction given")


event_happened = Signal()


def event_report(*, kind: str, **facts) -> None:
    """Report one countable fact; `facts` are its anonymous dimensions (see MonitoringEvent)."""
    event_happened.send(sender=None, kind=kind, **facts)


def company_key_for(identifier: str) -> str:
    """A keyed hash of a KvK number (or another stable company id); empty stays empty."""
    identifier = (identifier or "").strip().lower()
    if not identifier:
        return ""
    key = settings.SCHAKELTEAM_HASH_KEY.encode()
    return hmac.new(key, identifier.encode(), hashlib.sha256).hexdigest()[:32]
