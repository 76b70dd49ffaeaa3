"""Reads of the scan app: definition snapshots (cached once frozen), answers, benchmark."""

import statistics
from collections.abc import Mapping

from django.conf import settings
from django.db.models import QuerySet

from .constants import DefinitionStatus
from .models import ScanAnswer, ScanDefinition, ScanResponse
from .scoring import DefinitionSnap, DomainSnap, OptionSnap, QuestionSnap, RuleSnap

# Published definitions never change, so their snapshot can live for the whole process.
_FROZEN_SNAPSHOTS: dict[tuple, DefinitionSnap] = {}


def definition_snapshot(definition_id: int) -> DefinitionSnap:
    """The definition as plain immutable data: 5 queries, 1 when frozen and seen before."""
    # Keyed by publication time too, so a reused id (fresh test database) never hits a stale entry.
    published_at = (
        ScanDefinition.objects.filter(pk=definition_id, status=DefinitionStatus.PUBLISHED)
        .values_list("published_at", flat=True)
        .first()
    )
    key = (definition_id, published_at)
    if published_at is not None and key in _FROZEN_SNAPSHOTS:
        return _FROZEN_SNAPSHOTS[key]
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
                    options=tuple(OptionSnap(o.value, o.label, o.score) for o in q.options.all()),
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
        )
        for r in definition.direction_rules.all()
    )
    snap = DefinitionSnap(
        id=definition.pk, name=definition.name, kind=definition.kind, domains=domains, rules=rules
    )
    if definition.status == DefinitionStatus.PUBLISHED and published_at is not None:
        _FROZEN_SNAPSHOTS[key] = snap
    return snap


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


def _medians(results: list[Mapping]) -> dict[str, float]:
    per_domain: dict[str, list[int]] = {}
    for result in results:
        for slug, scores in (result or {}).get("domains", {}).items():
            if scores.get("now") is not None:
                per_domain.setdefault(slug, []).append(scores["now"])
    return {slug: statistics.median(values) for slug, values in per_domain.items()}
