"""A casus and what happens in it: appointments, notes, advice, referrals, satisfaction."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..constants import (
    FINAL_STATUSES,
    AppointmentKind,
    CasusOrigin,
    CasusOutcome,
    CasusStatus,
    ReferralOutcome,
    ReferralStatus,
)


class Casus(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    origin = models.CharField(_("origin"), max_length=10, choices=CasusOrigin.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CasusStatus.choices,
        default=CasusStatus.NIEUW,
        db_index=True,
    )
    entrepreneur = models.ForeignKey(
        "cases.Entrepreneur", on_delete=models.CASCADE, related_name="casussen"
    )
    company = models.ForeignKey("cases.Company", on_delete=models.CASCADE, related_name="casussen")
    themes = models.ManyToManyField(
        "organisation.Theme", blank=True, related_name="casussen", verbose_name=_("themes")
    )
    question = models.TextField(_("question"), max_length=5000)
    scan = models.ForeignKey(
        "scan.ScanResponse",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="casussen",
    )
    advisor = models.ForeignKey(
        "organisation.Advisor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="casussen",
    )
    created_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    sla_due = models.DateTimeField(_("first contact due"))
    first_contact_at = models.DateTimeField(_("first contact at"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=CasusOutcome.choices, blank=True
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    followup_invited_at = models.DateTimeField(_("follow-up invited at"), null=True, blank=True)
    # The form's hidden key: a request posted twice (or ten times at once) makes one casus.
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["idempotency_key"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")

    def __str__(self) -> str:
        return (
            f"{self.get_origin_display()} {self.created_at:%Y-%m-%d} ({self.get_status_display()})"
        )

    @property
    def is_open(self) -> bool:
        return self.status not in FINAL_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.first_contact_at is None and self.is_open and self.sla_due < timezone.now()


class Appointment(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="appointments")
    kind = models.CharField(_("kind"), max_length=10, choices=AppointmentKind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=60, validators=[MaxValueValidator(480)]
    )
    location = models.CharField(_("location or link"), max_length=300, blank=True)
    held_at = models.DateTimeField(_("held at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%Y-%m-%d %H:%M}"


class Note(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("note"), max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M}"


class Advice(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="advices")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("advice"), max_length=5000)
    regelingen = models.ManyToManyField(
        "kennisbank.RegelingPage",
        blank=True,
        related_name="+",
        verbose_name=_("regelingen offered"),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("advice")
        verbose_name_plural = _("advice")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d}"


class Referral(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="referrals")
    partner = models.ForeignKey(
        "organisation.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
    )
    mentor = models.ForeignKey(
        "organisation.Mentor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    reason = models.TextField(_("why this referral"), max_length=3000)
    decline_reason = models.TextField(_("reason for declining"), max_length=3000, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=ReferralOutcome.choices, blank=True
    )
    outcome_note = models.TextField(_("outcome note"), max_length=3000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(partner__isnull=False, mentor__isnull=True)
                    | models.Q(partner__isnull=True, mentor__isnull=False)
                ),
                name="referral_partner_xor_mentor",
            )
        ]

    def __str__(self) -> str:
        return f"{self.partner or self.mentor} ({self.get_status_display()})"

    @property
    def recipient(self):
        return self.partner or self.mentor


class Satisfaction(models.Model):
    """How satisfied the entrepreneur was, 1–5; no free text, so nothing personal."""

    casus = models.OneToOneField(Casus, on_delete=models.CASCADE, related_name="satisfaction")
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    given_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("satisfaction")
        verbose_name_plural = _("satisfaction")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="satisfaction_score_1_5"
            )
        ]

    def __str__(self) -> str:
        return str(self.score)
