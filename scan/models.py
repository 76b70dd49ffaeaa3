"""Versioned scan definitions (editors) and the anonymous responses to them (entrepreneurs)."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import pre_delete
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from schakelteam.organisation.constants import SbiSection, SizeClass

from .constants import (
    DefinitionKind,
    DefinitionStatus,
    Direction,
    Horizon,
    QuestionKind,
    TurnoverClass,
)


class DefinitionFrozen(ValidationError):
    """A published definition (and everything in it) cannot change any more."""

    def __init__(self):
        super().__init__(
            _("This version is published and frozen. Create a new draft to change it.")
        )


def _definition_published(*definition_ids: int | None) -> bool:
    """Any of them frozen: a published original. Translations only hold words, so stay editable."""
    ids = {pk for pk in definition_ids if pk}
    if not ids:
        return False
    return ScanDefinition.objects.filter(
        pk__in=ids,
        status=DefinitionStatus.PUBLISHED,
        locale__language_code=original_language(),
    ).exists()


def original_language() -> str:
    """The language of originals: the site's default content language."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _synchronized(*names: str) -> list:
    """Copied from the original and never overridden in the translation editor."""
    return [SynchronizedField(name, overridable=False) for name in names]


class ScanDefinition(TranslatableMixin, ClusterableModel):
    """One version of a questionnaire, e.g. "Bedrijfsscan 2026.1"; published = frozen.

    The original is in the default language and is what responses point to and are scored on.
    Other languages are wagtail-localize translations of it: same structure, translated words.
    """

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=DefinitionKind.choices,
        default=DefinitionKind.BEDRIJFSSCAN,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DefinitionStatus.choices,
        default=DefinitionStatus.DRAFT,
        editable=False,
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    intro = models.TextField(_("introduction"), blank=True)
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("copied from"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Bumped on every save, also of a translation, so cached translated texts are refreshed.
    updated_at = models.DateTimeField(auto_now=True)

    translatable_fields = [
        TranslatableField("intro"),
        TranslatableField("domains"),
        TranslatableField("direction_rules"),
        *_synchronized("name", "kind"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("intro"),
        InlinePanel("domains", label=_("Domains")),
        InlinePanel("direction_rules", label=_("Direction rules")),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["kind", "-published_at", "-created_at"]
        verbose_name = _("scan definition")
        verbose_name_plural = _("scan definitions")
        constraints = [
            models.UniqueConstraint(fields=["name", "locale"], name="scan_definition_name_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    @property
    def is_published(self) -> bool:
        return self.status == DefinitionStatus.PUBLISHED

    @property
    def is_original(self) -> bool:
        """In the default language: the version responses are scored on."""
        return self.locale_id is None or self.locale.language_code == original_language()

    def clean(self) -> None:
        if self.pk and _definition_published(self.pk):
            raise DefinitionFrozen()
        if self.name and (
            ScanDefinition.objects.filter(name=self.name, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError({"name": _("A scan definition with this name already exists.")})
        if not self.is_original and not (
            ScanDefinition.objects.filter(
                translation_key=self.translation_key, locale__language_code=original_language()
            ).exists()
        ):
            raise ValidationError(
                _(
                    "Create a scan definition in Dutch. Other languages are translations of it: "
                    "use Translate on the Dutch version."
                )
            )

    def delete(self, *args, **kwargs):
        """An original takes its translations with it: they are nothing without it."""
        with transaction.atomic():
            if self.is_original:
                for translation in self.get_translations():
                    translation.delete()
            return super().delete(*args, **kwargs)

    def save(self, *args, **kwargs) -> None:
        if self.pk and _definition_published(self.pk) and not kwargs.pop("_publishing", False):
            raise DefinitionFrozen()
        kwargs.pop("_publishing", None)
        super().save(*args, **kwargs)


class FrozenChild(models.Model):
    """Refuses changes once the owning definition is published: in place, moved out or deleted.

    Saving a part of a translation marks the translation as changed, so the words the scan
    shows (cached per process, see selectors.definition_snapshot) are read again.
    """

    # Lookup from this model to its definition's id, e.g. "domain__definition_id".
    definition_lookup = "definition_id"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self._refuse_if_frozen()
        super().save(*args, **kwargs)
        _translation_touch(self._definition_id())

    def delete(self, *args, **kwargs):
        # Refused, when frozen, by the pre_delete receiver below (it also covers querysets).
        definition_id = self._stored_definition_id()
        result = super().delete(*args, **kwargs)
        _translation_touch(definition_id)
        return result

    def clean(self) -> None:
        self._refuse_if_frozen()

    @property
    def is_frozen(self) -> bool:
        """The definition it belongs to now, or the one it is stored under (a move), is frozen."""
        return _definition_published(self._definition_id(), self._stored_definition_id())

    def _refuse_if_frozen(self) -> None:
        if self.is_frozen:
            raise DefinitionFrozen()

    def _stored_definition_id(self) -> int | None:
        if not self.pk:
            return None
        return (
            type(self)
            .objects.filter(pk=self.pk)
            .values_list(self.definition_lookup, flat=True)
            .first()
        )

    def _definition_id(self) -> int | None:
        raise NotImplementedError


def _translation_touch(definition_id: int | None) -> None:
    if definition_id:
        ScanDefinition.objects.filter(pk=definition_id).exclude(
            locale__language_code=original_language()
        ).update(updated_at=timezone.now())


def _refuse_frozen_delete(sender, instance, **kwargs) -> None:
    """Also for deletes that skip Model.delete(): querysets, cascades, the admin's bulk delete."""
    instance._refuse_if_frozen()


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
        *_synchronized("order", "slug", "theme", "scored", "condition_size_classes"),
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
        *_synchronized(
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

    translatable_fields = [TranslatableField("label"), *_synchronized("order", "value", "score")]

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
        *_synchronized("order", "direction", "condition", "theme_slugs"),
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
        from .scoring import condition_validate

        try:
            condition_validate(self.condition)
        except ValueError as exc:
            raise ValidationError({"condition": str(exc)}) from exc


class ScanResponse(models.Model):
    """One entrepreneur's scan; anonymous (no name or e-mail is ever stored here)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    definition = models.ForeignKey(
        ScanDefinition, on_delete=models.PROTECT, related_name="responses"
    )
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="followups"
    )
    size_class = models.CharField(
        _("size class"), max_length=10, choices=SizeClass.choices, blank=True
    )
    sbi_section = models.CharField(
        _("SBI section"), max_length=1, choices=SbiSection.choices, blank=True
    )
    postcode = models.CharField(_("postcode digits"), max_length=4, blank=True)
    gemeente = models.ForeignKey(
        "organisation.Gemeente", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    founded_year = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    legal_form = models.CharField(_("legal form"), max_length=20, blank=True)
    turnover_class = models.CharField(
        _("turnover"), max_length=20, choices=TurnoverClass.choices, blank=True
    )
    help_themes = models.ManyToManyField(
        "organisation.Theme", blank=True, related_name="+", verbose_name=_("help wanted with")
    )
    facts_done = models.BooleanField(default=False)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    research_consent_at = models.DateTimeField(null=True, blank=True)
    # Scores computed at submit (definition is frozen, so this equals re-scoring).
    result = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("scan response")
        verbose_name_plural = _("scan responses")

    def __str__(self) -> str:
        return f"{self.definition.name} {self.uuid}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class ScanAnswer(models.Model):
    response = models.ForeignKey(ScanResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    # Option value (str), option values (list), a number (int) or text (str).
    value = models.JSONField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("scan answer")
        verbose_name_plural = _("scan answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="scan_answer_unique")
        ]

    def __str__(self) -> str:
        return f"{self.question.slug}={self.value}"


# Connected per model: a receiver for every sender would slow down every delete in the project.
for _model in (Domain, Question, Option, DirectionRule):
    pre_delete.connect(_refuse_frozen_delete, sender=_model)
