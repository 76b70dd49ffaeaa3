"""Recording and reading the access log and the staff security events."""

import uuid

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.db.models import QuerySet

from .models import AccessAction, PersonalDataAccess, StaffSecurityEvent, SubjectType
from .policy import Scope, scope_of


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


def personal_data_access_list(
    *, user: AbstractBaseUser, subject: str = ""
) -> QuerySet[PersonalDataAccess]:
    """The log entries `user` may read (the access_log.view scope of the policy). `subject` (as
    typed) keeps the entries about that casus, scan or person; a value that is no uuid finds
    nothing."""
    qs = PersonalDataAccess.objects.all()
    match scope_of(user, "access_log.view"):
        case Scope.ALL:
            pass
        case _:
            return qs.none()
    if not subject:
        return qs
    try:
        subject_uuid = uuid.UUID(subject)
    except ValueError:
        return qs.none()
    return qs.filter(models.Q(subject_uuid=subject_uuid) | models.Q(casus_uuid=subject_uuid))


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
