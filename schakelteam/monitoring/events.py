"""Storing the countable facts the apps report (schakelteam.events) as anonymous monitoring events.

An event never holds a name, e-mail, KvK number or free text, so erasing a person never
changes a reported figure. Distinct companies are counted by a keyed hash (`company_key`).
"""

from collections.abc import Iterable
from datetime import datetime

from django.dispatch import receiver
from django.utils import timezone

from schakelteam.events import event_happened

from .models import MonitoringEvent


def monitoring_event_record(
    *,
    kind: str,
    regio=None,
    gemeente=None,
    size_class: str = "",
    sbi_section: str = "",
    themes: Iterable = (),
    partner=None,
    origin: str = "",
    outcome: str = "",
    value=None,
    company_key: str = "",
    occurred_at: datetime | None = None,
) -> MonitoringEvent:
    """Record one anonymous countable fact. `themes` are Theme objects or slugs."""
    if regio is None and gemeente is not None:
        regio = gemeente.regio
    return MonitoringEvent.objects.create(
        kind=kind,
        occurred_at=occurred_at or timezone.now(),
        regio=regio,
        gemeente=gemeente,
        size_class=size_class or "",
        sbi_section=sbi_section or "",
        theme_slugs=sorted({t if isinstance(t, str) else t.slug for t in themes}),
        partner=partner,
        origin=origin,
        outcome=outcome,
        value=value,
        company_key=company_key,
    )


@receiver(event_happened, dispatch_uid="monitoring_event_store")
def _event_store(sender, *, signal, kind: str, **facts) -> None:
    monitoring_event_record(kind=kind, **facts)
