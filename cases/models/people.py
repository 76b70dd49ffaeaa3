"""Entrepreneurs, their companies and the consents they gave: the personal data of the platform."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from schakelteam.organisation.constants import SbiSection, SizeClass

from ..constants import ConsentChannel, ConsentPurpose, ContactChannel


def kvk_nummer_clean(value: str) -> str:
    """'12 34 56 78' -> '12345678'; python-stdnum 2.2 has no nl.kvk module, and KvK numbers
    carry no check digit, so the rule is: exactly 8 ASCII digits, not all zeros."""
    return "".join((value or "").split()).replace(".", "")


def kvk_nummer_validate(value: str) -> None:
    digits = kvk_nummer_clean(value)
    if len(digits) != 8 or not digits.isascii() or not digits.isdigit() or digits == "00000000":
        raise ValidationError(_("Enter the 8 digits of the KvK number."), code="invalid_kvk")


class Entrepreneur(models.Model):
    """The contact person of a company; reached by e-mail and magic links, never a login."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), db_index=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    preferred_channel = models.CharField(
        _("preferred channel"),
        max_length=10,
        choices=ContactChannel.choices,
        default=ContactChannel.EMAIL,
    )
    preferred_times = models.CharField(_("preferred times"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=5, default="nl")
    created_at = models.DateTimeField(default=timezone.now)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("entrepreneur")
        verbose_name_plural = _("entrepreneurs")

    def __str__(self) -> str:
        return self.name or str(_("anonymised"))


class Company(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    entrepreneur = models.ForeignKey(
        Entrepreneur, on_delete=models.CASCADE, related_name="companies"
    )
    name = models.CharField(_("company name"), max_length=200)
    kvk_nummer = models.CharField(
        _("KvK number"), max_length=8, blank=True, validators=[kvk_nummer_validate]
    )
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    # null = outside every region we serve ("buiten Flevoland").
    gemeente = models.ForeignKey(
        "organisation.Gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="companies",
    )
    employees = models.PositiveIntegerField(_("people working there"), null=True, blank=True)
    size_class = models.CharField(_("size"), max_length=10, choices=SizeClass.choices, blank=True)
    sbi_section = models.CharField(
        _("sector"), max_length=1, choices=SbiSection.choices, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")

    def __str__(self) -> str:
        return self.name or str(_("anonymised"))


class ConsentText(models.Model):
    """The exact wording asked for one purpose; a new wording is a new version, old ones stay."""

    purpose = models.CharField(_("purpose"), max_length=30, choices=ConsentPurpose.choices)
    version = models.PositiveSmallIntegerField(_("version"))
    text_nl = models.TextField(_("text (Dutch)"))
    text_en = models.TextField(_("text (English)"))
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["purpose", "-version"]
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        constraints = [
            models.UniqueConstraint(fields=["purpose", "version"], name="consenttext_version"),
            models.UniqueConstraint(
                fields=["purpose"],
                condition=models.Q(is_active=True),
                name="consenttext_one_active",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} v{self.version}"

    @property
    def text(self) -> str:
        return self.text_en if (get_language() or "nl").startswith("en") else self.text_nl


class Consent(models.Model):
    """One consent as given: which text version, when, how and recorded by whom."""

    entrepreneur = models.ForeignKey(
        Entrepreneur, on_delete=models.CASCADE, related_name="consents"
    )
    casus = models.ForeignKey(
        "cases.Casus", on_delete=models.SET_NULL, null=True, blank=True, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=30, choices=ConsentPurpose.choices)
    text = models.ForeignKey(
        ConsentText, on_delete=models.PROTECT, related_name="+", verbose_name=_("text version")
    )
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    channel = models.CharField(_("channel"), max_length=10, choices=ConsentChannel.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ["given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.given_at:%Y-%m-%d})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
