"""Retention of event registrations: removed a while after the event ended."""

from datetime import datetime, timedelta

from django.conf import settings

from .models import EventRegistration


def registration_retention_days() -> int:
    return settings.SCHAKELTEAM_EVENT_REGISTRATION_RETENTION_DAYS


def event_registrations_purge(now: datetime) -> int:
    """Registrations of events that ended more than the retention period ago (idempotent)."""
    cutoff = now - timedelta(days=registration_retention_days())
    return EventRegistration.objects.filter(event__ends_at__lt=cutoff).delete()[0]
