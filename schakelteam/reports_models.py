"""Targets as data (KpiDefinition) and the stored quarterly reports (QuarterlyReport)."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import EventKind


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
        "schakelteam.Regio", on_delete=models.PROTECT, related_name="kpis", verbose_name=_("region")
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
        from .kpis import FILTER_FIELDS

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
        "schakelteam.Regio", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
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
