"""Who looked at whose personal data, and why (AVG access log); plus staff security events."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .roles import Role, role_of


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


def security_event_record(
    *, actor: AbstractBaseUser | None, subject: AbstractBaseUser | str, action: str
) -> StaffSecurityEvent:
    subject_label = subject if isinstance(subject, str) else subject.get_username()
    return StaffSecurityEvent.objects.create(
        actor=actor,
        actor_label=actor.get_username() if actor else "",
        subject_label=subject_label,
        action=action,
    )


def personal_data_access_record(
    *,
    user: AbstractBaseUser,
    action: str,
    subject_type: str,
    subject_uuid: uuid.UUID,
    casus_uuid: uuid.UUID | None = None,
) -> PersonalDataAccess:
    """Call from every staff view/export/download of a case, scan or person (after the
    selector found the object, before rendering)."""
    if action not in AccessAction.values or subject_type not in SubjectType.values:
        raise ValueError(f"Unknown access action/subject: {action}/{subject_type}")
    return PersonalDataAccess.objects.create(
        user=user,
        user_label=user.get_full_name() or user.get_username(),
        action=action,
        subject_type=subject_type,
        subject_uuid=subject_uuid,
        casus_uuid=casus_uuid,
    )


def personal_data_access_list(*, user: AbstractBaseUser) -> QuerySet[PersonalDataAccess]:
    """The whole log for coordinators and admins; nothing for anyone else."""
    qs = PersonalDataAccess.objects.all()
    if role_of(user) in (Role.COORDINATOR, Role.ADMIN):
        return qs
    return qs.none()


def personal_data_access_for_subject(
    subject_uuid: uuid.UUID, *, casus_uuids: list[uuid.UUID] | tuple = ()
) -> QuerySet[PersonalDataAccess]:
    """For /mijn-gegevens/ ("who looked at my data"): accesses to the subject itself or to
    any of the entrepreneur's cases. The caller has already checked the magic link."""
    q = models.Q(subject_uuid=subject_uuid) | models.Q(casus_uuid=subject_uuid)
    if casus_uuids:
        q |= models.Q(subject_uuid__in=casus_uuids) | models.Q(casus_uuid__in=casus_uuids)
    return PersonalDataAccess.objects.filter(q).only(
        "user_label", "action", "subject_type", "casus_uuid", "created_at"
    )
