"""Reads of the scan app: definition snapshots (cached once frozen), the scan behind a link, its
answers, typed result and company facts, benchmark and research figures."""

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, replace

from django.conf import settings
from django.db.models import Avg, Count, FloatField, Q, QuerySet
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import get_language

from kennisbank.facts import CompanyFacts
from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.tokens import TokenError, magic_link_resolve
from schakelteam.organisation.constants import SIZE_CLASS_BOUNDS

from .constants import TURNOVER_BOUNDS, DefinitionStatus, Direction
from .models import Domain, Question, ScanAnswer, ScanDefinition, ScanResponse, original_language
from .scan_result import HORIZONS, ScanResult, stored_score_path
from .scoring import (
    DefinitionSnap,
    DomainSnap,
    OptionSnap,
    QuestionSnap,
    RuleSnap,
    visible_questions,
)

# Published originals never change, so their snapshot can live for the whole process.
_FROZEN_SNAPSHOTS: dict[tuple, DefinitionSnap] = {}
_TRANSLATED_SNAPSHOTS: dict[tuple, tuple[tuple, DefinitionSnap]] = {}


def definition_snapshot(definition_id: int, language: str | None = None) -> DefinitionSnap:
    """The definition as plain immutable data, with its words in `language` (default: active).

    Structure and scores always come from the definition itself; a wagtail-localize translation
    only replaces words, and a word it lacks stays in the original language.
    1 query for a frozen definition seen before, 2 for a translated one seen before.
    """
    source, published_at, translation_key, source_language = _snapshot_own(definition_id)
    language = language or get_language() or settings.LANGUAGE_CODE
    if language == source_language:
        return source
    translation = (
        ScanDefinition.objects.filter(
            translation_key=translation_key, locale__language_code=language
        )
        .values_list("pk", "updated_at")
        .first()
    )
    if translation is None:
        return source
    # One entry per original and language, replaced when the translation changes.
    key, version = (definition_id, published_at, language), tuple(translation)
    cached = _TRANSLATED_SNAPSHOTS.get(key)
    if published_at is not None and cached and cached[0] == version:
        return cached[1]
    words, *_ = _snapshot_own(translation[0])
    snap = _words_replaced(source, words)
    if published_at is not None:
        _TRANSLATED_SNAPSHOTS[key] = (version, snap)
    return snap


def _snapshot_own(definition_id: int) -> tuple[DefinitionSnap, object, object, str]:
    """(snapshot in the definition's own language, published_at, translation key, language)."""
    # Keyed by publication time too, so a reused id (fresh test database) never hits a stale entry.
    row = (
        ScanDefinition.objects.filter(pk=definition_id)
        .values_list("status", "published_at", "translation_key", "locale__language_code")
        .first()
    )
    if row is None:
        raise ScanDefinition.DoesNotExist(definition_id)
    status, published_at, translation_key, language = row
    # Only a published original is frozen; a translation's words may change at any time.
    frozen = status == DefinitionStatus.PUBLISHED and language == original_language()
    frozen_at = published_at if frozen else None
    key = (definition_id, frozen_at)
    if frozen_at is None or key not in _FROZEN_SNAPSHOTS:
        snap = _snapshot_build(definition_id)
        if frozen_at is None:
            return snap, None, translation_key, language
        _FROZEN_SNAPSHOTS[key] = snap
    return _FROZEN_SNAPSHOTS[key], frozen_at, translation_key, language


def _snapshot_build(definition_id: int) -> DefinitionSnap:
    definition = ScanDefinition.objects.prefetch_related(
        "domains__theme", "domains__questions__options", "direction_rules"
    ).get(pk=definition_id)
    domains = tuple(
        DomainSnap(
            id=d.pk,
            slug=d.slug,
            title=d.title,
            intro=d.intro,
            theme_slug=d.theme.slug if d.theme else "",
            theme_id=d.theme_id,
            scored=d.scored,
            size_classes=tuple(d.condition_size_classes or ()),
            advice={
                "attention": d.advice_attention,
                "on_way": d.advice_on_way,
                "strong": d.advice_strong,
            },
            key=str(d.translation_key),
            questions=tuple(
                QuestionSnap(
                    id=q.pk,
                    slug=q.slug,
                    text=q.text,
                    kind=q.kind,
                    horizon=q.horizon,
                    required=q.required,
                    weight=q.weight,
                    help_text=q.help_text,
                    condition_slug=q.condition_question_slug,
                    condition_values=tuple(q.condition_values or ()),
                    options=tuple(
                        OptionSnap(o.value, o.label, o.score, key=str(o.translation_key))
                        for o in q.options.all()
                    ),
                    key=str(q.translation_key),
                )
                for q in d.questions.all()
            ),
        )
        for d in definition.domains.all()
    )
    rules = tuple(
        RuleSnap(
            direction=r.direction,
            condition=r.condition or {},
            reason=r.reason,
            description=r.description,
            themes=tuple(r.theme_slugs or ()),
            key=str(r.translation_key),
        )
        for r in definition.direction_rules.all()
    )
    return DefinitionSnap(
        id=definition.pk,
        name=definition.name,
        kind=definition.kind,
        domains=domains,
        rules=rules,
        intro=definition.intro,
    )


