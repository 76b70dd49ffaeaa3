"""Reads of the cases app. `casus_list` and `referral_list` are the ONE place staff access is scoped."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import (
    Appointment,
    Casus,
    Company,
    Consent,
    ConsentText,
    Entrepreneur,
    Referral,
)
from scan.models import ScanResponse
from scan.selectors import scan_company_facts
from schakelteam.accounts.audit import personal_data_access_for_subject
from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.models import AccessAction, SubjectType
from schakelteam.accounts.policy import Scope, scope_of
from schakelteam.accounts.roles import Role, role_of
from schakelteam.accounts.tokens import magic_link_resolve
from schakelteam.organisation.models import Advisor, Mentor
from schakelteam.organisation.selectors import theme_list

from .constants import OPEN_STATUSES, CasusStatus, ConsentPurpose, ReferralStatus

User = AbstractBaseUser | AnonymousUser


def _casussen_in_scope(qs: QuerySet[Casus], *, user: User, scope: Scope) -> QuerySet[Casus]:
    match scope:
        case Scope.ALL:
            return qs
        case Scope.OWN:
            return qs.filter(advisor__user=user)
        case _:
            return qs.none()


def casus_search(*, user: User, status: str = "", q: str = "") -> QuerySet[Casus]:
    """The casussen `user` may see, in `status` when given, matching `q` on company, person,
    KvK number or question."""
    casussen = casus_list(user=user)
    if status:
        casussen = casussen.filter(status=status)
    if q:
        casussen = casussen.filter(
            Q(company__name__icontains=q)
            | Q(entrepreneur__name__icontains=q)
            | Q(company__kvk_nummer=q)
            | Q(question__icontains=q)
        )
    return casussen


def _referrals_in_scope(qs: QuerySet[Referral], *, user: User, scope: Scope) -> QuerySet[Referral]:
    match scope:
        case Scope.ALL:
            return qs
        case Scope.OWN:
            return qs.filter(casus__advisor__user=user)
        case Scope.ORGANISATION:
            contact = getattr(user, "partner_contact", None)
            if contact is None:
                return qs.none()
            return qs.filter(partner_id=contact.partner_id)
        case _:
            return qs.none()


def casus_list(*, user: User) -> QuerySet[Casus]:
    """Every casus `user` may see; all casus views, downloads and sub-objects start here."""
    qs = Casus.objects.select_related(
        "company__gemeente", "entrepreneur", "advisor__user", "advisor__partner"
    )
    return _casussen_in_scope(qs, user=user, scope=scope_of(user, "casus.view"))


def referral_list(*, user: User) -> QuerySet[Referral]:
    """Every referral `user` may see: a partner contact only those to their own organisation."""
    qs = Referral.objects.select_related(
        "casus__company__gemeente", "casus__entrepreneur", "partner", "mentor"
    )
    return _referrals_in_scope(qs, user=user, scope=scope_of(user, "referral.view"))


def appointment_list(*, user: User) -> QuerySet[Appointment]:
    return Appointment.objects.filter(casus__in=casus_list(user=user)).select_related("casus")


def casus_queue(*, user: User) -> dict[str, QuerySet[Casus]]:
    """The coordinator's queue: new casussen, overdue first contacts and overdue referrals."""
    scope = scope_of(user, "casus.assign")
    casussen = _casussen_in_scope(casus_list(user=user), user=user, scope=scope)
    now = timezone.now()
    overdue_after = now - timedelta(days=settings.SCHAKELTEAM_REFERRAL_OVERDUE_DAYS)
    referrals = _referrals_in_scope(referral_list(user=user), user=user, scope=scope)
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


def mentor_list() -> QuerySet[Mentor]:
    """The mentors of the ondernemerspoule an advisor may refer to now."""
    return Mentor.objects.filter(is_available=True).prefetch_related("themes")


def consent_texts_active() -> dict[str, ConsentText]:
    return {t.purpose: t for t in ConsentText.objects.filter(is_active=True)}


def consent_history(*, entrepreneur: Entrepreneur) -> QuerySet[Consent]:
    """Every consent the entrepreneur gave, withdrawn ones too, newest first."""
    return entrepreneur.consents.select_related("text").order_by("-given_at")


def consents_in_force(*, entrepreneur: Entrepreneur) -> QuerySet[Consent]:
    """The consents not withdrawn, in the order they were given."""
    return entrepreneur.consents.filter(withdrawn_at__isnull=True).select_related("text")


def consent_active(*, entrepreneur: Entrepreneur, purpose: str) -> Consent | None:
    return consents_in_force(entrepreneur=entrepreneur).filter(purpose=purpose).first()


def consent_is_given(*, entrepreneur: Entrepreneur, purpose: str) -> bool:
    return Consent.objects.filter(
        entrepreneur=entrepreneur, purpose=purpose, withdrawn_at__isnull=True
    ).exists()


def casus_scan_visible(*, casus: Casus) -> bool:
    """The advisor may see the linked scan only while share_scan consent stands."""
    return casus.scan_id is not None and consent_is_given(
        entrepreneur=casus.entrepreneur, purpose=ConsentPurpose.SHARE_SCAN
    )


def casus_for_satisfaction_link(raw_token: str) -> Casus:
    """The casus behind the link in the closing e-mail; TokenError or Casus.DoesNotExist."""
    link = magic_link_resolve(purpose=LinkPurpose.SATISFACTION, raw_token=raw_token)
    return Casus.objects.get(uuid=link.subject_uuid)


def intake_initial_from_scan(scan: ScanResponse) -> dict[str, Any]:
    """A conversation request filled in from the scan: size, sector and the themes it needs."""
    needed = scan_company_facts(scan).needed_themes
    return {
        "size_class": scan.size_class,
        "sbi_section": scan.sbi_section,
        "themes": sorted(theme_list().filter(slug__in=needed).values_list("pk", flat=True)),
    }


def entrepreneur_for_token(raw_token: str) -> Entrepreneur:
    """The entrepreneur of a /mijn-gegevens/ link; raises TokenError or Entrepreneur.DoesNotExist."""
    link = magic_link_resolve(purpose=LinkPurpose.MIJN_GEGEVENS, raw_token=raw_token)
    return Entrepreneur.objects.get(uuid=link.subject_uuid, anonymised_at__isnull=True)


def entrepreneur_companies(*, entrepreneur: Entrepreneur) -> QuerySet[Company]:
    return entrepreneur.companies.select_related("gemeente")


def entrepreneur_casussen(*, entrepreneur: Entrepreneur) -> list[Casus]:
    """Everything /mijn-gegevens/ shows of each of the entrepreneur's casussen, in a few queries."""
    return list(
        entrepreneur.casussen.select_related("company__gemeente", "scan").prefetch_related(
            "themes", "appointments", "referrals__partner", "referrals__mentor"
        )
    )


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
