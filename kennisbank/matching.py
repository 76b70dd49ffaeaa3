"""Which regelingen may apply to a company, and exactly why.

`regelingen_match()` is the one entry point (scan result page, regelingencheck, casus advice).
It loads every live regeling with criteria, themes and gemeenten in a fixed number of queries
and hands plain snapshots to the pure `regelingen_evaluate()` (kennisbank.eligibility)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import replace
from typing import Any

from kennisbank.eligibility import (
    CriterionResult,
    Deadline,
    DeadlineState,
    MatchResult,
    MatchStatus,
    Outcome,
    RegelingMatch,
    RegelingRules,
    Rule,
    deadline_for,
    regelingen_evaluate,
    rule_evaluate,
    today_amsterdam,
)
from kennisbank.facts import FACTS, CompanyFacts, dynamic_choices_load
from kennisbank.models import RegelingCriterion, RegelingPage
from kennisbank.models.regelingen import CRITERION_FIELDS
from kennisbank.selectors import regeling_list
from schakelteam.organisation.selectors import gemeente_province

__all__ = [
    "CriterionResult",
    "Deadline",
    "DeadlineState",
    "MatchResult",
    "MatchStatus",
    "Outcome",
    "RegelingMatch",
    "RegelingRules",
    "Rule",
    "deadline_for",
    "regelingen_evaluate",
    "regelingen_match",
    "rule_evaluate",
]

# ---------------------------------------------------------------- loading (the only queries)


def rules_derived(page: Any, explicit_facts: set[str], gemeente_slugs: list[str]) -> list[Rule]:
    """The page's structured fields as rules, unless an explicit criterion covers that fact."""
    rules: list[Rule] = []
    if "medewerkers" not in explicit_facts:
        if page.size_min is not None:
            rules.append(Rule("medewerkers", "gte", page.size_min, derived=True))
        if page.size_max is not None:
            rules.append(Rule("medewerkers", "lte", page.size_max, derived=True))
    sectors = [s for s in (page.sectors or []) if isinstance(s, str)]
    if sectors and "sector_sbi" not in explicit_facts:
        rules.append(Rule("sector_sbi", "in", [s.upper() for s in sectors], derived=True))
    if gemeente_slugs and "gemeente" not in explicit_facts:
        rules.append(Rule("gemeente", "in", sorted(gemeente_slugs), derived=True))
    phases = [p for p in (page.phases or []) if isinstance(p, str)]
    if phases and "fase" not in explicit_facts:
        rules.append(Rule("fase", "in", phases, knockout=False, derived=True))
    return rules


def regeling_rules_build(
    page: Any, criteria: list[Rule], theme_slugs: set[str], gemeente_slugs: list[str]
) -> RegelingRules:
    """Snapshot of one page, given its explicit criteria and the slugs of its relations."""
    explicit = [rule for rule in criteria if rule.fact in FACTS]
    derived = rules_derived(page, {r.fact for r in explicit}, gemeente_slugs)
    return RegelingRules(
        regeling=page,
        rules=(*explicit, *derived),
        theme_slugs=frozenset(theme_slugs),
        level=page.level,
        opens_on=page.opens_on,
        closes_on=page.closes_on,
        title=page.title,
    )


def regelingen_rules_load(regelingen: Any = None) -> list[RegelingRules]:
    """Every live regeling (or the given queryset) with criteria, themes and gemeenten: 4 queries.

    The relations come as plain values, not model instances: building a thousand child objects
    per request was half the cost of the regelingencheck result."""
    # Criteria are data on the default-language page; translations would only duplicate them.
    queryset = regelingen if regelingen is not None else regeling_list()
    pages = list(queryset.order_by("title"))
    ids = [page.pk for page in pages]
    criteria: dict[int, list[Rule]] = defaultdict(list)
    rows = (
        RegelingCriterion.objects.filter(page_id__in=ids)
        .order_by("sort_order", "pk")
        .values_list("page_id", *CRITERION_FIELDS)
    )
    for page_id, *rule in rows:
        criteria[page_id].append(Rule(*rule))
    themes = _slugs_by_page(RegelingPage.themes.through, "theme__slug", ids)
    gemeenten = _slugs_by_page(RegelingPage.gemeenten.through, "gemeente__slug", ids)
    return [
        regeling_rules_build(page, criteria[page.pk], set(themes[page.pk]), gemeenten[page.pk])
        for page in pages
    ]


def _slugs_by_page(through: Any, slug_path: str, ids: list[int]) -> dict[int, list[str]]:
    slugs: dict[int, list[str]] = defaultdict(list)
    rows = through.objects.filter(regelingpage_id__in=ids).values_list("regelingpage_id", slug_path)
    for page_id, slug in rows:
        slugs[page_id].append(slug)
    return slugs


def fact_labels_load(dynamic: dict | None = None) -> dict[str, dict[str, str]]:
    """Display names for the database-backed choices (3 queries unless `dynamic` is given)."""
    dynamic = dynamic if dynamic is not None else dynamic_choices_load()
    return {
        key: {str(v): str(label) for v, label in dynamic.get(fact.dynamic_choices, ())}
        for key, fact in FACTS.items()
        if fact.dynamic_choices
    }


def company_facts_complete(facts: CompanyFacts) -> CompanyFacts:
    """Fill the province from the gemeente when only the gemeente is known (one query)."""
    if not facts.gemeente or facts.province:
        return facts
    province = gemeente_province(facts.gemeente)
    return replace(facts, province=province) if province else facts


def regelingen_match(
    *,
    facts: CompanyFacts,
    today: datetime.date | None = None,
    include_not_fitting: bool = False,
    regelingen: Any = None,
    labels: dict[str, dict[str, str]] | None = None,
    rules: list[RegelingRules] | None = None,
) -> MatchResult:
    """The public entry point: which live regelingen fit these facts, and why.

    An integer fact may be an int or a (low, high|None) range. A fixed number of queries whatever
    the number of regelingen; pass `rules` (from `regelingen_rules_load()`) and `labels` to reuse
    data a view already loaded."""
    items = rules if rules is not None else regelingen_rules_load(regelingen)
    return regelingen_evaluate(
        items,
        company_facts_complete(facts),
        today=today or today_amsterdam(),
        include_not_fitting=include_not_fitting,
        labels=labels if labels is not None else fact_labels_load(),
    )
