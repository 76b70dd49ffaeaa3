"""A scan definition (a versioned questionnaire) and the freeze that keeps a published one as it
was: its parts (parts.py) refuse every change once it is published."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..constants import (
    DefinitionKind,
    DefinitionStatus,
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


def synchronized_fields(*names: str) -> list:
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
        *synchronized_fields("name", "kind"),
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
        # Refused, when frozen, by the pre_delete receiver (parts.py; it also covers querysets).
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


def frozen_delete_refuse(sender, instance, **kwargs) -> None:
    """Also for deletes that skip Model.delete(): querysets, cascades, the admin's bulk delete."""
    instance._refuse_if_frozen()
