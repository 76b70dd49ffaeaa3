"""What monitoring keeps: anonymous events, targets as data (KpiDefinition), the stored quarterly
reports, and the regional economy and labour-market figures editors upload."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakelteam.events import EventKind
from schakelteam.organisation.models import Gemeente, Partner, Regio

# The event fields a KPI may filter on (KpiDefinition.filters keys → lookups).
FILTER_FIELDS = {
    "origin": "origin",
    "outcome": "outcome",
    "size_class": "size_class",
    "sbi_section": "sbi_section",
    "partner": "partner__slug",
    "gemeente": "gemeente__slug",
}


class MonitoringEvent(models.Model):
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices, db_index=True)
    occurred_at = models.DateTimeField(_("occurred at"), default=timezone.now, db_index=True)
    regio = models.ForeignKey(
        Regio, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    gemeente = models.ForeignKey(
        Gemeente, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    size_class = models.CharField(_("size class"), max_length=10, blank=True)
    sbi_section = models.CharField(_("SBI section"), max_length=1, blank=True)
    theme_slugs = models.JSONField(_("themes"), default=list, blank=True)
    partner = models.ForeignKey(
        Partner, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
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


class KpiPeriod(models.TextChoices):
    QUARTER = "quarter", _("Per quarter")
    YEAR = "year", _("Per year")
    DEAL = "deal", _("Over the whole deal")


class KpiDefinition(models.Model):
    """How one target is counted from monitoring events; editors manage these in the admin."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    regio = models.ForeignKey(
        Regio, on_delete=models.PROTECT, related_name="kpis", verbose_name=_("region")
    )
    event_kind = models.CharField(_("event counted"), max_length=30, choices=EventKind.choices)
    filters = models.JSONField(
        _("filters"),
        default=dict,
        blank=True,
        help_text=_(
            'Only count events that match, e.g. {"origin": "scan"} or {"size_class": ["2-4", "5-10"]}. '
            "Keys: origin, outcome, size_class, sbi_section, partner (slug), gemeente (slug)."
        ),
    )
    distinct_companies = models.BooleanField(
        _("count distinct companies"),
        default=False,
        help_text=_("On: a company with several events counts once."),
    )
    per_gemeente = models.BooleanField(_("target applies to each municipality"), default=False)
    target = models.DecimalField(
        _("target value"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    period = models.CharField(
        _("target period"), max_length=10, choices=KpiPeriod.choices, default=KpiPeriod.DEAL
    )
    starts_on = models.DateField(_("counting starts on"), null=True, blank=True)
    ends_on = models.DateField(_("counting ends on"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=100, blank=True)
    denominator_indicator = models.CharField(
        _("denominator indicator"),
        max_length=80,
        blank=True,
        help_text=_(
            "Optional: the regional indicator (per municipality) to divide by; the figure becomes a percentage."
        ),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("KPI definition")
        verbose_name_plural = _("KPI definitions")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        filters = self.filters or {}
        if not isinstance(filters, dict):
            raise ValidationError({"filters": _("Filters must be a JSON object.")})
        unknown = sorted(set(filters) - set(FILTER_FIELDS))
        if unknown:
            raise ValidationError(
                {"filters": _("Unknown filter: %(keys)s.") % {"keys": ", ".join(unknown)}}
            )
        for value in filters.values():
            items = value if isinstance(value, list) else [value]
            if not all(isinstance(v, str) for v in items):
                raise ValidationError({"filters": _("Filter values are text or lists of text.")})
        if self.starts_on and self.ends_on and self.starts_on > self.ends_on:
            raise ValidationError({"ends_on": _("The end lies before the start.")})


def report_upload_to(instance: "QuarterlyReport", filename: str) -> str:
    """Under the report's UUID, so a file name can't be guessed even where media are served."""
    return f"rapportages/{instance.uuid}/{filename}"


class ReportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be built")
    RUNNING = "running", _("Being built")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class QuarterlyReport(models.Model):
    """One quarter's report for the RWF board: the figures it was built from are frozen with it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    regio = models.ForeignKey(
        Regio, on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    quarter = models.CharField(_("quarter"), max_length=7, help_text=_("For example 2025-Q3."))
    narrative = models.TextField(_("narrative"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.PENDING
    )
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    built_at = models.DateTimeField(_("built at"), null=True, blank=True)
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=report_upload_to, blank=True)
    xlsx = models.FileField(_("spreadsheet"), upload_to=report_upload_to, blank=True)

    class Meta:
        ordering = ["-quarter", "-created_at"]
        verbose_name = _("quarterly report")
        verbose_name_plural = _("quarterly reports")

    def __str__(self) -> str:
        return f"{self.regio} {self.quarter}"


class RegionalIndicator(models.Model):
    """One published figure for a gemeente or a whole regio, for one period, with its source."""

    indicator = models.SlugField(_("indicator"), max_length=80)
    label = models.CharField(_("label"), max_length=200, blank=True)
    regio = models.ForeignKey(
        Regio,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("region"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("municipality"),
    )
    period = models.CharField(_("period"), max_length=20)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    source = models.CharField(_("source"), max_length=200)
    source_date = models.DateField(_("source date"))
    is_demo = models.BooleanField(_("demo figure"), default=False)

    class Meta:
        ordering = ["indicator", "period", "gemeente__name"]
        verbose_name = _("regional indicator")
        verbose_name_plural = _("regional indicators")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "regio", "gemeente", "period"],
                name="monitoring_indicator_unique",
            ),
            models.UniqueConstraint(
                fields=["indicator", "regio", "period"],
                condition=models.Q(gemeente__isnull=True),
                name="monitoring_indicator_regio_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.gemeente or self.regio} {self.period}"

    def clean(self) -> None:
        if self.gemeente_id and self.regio_id and self.gemeente.regio_id != self.regio_id:
            raise ValidationError({"gemeente": _("This municipality is in another region.")})
