"""Anonymous monitoring events: what the dashboard, reports and open data count.

An event never holds a name, e-mail, KvK number or free text, so erasing a person never
changes a reported figure. Distinct companies are counted by a keyed hash (`company_key`).
"""

import hashlib
import hmac
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import EventKind


def company_key_for(identifier: str) -> str:
    """A keyed hash of a KvK number (or another stable company id); empty stays empty."""
    identifier = (identifier or "").strip().lower()
    if not identifier:
        return ""
    key = settings.SCHAKELTEAM_HASH_KEY.encode()
    return hmac.new(key, identifier.encode(), hashlib.sha256).hexdigest()[:32]


class MonitoringEvent(models.Model):
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices, db_index=True)
    occurred_at = models.DateTimeField(_("occurred at"), default=timezone.now, db_index=True)
    regio = models.ForeignKey(
        "schakelteam.Regio", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    gemeente = models.ForeignKey(
        "schakelteam.Gemeente", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    size_class = models.CharField(_("size class"), max_length=10, blank=True)
    sbi_section = models.CharField(_("SBI section"), max_length=1, blank=True)
    theme_slugs = models.JSONField(_("themes"), default=list, blank=True)
    partner = models.ForeignKey(
        "schakelteam.Partner", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    origin = models.CharField(_("origin"), max_length=20, blank=True)
    outcome = models.CharField(_("outcome"), max_length=40, blank=True)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2, null=True, blank=True)
    company_key = models.CharField(max_length=32, blank=True, db_index=True)

    class Meta:
        verbose_name = _("monitoring event")
        verbose_name_plural = _("monitoring events")
        indexes = [models.Index(fields=["kind", "occurred_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.occurred_at:%Y-%m-%d}"


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
