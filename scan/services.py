"""Writes of the scan app: start, save steps, submit, links, consent."""

import datetime
import uuid

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.tokens import magic_link_issue
from schakelteam.events import EventKind, event_report
from schakelteam.links import absolute_url
from schakelteam.organisation.selectors import gemeente_for_postcode_digits, postcode_normalise

from .constants import DefinitionKind, DefinitionStatus
from .models import Question, ScanAnswer, ScanDefinition, ScanResponse, original_language
from .scan_result import ScanResult
from .scoring import missing_required, score_response
from .selectors import definition_snapshot, scan_answer_values, scoring_facts
from .translations import translations_carry_over, translations_sync


class ScanError(Exception):
    """Base of the small domain exceptions of the scan."""


class NoPublishedDefinition(ScanError):
    pass


class ScanAlreadySubmitted(ScanError):
    pass


class ScanIncomplete(ScanError):
    def __init__(self, missing: list):
        super().__init__("incomplete")
        self.missing = missing


# ---- definitions ----------------------------------------------------------------------------


def definition_current(kind: str = DefinitionKind.BEDRIJFSSCAN) -> ScanDefinition:
    definition = (
        ScanDefinition.objects.filter(
            kind=kind,
            status=DefinitionStatus.PUBLISHED,
            locale__language_code=original_language(),
        )
        .order_by("-published_at", "-pk")
        .first()
    )
    if definition is None:
        raise NoPublishedDefinition(kind)
    return definition


@transaction.atomic
def scan_definition_publish(*, definition: ScanDefinition) -> ScanDefinition:
    """Freeze `definition`; new scans of its kind use it from now on.

    Only originals are published: a translation follows its original and only holds words.
    """
    definition = ScanDefinition.objects.select_for_update().get(pk=definition.pk)
    if definition.is_published or not definition.is_original:
        return definition
    ScanDefinition.objects.filter(pk=definition.pk).update(
        status=DefinitionStatus.PUBLISHED, published_at=timezone.now()
    )
    definition.refresh_from_db()
    translations_sync(definition)
    return definition


@transaction.atomic
def scan_definition_new_draft(*, definition: ScanDefinition, name: str = "") -> ScanDefinition:
    """Copy `definition` with all domains, questions, options and rules into a new draft.

    The copy gets its own translation keys; its translations start from the words of the
    earlier version's translations (see translations.translations_carry_over).
    """
    definition = definition.get_translation(Locale.get_default())
    base = name or f"{definition.name} (draft)"
    name, n = base, 1
    while ScanDefinition.objects.filter(name=name).exists():  # in any language
        n += 1
        name = f"{base} {n}"
    draft = ScanDefinition.objects.create(
        name=name,
        kind=definition.kind,
        intro=definition.intro,
        based_on=definition,
        locale=definition.locale,
    )
    keys: dict = {definition.translation_key: draft.translation_key}

    def copy(row, **parent):
        old_key = row.translation_key
        row.pk = row.id = None
        row.translation_key = uuid.uuid4()
        for field, value in parent.items():
            setattr(row, field, value)
        row.save()
        keys[old_key] = row.translation_key
        return row

    for domain in definition.domains.all():
        questions = list(domain.questions.prefetch_related("options"))
        domain = copy(domain, definition=draft)
        for question in questions:
            options = list(question.options.all())
            question = copy(question, domain=domain)
            for option in options:
                copy(option, question=question)
    for rule in definition.direction_rules.all():
        copy(rule, definition=draft)
    translations_carry_over(source=definition, draft=draft, keys=keys)
    return draft


# ---- filling in ---------------------------------------------------------------------------


@transaction.atomic
def scan_start(
    *, definition: ScanDefinition | None = None, previous: ScanResponse | None = None
) -> ScanResponse:
    """A new response on the current published version; a vervolgscan copies the facts."""
    kind = DefinitionKind.VERVOLGSCAN if previous else DefinitionKind.BEDRIJFSSCAN
    definition = definition or definition_current(kind)
    scan = ScanResponse.objects.create(definition=definition, previous=previous)
    if previous is not None:
        for field in (
            "size_class",
            "sbi_section",
            "postcode",
            "gemeente",
            "founded_year",
            "legal_form",
            "turnover_class",
        ):
            setattr(scan, field, getattr(previous, field))
        scan.save()
        scan.help_themes.set(previous.help_themes.all())
    return scan


@transaction.atomic
def scan_facts_save(
    *,
    scan: ScanResponse,
    size_class: str,
    sbi_section: str,
    postcode: str = "",
    founded_year: int | None = None,
    legal_form: str = "",
    turnover_class: str = "",
    help_themes=(),
) -> ScanResponse:
    if scan.is_submitted:
        raise ScanAlreadySubmitted()
    postcode = (postcode or "").strip()
    normalised = postcode if postcode.isdigit() else postcode_normalise(postcode)
    digits = normalised[:4] if normalised and normalised[:4].isdigit() else ""
    scan.size_class = size_class
    scan.sbi_section = sbi_section
    scan.postcode = digits
    scan.gemeente = _gemeente_for_digits(digits)
    scan.founded_year = founded_year
    scan.legal_form = legal_form
    scan.turnover_class = turnover_class
    first_time = not scan.facts_done
    scan.facts_done = True
    scan.save()
    scan.help_themes.set(help_themes)
    if first_time and not scan.previous_id:
        _event(scan, EventKind.SCAN_STARTED)
    return scan


