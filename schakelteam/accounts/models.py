"""Accountability of staff and proof for entrepreneurs: who looked at whose personal data (the AVG
access log), security changes to staff accounts, and the magic links entrepreneurs use instead of a
password."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import LinkPurpose


class AccessAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    EXPORT = "export", _("Exported")
    DOWNLOAD = "download", _("Downloaded")


class SubjectType(models.TextChoices):
    CASUS = "casus", _("Case")
    SCAN = "scan", _("Scan")
    PERSON = "person", _("Person")
    CONSENT = "consent", _("Consent")


class PersonalDataAccess(models.Model):
    """One staff view, export or download of personal data. Append-only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # Kept when the account is removed, so the log still says who it was.
    user_label = models.CharField(_("staff member name"), max_length=150)
    action = models.CharField(_("action"), max_length=20, choices=AccessAction.choices)
    subject_type = models.CharField(_("subject type"), max_length=20, choices=SubjectType.choices)
    subject_uuid = models.UUIDField(_("subject"), db_index=True)
    casus_uuid = models.UUIDField(_("case (reason)"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")

    def __str__(self) -> str:
        return f"{self.user_label} {self.action} {self.subject_type} {self.subject_uuid}"


class SecurityAction(models.TextChoices):
    ENROLLED = "enrolled", _("Second factor set up")
    RECOVERY_CODE_USED = "recovery_code_used", _("Recovery code used")
    RECOVERY_CODES_RENEWED = "recovery_codes_renewed", _("Recovery codes renewed")
    DEVICE_RESET = "device_reset", _("Second factor reset by an admin")
    UNLOCKED = "unlocked", _("Login lockout lifted by an admin")


class StaffSecurityEvent(models.Model):
    """Security-relevant changes to staff accounts (who did what to whom)."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_label = models.CharField(max_length=150)
    subject_label = models.CharField(max_length=150)
    action = models.CharField(max_length=30, choices=SecurityAction.choices)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("staff security event")
        verbose_name_plural = _("staff security events")

    def __str__(self) -> str:
        return f"{self.actor_label} {self.action} {self.subject_label}"


class MagicLink(models.Model):
    """Only the SHA-256 of the token is kept, so a database leak gives no usable links."""

    token_hash = models.CharField(max_length=64, unique=True)
    purpose = models.CharField(max_length=30, choices=LinkPurpose.choices)
    subject_uuid = models.UUIDField(db_index=True)
    state = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("magic link")
        verbose_name_plural = _("magic links")

    def __str__(self) -> str:
        return f"{self.purpose} {self.subject_uuid}"
