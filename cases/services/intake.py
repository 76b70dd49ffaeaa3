"""Intake: a request becomes a casus, but only with the required contact consent."""

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from cases.models import Casus, Company, Consent, ConsentText, Entrepreneur, kvk_nummer_clean
from scan.services import scan_research_consent_set
from schakelteam.events import company_key_for, event_report
from schakelteam.organisation.constants import SIZE_CLASS_BOUNDS
from schakelteam.organisation.selectors import gemeente_for_postcode, postcode_normalise
from schakelteam.workdays import add_working_days

from ..constants import CasusOrigin, ConsentChannel, ConsentPurpose
from ..exceptions import ConsentRequired
from ..tasks import mail_intake_confirmation, mail_new_casus


@dataclass
class IntakeRequest:
    """What the entrepreneur told us; the forms build it from cleaned data."""

    name: str
    email: str
    question: str
    company_name: str
    phone: str = ""
    preferred_channel: str = "email"
    preferred_times: str = ""
    kvk_nummer: str = ""
    postcode: str = ""
    employees: int | None = None
    size_class: str = ""
    sbi_section: str = ""
    themes: Iterable = field(default_factory=list)
    language: str = "nl"


def size_class_for(employees: int | None) -> str:
    if not employees:
        return ""
    for size_class, (low, high) in SIZE_CLASS_BOUNDS.items():
        if employees >= low and (high is None or employees <= high):
            return str(size_class)
    return ""


def casus_intake(
    *,
    request: IntakeRequest,
    consents: Collection[str],
    origin: str,
    channel: str = ConsentChannel.WEB,
    recorded_by=None,
    scan=None,
    idempotency_key: uuid.UUID | None = None,
) -> Casus:
    """Store the request as a new casus, or return the casus this same submission already made."""
    if ConsentPurpose.CONTACT not in consents:
        raise ConsentRequired(ConsentPurpose.CONTACT)
    if idempotency_key is not None:
        existing = Casus.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    try:
        return _casus_create(
            request=request,
            consents=consents,
            origin=origin,
            channel=channel,
            recorded_by=recorded_by,
            scan=scan,
            idempotency_key=idempotency_key,
        )
    except IntegrityError:
        # A parallel identical submission won the unique key; theirs is ours.
        existing = (
            Casus.objects.filter(idempotency_key=idempotency_key).first()
            if idempotency_key
            else None
        )
        if existing is None:
            raise
        return existing


@transaction.atomic
def _casus_create(
    *, request: IntakeRequest, consents, origin, channel, recorded_by, scan, idempotency_key
) -> Casus:
    now = timezone.now()
    email = request.email.strip()
    entrepreneur = (
        Entrepreneur.objects.filter(email__iexact=email, anonymised_at__isnull=True)
        .order_by("created_at")
        .first()
    )
    if entrepreneur is None:
        # A known e-mail keeps its stored details: a stranger typing someone's address
        # must not be able to change them.
        entrepreneur = Entrepreneur.objects.create(
            name=request.name,
            email=email,
            phone=request.phone,
            preferred_channel=request.preferred_channel or "email",
            preferred_times=request.preferred_times,
            language=request.language,
        )
    kvk = kvk_nummer_clean(request.kvk_nummer)
    postcode = postcode_normalise(request.postcode) or ""
    company = Company.objects.create(
        entrepreneur=entrepreneur,
        name=request.company_name,
        kvk_nummer=kvk,
        postcode=postcode,
        gemeente=gemeente_for_postcode(postcode) if postcode else None,
        employees=request.employees,
        size_class=size_class_for(request.employees) or request.size_class,
        sbi_section=request.sbi_section or "",
    )
    if scan is not None and origin == CasusOrigin.WEB:
        origin = CasusOrigin.SCAN
    casus = Casus(
        origin=origin,
        entrepreneur=entrepreneur,
        company=company,
        question=request.question,
        created_at=now,
        sla_due=add_working_days(now, settings.SCHAKELTEAM_SLA_WORKING_DAYS),
        idempotency_key=idempotency_key,
        scan=scan,
    )
    casus.save()
    themes = list(request.themes)
    casus.themes.set(themes)

    texts = {t.purpose: t for t in ConsentText.objects.filter(is_active=True)}
    for purpose in ConsentPurpose.values:
        if purpose in consents and purpose in texts:
            Consent.objects.create(
                entrepreneur=entrepreneur,
                casus=casus,
                purpose=purpose,
                text=texts[purpose],
                given_at=now,
                channel=channel,
                recorded_by=recorded_by,
            )
    if scan is not None and ConsentPurpose.RESEARCH in consents:
        _scan_research_consent(scan=scan, given=True)

    gemeente, size_class, sbi = company.gemeente, company.size_class, company.sbi_section
    company_key = company_key_for(kvk)
    transaction.on_commit(
        lambda: event_report(
            kind="case_opened",
            gemeente=gemeente,
            size_class=size_class,
            sbi_section=sbi,
            themes=themes,
            origin=origin,
            company_key=company_key,
        )
    )
    casus_id = casus.pk
    transaction.on_commit(lambda: mail_intake_confirmation.enqueue(casus_id=casus_id))
    transaction.on_commit(lambda: mail_new_casus.enqueue(casus_id=casus_id))
    return casus


def _scan_research_consent(*, scan, given: bool) -> None:
    scan_research_consent_set(scan=scan, given=given)
