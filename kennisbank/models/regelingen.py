"""Regelingen: pages editors own, with the structured facts the overview, matching and check query."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kennisbank.blocks import BodyBlock
from kennisbank.constants import CriterionOperator, RegelingKind, RegelingLevel
from kennisbank.criteria import OPERATORS_BY_TYPE, criterion_value_normalise
from kennisbank.eligibility_fields import CriterionValueField
from kennisbank.facts import FACTS


class RegelingIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["kennisbank.RegelingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("regeling overview")

    def get_context(self, request, *args, **kwargs):
        from kennisbank import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.regeling_overview(index=self, params=request.GET))
        return context


class RegelingPage(Page):
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences for lists and search.")
    )
    target_group = models.TextField(_("target group"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=RegelingLevel.choices, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=RegelingKind.choices, blank=True)
    themes = ParentalManyToManyField("organisation.Theme", blank=True, verbose_name=_("themes"))
    phases = models.JSONField(_("phases"), default=list, blank=True)
    size_min = models.PositiveIntegerField(_("minimum employees"), null=True, blank=True)
    size_max = models.PositiveIntegerField(_("maximum employees"), null=True, blank=True)
    sectors = models.JSONField(
        _("sectors (SBI sections)"),
        default=list,
        blank=True,
        help_text=_("Empty means every sector."),
    )
    gemeenten = ParentalManyToManyField(
        "organisation.Gemeente",
        blank=True,
        verbose_name=_("municipalities"),
        help_text=_("Empty means it applies everywhere its level covers."),
    )
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    max_amount = models.PositiveBigIntegerField(_("maximum amount (EUR)"), null=True, blank=True)
    official_url = models.URLField(_("official link"), blank=True, max_length=500)
    external_id = models.SlugField(_("external id"), max_length=120, blank=True, db_index=True)
    source = models.TextField(_("source"), blank=True)
    facts_checked_on = models.DateField(_("facts last checked on"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("target_group"),
        MultiFieldPanel(
            [
                FieldPanel("provider"),
                FieldRowPanel([FieldPanel("level"), FieldPanel("kind")]),
                FieldPanel("themes"),
                FieldRowPanel([FieldPanel("size_min"), FieldPanel("size_max")]),
                FieldPanel("sectors"),
                FieldPanel("gemeenten"),
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
                FieldPanel("max_amount"),
                FieldPanel("official_url"),
            ],
            heading=_("Facts"),
        ),
        InlinePanel("criteria", label=_("Eligibility criteria")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("external_id"), FieldPanel("source"), FieldPanel("facts_checked_on")],
            heading=_("Source"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("provider"),
        index.SearchField("target_group"),
        index.SearchField("body"),
        index.FilterField("level"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["kennisbank.RegelingIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("regeling")
        verbose_name_plural = _("regelingen")

    def clean(self) -> None:
        super().clean()
        if (
            self.size_min is not None
            and self.size_max is not None
            and self.size_min > self.size_max
        ):
            raise ValidationError({"size_max": _("The maximum must not be below the minimum.")})
        if self.opens_on and self.closes_on and self.opens_on > self.closes_on:
            raise ValidationError(
                {"closes_on": _("The closing date must not be before the opening date.")}
            )

    def get_context(self, request, *args, **kwargs):
        from kennisbank import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.regeling_detail(regeling=self))
        return context

    def is_open_on(self, day: datetime.date) -> bool:
        return (self.opens_on is None or self.opens_on <= day) and (
            self.closes_on is None or day <= self.closes_on
        )


# The fields of a criterion that make one eligibility rule, in the order of eligibility.Rule:
# read by the evaluation (matching.py) and by the import (importing.py).
CRITERION_FIELDS = (
    "fact",
    "operator",
    "value",
    "knockout",
    "explanation_met",
    "explanation_not_met",
)


class RegelingCriterion(Orderable):
    """One eligibility condition; the evaluation reads `fact`, `operator` and `value`."""

    page = ParentalKey(RegelingPage, on_delete=models.CASCADE, related_name="criteria")
    fact = models.CharField(
        _("fact"), max_length=40, choices=[(k, f.label) for k, f in FACTS.items()]
    )
    operator = models.CharField(_("operator"), max_length=10, choices=CriterionOperator.choices)
    value = CriterionValueField(
        _("value"),
        help_text=_(
            "A number (10), a value (bv), or for 'is one of', 'is none of' and 'between' a list "
            "separated by commas (bv, nv or 2, 10)."
        ),
    )
    knockout = models.BooleanField(
        _("knock-out"), default=True, help_text=_("Not meeting it rules the regeling out.")
    )
    explanation_met = models.CharField(_("you meet this because …"), max_length=300, blank=True)
    explanation_not_met = models.CharField(
        _("you do not meet this because …"), max_length=300, blank=True
    )

    panels = [
        FieldRowPanel([FieldPanel("fact"), FieldPanel("operator"), FieldPanel("knockout")]),
        FieldPanel("value"),
        FieldPanel("explanation_met"),
        FieldPanel("explanation_not_met"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return f"{self.fact} {self.get_operator_display()} {self.value}"

    def clean(self) -> None:
        """Refuse a value that does not fit its fact and operator, at the field."""
        super().clean()
        fact = FACTS.get(self.fact)
        if fact is None or not self.operator or self.value is None:
            return
        if self.operator not in OPERATORS_BY_TYPE[fact.type]:
            raise ValidationError(
                {
                    "operator": _("This operator cannot be used with %(label)s.")
                    % {"label": fact.label}
                }
            )
        try:
            self.value = criterion_value_normalise(self.fact, self.operator, self.value)
        except ValidationError as error:
            raise ValidationError({"value": error.messages}) from error
