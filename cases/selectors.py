"""Reads of the cases app. `casus_list` and `referral_list` are the ONE place staff access is scoped."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import Appointment, Casus, Consent, ConsentText, Entrepreneur, Referral
from schakelteam.accounts.audit import personal_data_access_for_subject
from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.models import AccessAction, SubjectType
from schakelteam.accounts.roles import Role, role_of
from schakelteam.accounts.tokens import magic_link_resolve
from schakelteam.organisation.models import Advisor

from .constants import OPEN_STATUSES, CasusStatus, ConsentPurpose, ReferralStatus

User = AbstractBaseUser | AnonymousUser
COORDINATING = (Role.COORDINATOR, Role.PROJECTLEIDER, Role.ADMIN)


def can_coordinate(user: User) -> bool:
    return role_of(user) in COORDINATING


def casus_list(*, user: User) -> QuerySet[Casus]:
    """Every casus `user` may see; all casus views, downloads and sub-objects start here."""
    qs = Casus.objects.select_related(
        "company__gemeente", "entrepreneur", "advisor__user", "advisor__partner"
    )
    match role_of(user):
        case Role.COORDINATOR | Role.PROJECTLEIDER | Role.ADMIN:
            return qs
        case Role.ADVISOR:
            return qs.filter(advisor__user=user)
        case _:
            return qs.none()


def referral_list(*, user: User) -> QuerySet[Referral]:
    """Every referral `user` may see: a partner contact only those to their own organisation."""
    qs = Referral.objects.select_related(
        "casus__company__gemeente", "casus__entrepreneur", "partner", "mentor"
    )
    match role_of(user):
        case Role.COORDINATOR | Role.PROJECTLEIDER | Role.ADMIN:
            return qs
        case Role.ADVISOR:
            return qs.filter(casus__advisor__user=user)
        case Role.PARTNER_CONTACT:
            contact = getattr(user, "partner_contact", None)
            if contact is None:
                return qs.none()
            return qs.filter(partner_id=contact.partner_id)
        case _:
            return qs.none()


def appointment_list(*, user: User) -> QuerySet[Appointment]:
    return Appointment.objects.filter(casus__in=casus_list(user=user)).select_related("casus")


def casus_queue(*, user: User) -> dict[str, QuerySet[Casus]]:
    """The coordinator's queue: new casussen, overdue first contacts and overdue referrals."""
    casussen = casus_list(user=user) if can_coordinate(user) else Casus.objects.none()
    now = timezone.now()
    overdue_after = now - timedelta(days=settings.SCHAKELTEAM_REFERRAL_OVERDUE_DAYS)
    referrals = referral_list(user=user) if can_coordinate(user) else Referral.objects.none()
    return {
        "new": casussen.filter(status=CasusStatus.NIEUW).order_by("sla_due"),
        "overdue": casussen.filter(
            status__in=OPEN_STATUSES, first_contact_at__isnull=True, sla_due__lt=now
        )
        .exclude(status=CasusStatus.NIEUW)
        .order_by("sla_due"),
        "overdue_referrals": referrals.filter(
            status=ReferralStatus.SENT, sent_at__lt=overdue_after
        ).order_by("sent_at"),
    }


def advisor_list() -> QuerySet[Advisor]:
    """Advisors with their open workload, for suggestions and the assignment form."""
    return (
        Advisor.objects.filter(user__is_active=True)
        .select_related("user", "partner")
        .prefetch_related("themes", "gemeenten")
        .annotate(open_casussen=Count("casussen", filter=Q(casussen__status__in=OPEN_STATUSES)))
    )


def consent_texts_active() -> dict[str, ConsentText]:
    return {t.purpose: t for t in ConsentText.objects.filter(is_active=True)}


def consent_is_given(*, entrepreneur: Entrepreneur, purpose: str) -> bool:
    return Consent.objects.filter(
        entrepreneur=entrepreneur, purpose=purpose, withdrawn_at__isnull=True
    ).exists()


def casus_scan_visible(*, casus: Casus) -> bool:
    """The advisor may see the linked scan only while share_scan consent stands."""
    return casus.scan_id is not None and consent_is_given(
        entrepreneur=casus.entrepreneur, purpose=ConsentPurpose.SHARE_SCAN
    )


