"""An entrepreneur's scan and its answers: anonymous, scored at submit."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakelteam.organisation.constants import SbiSection, SizeClass

from ..constants import (
    TurnoverClass,
)
from .definitions import ScanDefinition
from .parts import Question


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
