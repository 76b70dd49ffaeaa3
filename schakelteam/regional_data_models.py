"""Regional economy and labour-market figures editors upload as CSV (RegionalIndicator)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionalIndicator(models.Model):
    """One published figure for a gemeente or a whole regio, for one period, with its source."""

    indicator = models.SlugField(_("indicator"), max_length=80)
    label = models.CharField(_("label"), max_length=200, blank=True)
    regio = models.ForeignKey(
        "schakelteam.Regio",
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("region"),
    )
    gemeente = models.ForeignKey(
        "schakelteam.Gemeente",
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
                name="schakelteam_indicator_unique",
            ),
            models.UniqueConstraint(
                fields=["indicator", "regio", "period"],
                condition=models.Q(gemeente__isnull=True),
                name="schakelteam_indicator_regio_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.gemeente or self.regio} {self.period}"

    def clean(self) -> None:
        if self.gemeente_id and self.regio_id and self.gemeente.regio_id != self.regio_id:
            raise ValidationError({"gemeente": _("This municipality is in another region.")})
