"""Data-subject rights and retention: withdraw consent, export, erase (anonymise), retention.

Anonymising blanks who the person and company are, in the live rows AND their history rows,
but keeps gemeente, size class, sector, themes, statuses and dates: the numbers monitoring
counts. Monitoring events hold no personal data, so they are left alone.
"""

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cases.models import Advice, Appointment, Casus, Company, Consent, Entrepreneur, Note, Referral
from scan.services import scan_research_consent_set
from schakelteam.accounts.tokens import magic_links_revoke
from schakelteam.events import EventKind

from ..constants import OPEN_STATUSES, CasusOutcome, CasusStatus, ConsentPurpose
from ..selectors import entrepreneur_access_log
from .handling import casus_event_report

logger = logging.getLogger(__name__)

ENTREPRENEUR_BLANK = {"name": "", "email": "", "phone": "", "preferred_times": ""}
COMPANY_BLANK = {"name": "", "kvk_nummer": "", "postcode": ""}
# The scan itself is anonymous; unlinking it leaves nothing that ties it to the person.
CASUS_BLANK = {"question": "", "answer": "", "scan": None}
APPOINTMENT_BLANK = {"location": ""}
REFERRAL_BLANK = {"reason": "", "decline_reason": "", "outcome_note": ""}


def _casussen_scrub(casus_ids: list[int], now: datetime) -> None:
    """Blank free text of these casussen and everything under them, history included."""
    if not casus_ids:
        return
    Casus.objects.filter(pk__in=casus_ids).update(**CASUS_BLANK, anonymised_at=now)
    Casus.history.filter(id__in=casus_ids).update(**CASUS_BLANK, anonymised_at=now)
    Note.objects.filter(casus_id__in=casus_ids).delete()
    Advice.objects.filter(casus_id__in=casus_ids).update(text="")
    Appointment.objects.filter(casus_id__in=casus_ids).update(**APPOINTMENT_BLANK)
    Appointment.history.filter(casus_id__in=casus_ids).update(**APPOINTMENT_BLANK)
    Referral.objects.filter(casus_id__in=casus_ids).update(**REFERRAL_BLANK)
    Referral.history.filter(casus_id__in=casus_ids).update(**REFERRAL_BLANK)
    company_ids = list(Casus.objects.filter(pk__in=casus_ids).values_list("company_id", flat=True))
    Company.objects.filter(pk__in=company_ids).update(**COMPANY_BLANK, anonymised_at=now)
    Company.history.filter(id__in=company_ids).update(**COMPANY_BLANK, anonymised_at=now)


def _casussen_close(casussen: Iterable[Casus], now: datetime) -> None:
    for casus in casussen:
        if casus.status in OPEN_STATUSES:
            casus.status = CasusStatus.GESLOTEN
            casus.outcome = CasusOutcome.INGETROKKEN
            casus.closed_at = now
            casus.save(update_fields=["status", "outcome", "closed_at"])
            casus_event_report(casus, EventKind.CASE_CLOSED, outcome=CasusOutcome.INGETROKKEN)


@transaction.atomic
def entrepreneur_anonymise(*, entrepreneur: Entrepreneur) -> Entrepreneur:
    """Erasure: the person and their companies become anonymous everywhere, for good."""
    entrepreneur = Entrepreneur.objects.select_for_update().get(pk=entrepreneur.pk)
    now = timezone.now()
    casussen = list(entrepreneur.casussen.select_related("company").prefetch_related("themes"))
    _casussen_close(casussen, now)
    _casussen_scrub([c.pk for c in casussen], now)
    Company.objects.filter(entrepreneur=entrepreneur).update(**COMPANY_BLANK, anonymised_at=now)
    Company.history.filter(entrepreneur_id=entrepreneur.pk).update(
        **COMPANY_BLANK, anonymised_at=now
    )
    Entrepreneur.objects.filter(pk=entrepreneur.pk).update(**ENTREPRENEUR_BLANK, anonymised_at=now)
    Entrepreneur.history.filter(id=entrepreneur.pk).update(**ENTREPRENEUR_BLANK, anonymised_at=now)
    Consent.objects.filter(entrepreneur=entrepreneur, withdrawn_at__isnull=True).update(
        withdrawn_at=now
    )
    magic_links_revoke(subject_uuid=entrepreneur.uuid)
    entrepreneur.refresh_from_db()
    return entrepreneur


@transaction.atomic
def consent_withdraw(*, consent: Consent) -> Consent:
    """Withdraw one consent; withdrawing the contact consent erases the person."""
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is not None:
        return consent
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    # One purpose is one choice: withdraw every record of it, not only this one.
    Consent.objects.filter(
        entrepreneur_id=consent.entrepreneur_id, purpose=consent.purpose, withdrawn_at__isnull=True
    ).update(withdrawn_at=consent.withdrawn_at)
    entrepreneur = consent.entrepreneur
    if consent.purpose == ConsentPurpose.CONTACT:
        entrepreneur_anonymise(entrepreneur=entrepreneur)
    elif consent.purpose == ConsentPurpose.RESEARCH:
        for casus in entrepreneur.casussen.filter(scan__isnull=False).select_related("scan"):
            scan_research_consent_set(scan=casus.scan, given=False)
    return consent