def entrepreneur_for_token(raw_token: str) -> Entrepreneur:
    """The entrepreneur of a /mijn-gegevens/ link; raises TokenError or Entrepreneur.DoesNotExist."""
    link = magic_link_resolve(purpose=LinkPurpose.MIJN_GEGEVENS, raw_token=raw_token)
    return Entrepreneur.objects.get(uuid=link.subject_uuid, anonymised_at__isnull=True)


def casus_timeline(*, casus: Casus) -> list[dict[str, Any]]:
    """What changed and when, from the history of the casus and its appointments and referrals."""
    entries: list[dict[str, Any]] = []
    previous = None
    for record in casus.history.order_by("history_date", "history_id").select_related(
        "history_user"
    ):
        changes = []
        if previous is not None:
            delta = record.diff_against(previous, included_fields=["status", "advisor", "outcome"])
            changes = [c.field for c in delta.changes]
        if previous is None or changes:
            entries.append(
                {
                    "at": record.history_date,
                    "who": record.history_user,
                    "kind": "casus",
                    "status": record.get_status_display(),
                    "fields": changes,
                }
            )
        previous = record
    for appointment in casus.appointments.all():
        entries.append(
            {
                "at": appointment.created_at,
                "who": appointment.created_by,
                "kind": "appointment",
                "object": appointment,
            }
        )
    for note in casus.notes.all():
        entries.append({"at": note.created_at, "who": note.author, "kind": "note", "object": note})
    for advice in casus.advices.all():
        entries.append(
            {"at": advice.created_at, "who": advice.author, "kind": "advice", "object": advice}
        )
    for referral in casus.referrals.all():
        entries.append(
            {
                "at": referral.sent_at,
                "who": referral.created_by,
                "kind": "referral",
                "object": referral,
            }
        )
    return sorted(entries, key=lambda e: e["at"])


ROLE_LABELS = {
    Role.ADMIN: _("administrator"),
    Role.COORDINATOR: _("coordinator"),
    Role.PROJECTLEIDER: _("project lead"),
    Role.ADVISOR: _("advisor"),
    Role.PARTNER_CONTACT: _("partner organisation"),
    Role.MODERATOR: _("moderator"),
    Role.EDITOR: _("editor"),
}
SUBJECT_LABELS = {
    SubjectType.CASUS: _("your request"),
    SubjectType.SCAN: _("your scan result"),
    SubjectType.PERSON: _("your details"),
    SubjectType.CONSENT: _("your permissions"),
}


def entrepreneur_access_log(
    *, entrepreneur: Entrepreneur, casussen: list[Casus]
) -> list[dict[str, Any]]:
    """ "Who looked at my data" for /mijn-gegevens/: one row per staff member, action, subject,
    casus and day (newest first), so reloading a page does not bury the rest. Staff are shown
    by name and role, never by login name."""
    by_uuid = {c.uuid: c for c in casussen}
    entries = list(
        personal_data_access_for_subject(entrepreneur.uuid, casus_uuids=list(by_uuid)).values(
            "user_id", "user_label", "action", "subject_type", "casus_uuid", "created_at"
        )
    )
    users = {
        u.pk: u
        for u in get_user_model().objects.filter(
            pk__in={e["user_id"] for e in entries if e["user_id"]}
        )
    }
    rows: dict[tuple, dict[str, Any]] = {}
    for entry in entries:
        user = users.get(entry["user_id"])
        day = timezone.localdate(entry["created_at"])
        key = (
            entry["user_id"],
            entry["user_label"],
            entry["action"],
            entry["subject_type"],
            entry["casus_uuid"],
            day,
        )
        if key in rows:
            rows[key]["times"] += 1
            continue
        rows[key] = {
            "name": (user.get_full_name() if user else entry["user_label"]) or "",
            "role": ROLE_LABELS.get(role_of(user), "") if user else "",
            "action": AccessAction(entry["action"]).label,
            "subject": SUBJECT_LABELS.get(entry["subject_type"], entry["subject_type"]),
            "casus": by_uuid.get(entry["casus_uuid"]),
            "last_at": entry["created_at"],
            "times": 1,
        }
    return list(rows.values())