def _words_replaced(source: DefinitionSnap, words: DefinitionSnap) -> DefinitionSnap:
    """`source` with the words of its translation `words`, matched by translation key."""
    domains = {d.key: d for d in words.domains}
    questions = {q.key: q for d in words.domains for q in d.questions}
    options = {o.key: o for q in questions.values() for o in q.options}
    rules = {r.key: r for r in words.rules}

    def word(translated, name: str, original):
        return (getattr(translated, name, "") if translated else "") or original

    def question(q: QuestionSnap) -> QuestionSnap:
        t = questions.get(q.key)
        return replace(
            q,
            text=word(t, "text", q.text),
            help_text=word(t, "help_text", q.help_text),
            options=tuple(
                replace(o, label=word(options.get(o.key), "label", o.label)) for o in q.options
            ),
        )

    def domain(d: DomainSnap) -> DomainSnap:
        t = domains.get(d.key)
        advice = {
            band: (t.advice.get(band) if t else "") or text for band, text in d.advice.items()
        }
        return replace(
            d,
            title=word(t, "title", d.title),
            intro=word(t, "intro", d.intro),
            advice=advice,
            questions=tuple(question(q) for q in d.questions),
        )

    def rule(r: RuleSnap) -> RuleSnap:
        t = rules.get(r.key)
        return replace(
            r, reason=word(t, "reason", r.reason), description=word(t, "description", r.description)
        )

    return replace(
        source,
        intro=words.intro or source.intro,
        domains=tuple(domain(d) for d in source.domains),
        rules=tuple(rule(r) for r in source.rules),
    )


def definition_list() -> QuerySet[ScanDefinition]:
    """Every definition, in every language (the editors' admin)."""
    return ScanDefinition.objects.select_related("locale")


def question_rows(*, ids: list[int]) -> dict[str, Question]:
    """{slug: question row} for the questions of one step, to store their answers."""
    return {q.slug: q for q in Question.objects.filter(pk__in=ids)}


def scan_answer_values(scan: ScanResponse) -> dict:
    """{question slug: stored value} for one response, in one query."""
    rows = ScanAnswer.objects.filter(response=scan).values_list("question__slug", "value")
    return dict(rows)


def scoring_facts(scan: ScanResponse) -> dict:
    return {"size_class": scan.size_class, "sbi_section": scan.sbi_section}


def scan_get(*, uuid) -> ScanResponse | None:
    return (
        ScanResponse.objects.select_related("definition", "gemeente__regio", "previous")
        .filter(uuid=uuid)
        .first()
    )


def scan_for_link(*, purpose: str, raw_token: str) -> ScanResponse:
    """The scan behind a mailed link; TokenError (with its reason) when it can't be used."""
    link = magic_link_resolve(purpose=purpose, raw_token=raw_token)
    scan = scan_get(uuid=link.subject_uuid)
    if scan is None:
        raise TokenError("unknown")
    return scan


def scan_for_result_link(raw_token: str) -> ScanResponse:
    """The submitted scan behind a result link (a request for a conversation brings one along)."""
    scan = scan_for_link(purpose=LinkPurpose.SCAN_RESULT, raw_token=raw_token)
    if not scan.is_submitted:
        raise TokenError("unknown")
    return scan


def scan_result(scan: ScanResponse, *, with_answers: bool = False) -> ScanResult:
    """The scan's result in the reader's language (empty before it is sent); `with_answers` adds
    the answers to the questions the entrepreneur was shown, for readers who may see them."""
    snapshot = definition_snapshot(scan.definition_id)
    answers = None
    if with_answers:
        values = scan_answer_values(scan)
        shown = visible_questions(snapshot, values, scoring_facts(scan))
        answers = {slug: value for slug, value in values.items() if slug in shown}
    return ScanResult.from_stored(scan.result, snapshot, answers)


# A scan's development direction as the phase the regelingencheck asks about.
PHASE_OF_DIRECTION = {Direction.HERVORMEN: "vernieuwen", Direction.VERSNELLEN: "groeien"}