def entrepreneur_export(*, entrepreneur: Entrepreneur) -> dict[str, Any]:
    """Everything we hold about the person, as plain JSON-able data (the AVG access right)."""

    def dt(value):
        return value.isoformat() if value else None

    casussen = entrepreneur.casussen.select_related(
        "company__gemeente", "advisor__user", "advisor__partner"
    ).prefetch_related("themes", "appointments", "notes", "advices__regelingen", "referrals")
    data: dict[str, Any] = {
        "exported_at": dt(timezone.now()),
        "person": {
            "uuid": str(entrepreneur.uuid),
            "name": entrepreneur.name,
            "email": entrepreneur.email,
            "phone": entrepreneur.phone,
            "preferred_channel": entrepreneur.preferred_channel,
            "preferred_times": entrepreneur.preferred_times,
            "language": entrepreneur.language,
            "created_at": dt(entrepreneur.created_at),
        },
        "companies": [
            {
                "uuid": str(c.uuid),
                "name": c.name,
                "kvk_nummer": c.kvk_nummer,
                "postcode": c.postcode,
                "gemeente": c.gemeente.name if c.gemeente else None,
                "employees": c.employees,
                "size_class": c.size_class,
                "sbi_section": c.sbi_section,
            }
            for c in entrepreneur.companies.select_related("gemeente")
        ],
        "consents": [
            {
                "purpose": c.purpose,
                "text_version": c.text.version,
                "text": c.text.text,
                "given_at": dt(c.given_at),
                "channel": c.channel,
                "recorded_by_staff": c.recorded_by_id is not None,
                "withdrawn_at": dt(c.withdrawn_at),
            }
            for c in entrepreneur.consents.select_related("text")
        ],
        "casussen": [],
        "scans": [],
    }
    for casus in casussen:
        data["casussen"].append(
            {
                "uuid": str(casus.uuid),
                "company": str(casus.company.uuid),
                "origin": casus.origin,
                "status": casus.status,
                "themes": [t.slug for t in casus.themes.all()],
                "question": casus.question,
                "answer": casus.answer,
                "advisor": str(casus.advisor) if casus.advisor else None,
                "created_at": dt(casus.created_at),
                "first_contact_at": dt(casus.first_contact_at),
                "outcome": casus.outcome,
                "closed_at": dt(casus.closed_at),
                "appointments": [
                    {
                        "kind": a.kind,
                        "starts_at": dt(a.starts_at),
                        "location": a.location,
                        "held_at": dt(a.held_at),
                    }
                    for a in casus.appointments.all()
                ],
                "notes": [{"at": dt(n.created_at), "text": n.text} for n in casus.notes.all()],
                "advice": [
                    {
                        "at": dt(a.created_at),
                        "text": a.text,
                        "regelingen": [r.title for r in a.regelingen.all()],
                    }
                    for a in casus.advices.all()
                ],
                "referrals": [
                    {
                        "to": str(r.recipient),
                        "status": r.status,
                        "reason": r.reason,
                        "outcome": r.outcome,
                        "sent_at": dt(r.sent_at),
                    }
                    for r in casus.referrals.all()
                ],
            }
        )
        if (scan := casus.scan) is not None:
            data["scans"].append(_scan_export(scan))
    data["accesses"] = [
        {
            "who": str(row["name"] or row["role"]),
            "role": str(row["role"]),
            "action": str(row["action"]),
            "what": str(row["subject"]),
            "casus": str(row["casus"].uuid) if row["casus"] else None,
            "last_at": dt(row["last_at"]),
            "times_that_day": row["times"],
        }
        for row in entrepreneur_access_log(entrepreneur=entrepreneur, casussen=list(casussen))
    ]
    return data


def _scan_export(scan) -> dict[str, Any]:
    return {
        "uuid": str(scan.uuid),
        "submitted_at": scan.submitted_at.isoformat() if scan.submitted_at else None,
    }


def casus_retention_apply(*, now: datetime | None = None) -> dict[str, int]:
    """Anonymise closed casussen past SCHAKELTEAM_CASE_RETENTION_DAYS, then people with nothing left."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SCHAKELTEAM_CASE_RETENTION_DAYS)
    with transaction.atomic():
        casus_ids = list(
            Casus.objects.filter(
                status__in=[CasusStatus.AFGEROND, CasusStatus.GESLOTEN],
                closed_at__lt=cutoff,
                anonymised_at__isnull=True,
            ).values_list("pk", flat=True)
        )
        _casussen_scrub(casus_ids, now)
    people = Entrepreneur.objects.filter(anonymised_at__isnull=True).exclude(
        casussen__anonymised_at__isnull=True
    )
    count_people = 0
    for entrepreneur in people:
        entrepreneur_anonymise(entrepreneur=entrepreneur)
        count_people += 1
    counts = {"casussen": len(casus_ids), "entrepreneurs": count_people}
    logger.info("Case retention applied: %s", counts)
    return counts