def _gemeente_for_digits(digits: str):
    """Only the four digits are kept, so the lookup works on those (None: outside the region)."""
    if len(digits) != 4 or not digits.isdigit() or digits.startswith("0"):
        return None
    return gemeente_for_postcode_digits(int(digits))


@transaction.atomic
def scan_answers_save(*, scan: ScanResponse, answers: dict[Question, object]) -> int:
    """Store one step's answers at once; None clears an answer. Returns rows written."""
    scan = ScanResponse.objects.select_for_update().get(pk=scan.pk)
    if scan.is_submitted:
        raise ScanAlreadySubmitted()
    written = 0
    for question, value in answers.items():
        if question.domain.definition_id != scan.definition_id:
            continue
        if value in (None, "", []):
            ScanAnswer.objects.filter(response=scan, question=question).delete()
            continue
        ScanAnswer.objects.update_or_create(
            response=scan, question=question, defaults={"value": value}
        )
        written += 1
    ScanResponse.objects.filter(pk=scan.pk).update(updated_at=timezone.now())
    return written


@transaction.atomic
def scan_submit(*, scan: ScanResponse) -> tuple[ScanResponse, str]:
    """Score and close the scan; returns it with a fresh result-link token. Second submit: error."""
    scan = ScanResponse.objects.select_for_update().get(pk=scan.pk)
    if scan.is_submitted:
        raise ScanAlreadySubmitted()
    snapshot = definition_snapshot(scan.definition_id)
    answers = scan_answer_values(scan)
    facts = scoring_facts(scan)
    missing = missing_required(snapshot, answers, facts)
    if missing:
        raise ScanIncomplete(missing)
    # Stored in the original's words; the result page shows them in the reader's language.
    original = definition_snapshot(scan.definition_id, language=settings.LANGUAGE_CODE)
    scan.result = score_response(original, answers, facts)
    scan.submitted_at = timezone.now()
    scan.save(update_fields=["result", "submitted_at", "updated_at"])
    issued = magic_link_issue(purpose=LinkPurpose.SCAN_RESULT, subject_uuid=scan.uuid, days=365 * 2)
    kind = (
        EventKind.VERVOLGSCAN_SUBMITTED
        if scan.definition.kind == DefinitionKind.VERVOLGSCAN
        else EventKind.SCAN_SUBMITTED
    )
    _event(scan, kind, themes=ScanResult.from_stored(scan.result).attention_themes)
    return scan, issued.raw_token


def scan_result_link_issue(*, scan: ScanResponse) -> str:
    """A new result token for a submitted scan (e.g. for a returning browser session)."""
    return magic_link_issue(
        purpose=LinkPurpose.SCAN_RESULT, subject_uuid=scan.uuid, days=365 * 2
    ).raw_token


def scan_resume_link_send(*, scan: ScanResponse, email: str) -> None:
    """Mail a resume link; the address is used for this one mail and never stored."""
    issued = magic_link_issue(purpose=LinkPurpose.SCAN_RESUME, subject_uuid=scan.uuid)
    url = absolute_url("scan:resume", args=[issued.raw_token])
    expires = timezone.localtime(issued.link.expires_at).date()
    transaction.on_commit(
        lambda: send_mail(
            subject=_("Continue your bedrijfsscan"),
            message=_(
                "You can continue your bedrijfsscan where you left off with this link:\n\n%(url)s\n\n"
                "The link works until %(date)s. Don't share it: anyone with the link can see and "
                "change your answers.\n"
            )
            % {"url": url, "date": expires.strftime("%d-%m-%Y")},
            from_email=None,
            recipient_list=[email],
        )
    )


@transaction.atomic
def scan_research_consent_set(*, scan: ScanResponse, given: bool) -> ScanResponse:
    """Consent (or its withdrawal) to use the anonymous scan in the regional research database."""
    scan = ScanResponse.objects.select_for_update().get(pk=scan.pk)
    if given and scan.research_consent_at is None:
        scan.research_consent_at = timezone.now()
    elif not given:
        scan.research_consent_at = None
    scan.save(update_fields=["research_consent_at", "updated_at"])
    return scan


def vervolgscan_link_issue(
    *, scan: ScanResponse, days: int | None = None, language: str | None = None
) -> str:
    """Absolute URL that starts a vervolgscan following `scan`, on the site in `language`."""
    issued = magic_link_issue(purpose=LinkPurpose.VERVOLGSCAN, subject_uuid=scan.uuid, days=days)
    return absolute_url("scan:vervolgscan_start", args=[issued.raw_token], language=language)


@transaction.atomic
def scans_unfinished_purge(*, older_than_days: int | None = None) -> int:
    """Delete anonymous unfinished responses not touched for the retention period."""
    days = older_than_days or settings.SCHAKELTEAM_SCAN_RETENTION_DAYS
    cutoff = timezone.now() - datetime.timedelta(days=days)
    qs = ScanResponse.objects.filter(submitted_at__isnull=True, updated_at__lt=cutoff)
    count = qs.count()
    qs.delete()
    return count


def _event(scan: ScanResponse, kind: str, themes=()) -> None:
    gemeente, size, sbi = scan.gemeente, scan.size_class, scan.sbi_section
    theme_slugs = list(themes) or [t.slug for t in scan.help_themes.all()]
    transaction.on_commit(
        lambda: event_report(
            kind=kind, gemeente=gemeente, size_class=size, sbi_section=sbi, themes=theme_slugs
        )
    )


def resume_link_days() -> int:
    return settings.SCHAKELTEAM_MAGIC_LINK_DAYS