def scan_company_facts(scan: ScanResponse) -> CompanyFacts:
    """The company facts a scan gives the regelingencheck; what the scan did not ask stays unknown."""
    result = ScanResult.from_stored(scan.result)
    direction = result.direction.slug if result.direction else ""
    founded, year = scan.founded_year, (scan.submitted_at or timezone.now()).year
    return CompanyFacts(
        employees=SIZE_CLASS_BOUNDS.get(scan.size_class),
        turnover=TURNOVER_BOUNDS.get(scan.turnover_class),
        age_years=max(0, year - founded) if founded else None,
        legal_form=scan.legal_form,
        sector=scan.sbi_section,
        gemeente=scan.gemeente.slug if scan.gemeente_id else "",
        province=scan.gemeente.regio.province if scan.gemeente_id else "",
        needed_themes=frozenset({t.slug for t in scan.help_themes.all()})
        | frozenset(result.attention_themes),
        phase=PHASE_OF_DIRECTION.get(direction, direction) if direction in Direction.values else "",
    )


def scan_history(scan: ScanResponse) -> list[ScanResponse]:
    """All submitted scans linked to `scan` (earlier ones and follow-ups), oldest first."""
    root, ancestors = scan, {scan.pk}
    while root.previous_id and root.previous_id not in ancestors:
        root = ScanResponse.objects.select_related("definition").get(pk=root.previous_id)
        ancestors.add(root.pk)
    chain, frontier, seen = [root], [root.pk], {root.pk}
    while frontier:
        children = list(
            ScanResponse.objects.select_related("definition").filter(previous_id__in=frontier)
        )
        children = [c for c in children if c.pk not in seen]
        seen.update(c.pk for c in children)
        chain.extend(children)
        frontier = [c.pk for c in children]
    return sorted((s for s in chain if s.submitted_at), key=lambda s: (s.submitted_at, s.pk))


def research_scans() -> QuerySet[ScanResponse]:
    """Submitted scans whose owners consented to research use: the only input of the benchmark."""
    return ScanResponse.objects.filter(
        submitted_at__isnull=False, research_consent_at__isnull=False, result__isnull=False
    )


def benchmark_for(scan: ScanResponse) -> dict:
    """Median per domain ('now') over comparable consented scans, or shown=False under k.

    Comparable: same size class; also the same sector when that group alone reaches k.
    """
    k = settings.SCHAKELTEAM_BENCHMARK_K
    base = research_scans().filter(size_class=scan.size_class).exclude(pk=scan.pk)
    group, by_sector = base, False
    if scan.sbi_section:
        sector = base.filter(sbi_section=scan.sbi_section)
        if sector.count() >= k:
            group, by_sector = sector, True
    results = list(group.values_list("result", flat=True)[:5000])
    if len(results) < k:
        return {"shown": False, "k": k, "count": len(results)}
    return {
        "shown": True,
        "k": k,
        "count": len(results),
        "by_sector": by_sector,
        "medians": _medians(results),
    }


def _medians(results: list[Mapping | None]) -> dict[str, float]:
    per_domain: dict[str, list[int]] = {}
    for stored in results:
        for domain in ScanResult.from_stored(stored).domains:
            if domain.now is not None:
                per_domain.setdefault(domain.slug, []).append(domain.now)
    return {slug: statistics.median(values) for slug, values in per_domain.items()}


@dataclass(frozen=True)
class ScoreAverage:
    value: float | None
    count: int


@dataclass(frozen=True)
class DomainAverage:
    """A scored domain's average scores over the research scans, each with its number of scans."""

    slug: str
    title: str
    now: ScoreAverage
    future: ScoreAverage


def research_domain_averages() -> list[DomainAverage]:
    """Per scored domain: the average score (now and future) over submitted scans with research
    consent, and how many scans it stands on. One query for the domains, one for the averages."""
    domains = dict(Domain.objects.filter(scored=True).values_list("slug", "title").order_by("slug"))
    aggregates = {}
    for i, slug in enumerate(domains):
        for horizon in HORIZONS:
            path = stored_score_path(slug, horizon)
            aggregates[f"d{i}_{horizon}"] = Avg(Cast(KT(path), FloatField()))
            aggregates[f"d{i}_{horizon}_n"] = Count("id", filter=Q(**{f"{path}__isnull": False}))
    if not domains:
        return []
    qs = ScanResponse.objects.filter(submitted_at__isnull=False, research_consent_at__isnull=False)
    found = qs.aggregate(**aggregates)

    def average(i: int, horizon: str) -> ScoreAverage:
        return ScoreAverage(found[f"d{i}_{horizon}"], found[f"d{i}_{horizon}_n"] or 0)

    return [
        DomainAverage(slug, title, now=average(i, "now"), future=average(i, "future"))
        for i, (slug, title) in enumerate(domains.items())
    ]
