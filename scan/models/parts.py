"""The parts of a scan definition: domains (steps), questions, options and direction rules. Each
is frozen with its definition."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_delete
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField

from schakelteam.organisation.constants import SizeClass

from ..constants import (
    Direction,
    Horizon,
    QuestionKind,
)
from ..scoring import condition_validate
from .definitions import FrozenChild, ScanDefinition, frozen_delete_refuse, synchronized_fields


class Domain(TranslatableMixin, FrozenChild, ClusterableModel):
    """One step of the scan, linked to a theme; holds the advice per score band."""

    definition = ParentalKey(ScanDefinition, on_delete=models.CASCADE, related_name="domains")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    slug = models.SlugField(
        _("slug"), help_text=_("Stable across versions; used to compare scans.")
    )
    title = models.CharField(_("title"), max_length=120)
    intro = models.TextField(_("introduction"), blank=True)
    theme = models.ForeignKey(
        "organisation.Theme",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("theme"),
    )
    scored = models.BooleanField(
        _("shown in the result"),
        default=True,
        help_text=_("Off for a closing step without scores."),
    )
    condition_size_classes = models.JSONField(
        _("only for size classes"),
        default=list,
        blank=True,
        help_text=_('Empty: everyone. Otherwise a list such as ["2-4", "5-10"].'),
    )
    advice_attention = models.TextField(_("advice when the score is 0–39"), blank=True)
    advice_on_way = models.TextField(_("advice when the score is 40–69"), blank=True)
    advice_strong = models.TextField(_("advice when the score is 70–100"), blank=True)

    translatable_fields = [
        *(
            TranslatableField(name)
            for name in ("title", "intro", "advice_attention", "advice_on_way", "advice_strong")
        ),
        TranslatableField("questions"),
        *synchronized_fields("order", "slug", "theme", "scored", "condition_size_classes"),
    ]

    panels = [
        FieldPanel("order"),
        FieldPanel("slug"),
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("theme"),
        FieldPanel("scored"),
        FieldPanel("condition_size_classes"),
        MultiFieldPanel(
            [
                FieldPanel("advice_attention"),
                FieldPanel("advice_on_way"),
                FieldPanel("advice_strong"),
            ],
            heading=_("Advice"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["order", "pk"]
        verbose_name = _("domain")
        verbose_name_plural = _("domains")
        constraints = [
            models.UniqueConstraint(fields=["definition", "slug"], name="scan_domain_slug_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.definition.name})" if self.definition_id else self.title

    def _definition_id(self) -> int | None:
        return self.definition_id

    def clean(self) -> None:
        super().clean()
        sizes = self.condition_size_classes
        if not isinstance(sizes, list) or any(s not in SizeClass.values for s in sizes):
            raise ValidationError(
                {"condition_size_classes": _('Use a list of size classes, e.g. ["2-4"].')}
            )


class Question(TranslatableMixin, FrozenChild, ClusterableModel):
    definition_lookup = "domain__definition_id"

    domain = ParentalKey(
        Domain, on_delete=models.CASCADE, related_name="questions", verbose_name=_("domain")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    slug = models.SlugField(_("slug"), help_text=_("Stable across versions."))
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    horizon = models.CharField(
        _("horizon"), max_length=10, choices=Horizon.choices, default=Horizon.NOW
    )
    help_text = models.CharField(_("help text"), max_length=400, blank=True)
    required = models.BooleanField(_("required"), default=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, help_text=_("0: the answer does not count in the score.")
    )
    condition_question_slug = models.SlugField(
        _("show only if question"),
        blank=True,
        help_text=_("Slug of an earlier question in this definition."),
    )
    condition_values = models.JSONField(
        _("has one of the answers"), default=list, blank=True, help_text=_('e.g. ["ja"]')
    )

    translatable_fields = [
        TranslatableField("text"),
        TranslatableField("help_text"),
        TranslatableField("options"),
        *synchronized_fields(
            "order",
            "slug",
            "kind",
            "horizon",
            "required",
            "weight",
            "condition_question_slug",
            "condition_values",
        ),
    ]

    panels = [
        FieldPanel("domain"),
        FieldPanel("order"),
        FieldPanel("slug"),
        FieldPanel("text"),
        FieldPanel("kind"),
        FieldPanel("horizon"),
        FieldPanel("help_text"),
        FieldPanel("required"),
        FieldPanel("weight"),
        MultiFieldPanel(
            [FieldPanel("condition_question_slug"), FieldPanel("condition_values")],
            heading=_("Condition"),
        ),
        InlinePanel("options", label=_("Answer options")),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["domain__order", "order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    def _definition_id(self) -> int | None:
        return self.domain.definition_id if self.domain_id else None

    def clean(self) -> None:
        super().clean()
        if not isinstance(self.condition_values, list):
            raise ValidationError({"condition_values": _("Use a list of answer values.")})
        if self.condition_question_slug and not self.condition_values:
            raise ValidationError({"condition_values": _("Give the answers that show it.")})
        if self.condition_question_slug and self.domain_id:
            earlier = Question.objects.filter(
                domain__definition_id=self.domain.definition_id, slug=self.condition_question_slug
            ).exclude(pk=self.pk)
            if not earlier.exists():
                raise ValidationError(
                    {"condition_question_slug": _("No question with this slug in this version.")}
                )


class Option(TranslatableMixin, FrozenChild):
    definition_lookup = "question__domain__definition_id"

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    value = models.SlugField(_("value"), max_length=40, help_text=_("Stable across versions."))
    label = models.CharField(_("label"), max_length=200)
    score = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True, help_text=_("1 to 5; empty: does not count.")
    )

    translatable_fields = [
        TranslatableField("label"),
        *synchronized_fields("order", "value", "score"),
    ]

    panels = [FieldPanel("order"), FieldPanel("value"), FieldPanel("label"), FieldPanel("score")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["order", "pk"]
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")

    def __str__(self) -> str:
        return self.label

    def _definition_id(self) -> int | None:
        if not self.question_id:
            return None
        return self.question.domain.definition_id

    def clean(self) -> None:
        super().clean()
        if self.score is not None and not 1 <= self.score <= 5:
            raise ValidationError({"score": _("A score is 1 to 5, or empty.")})


class DirectionRule(TranslatableMixin, FrozenChild):
    """Tried in order; the first whose condition holds gives the direction (empty = always)."""

    definition = ParentalKey(
        ScanDefinition, on_delete=models.CASCADE, related_name="direction_rules"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    direction = models.CharField(_("direction"), max_length=20, choices=Direction.choices)
    condition = models.JSONField(
        _("condition"),
        default=dict,
        blank=True,
        help_text=_(
            'e.g. {"any": [{"field": "answer.ond-plannen", "op": "in", "value": ["stoppen"]}]}'
        ),
    )
    reason = models.TextField(_("reason shown"))
    description = models.TextField(_("description"), blank=True)
    theme_slugs = models.JSONField(_("themes"), default=list, blank=True)

    translatable_fields = [
        TranslatableField("reason"),
        TranslatableField("description"),
        *synchronized_fields("order", "direction", "condition", "theme_slugs"),
    ]

    panels = [
        FieldPanel("order"),
        FieldPanel("direction"),
        FieldPanel("condition"),
        FieldPanel("reason"),
        FieldPanel("description"),
        FieldPanel("theme_slugs"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["order", "pk"]
        verbose_name = _("direction rule")
        verbose_name_plural = _("direction rules")

    def __str__(self) -> str:
        return f"{self.order}. {self.get_direction_display()}"

    def _definition_id(self) -> int | None:
        return self.definition_id

    def clean(self) -> None:
        super().clean()
        try:
            condition_validate(self.condition)
        except ValueError as exc:
            raise ValidationError({"condition": str(exc)}) from exc


# Connected per model: a receiver for every sender would slow down every delete in the project.
for _model in (Domain, Question, Option, DirectionRule):
    pre_delete.connect(frozen_delete_refuse, sender=_model)
