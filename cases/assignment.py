"""Which advisor fits a casus: a pure ranking with the reasons a coordinator can check."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

THEME_WEIGHT = 10
GEMEENTE_WEIGHT = 5
LOAD_WEIGHT = 4


@dataclass(frozen=True)
class AdvisorFacts:
    advisor: Any
    theme_ids: frozenset[int]
    gemeente_ids: frozenset[int]
    open_casussen: int
    capacity: int
    is_away: bool
    theme_names: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Suggestion:
    advisor: Any
    score: float
    available: bool
    reasons: tuple[str, ...]


def advisors_rank(
    *, theme_ids: Iterable[int], gemeente_id: int | None, advisors: Sequence[AdvisorFacts]
) -> list[Suggestion]:
    """Best first: available advisors before away or full ones, then by expertise, gemeente, load."""
    wanted = frozenset(theme_ids)
    suggestions = []
    for facts in advisors:
        reasons: list[str] = []
        matched = sorted(facts.theme_names.get(t, str(t)) for t in wanted & facts.theme_ids)
        score = THEME_WEIGHT * len(matched)
        if matched:
            reasons.append(
                ngettext("Expertise: %(themes)s", "Expertise: %(themes)s", len(matched))
                % {"themes": ", ".join(matched)}
            )
        elif wanted:
            reasons.append(_("No expertise in these themes"))
        if gemeente_id is not None and gemeente_id in facts.gemeente_ids:
            score += GEMEENTE_WEIGHT
            reasons.append(_("Serves this municipality"))
        capacity = max(facts.capacity, 0)
        load = facts.open_casussen / capacity if capacity else 1.0
        score -= LOAD_WEIGHT * load
        reasons.append(
            _("Workload %(open)s of %(capacity)s")
            % {"open": facts.open_casussen, "capacity": capacity}
        )
        full = facts.open_casussen >= capacity
        if facts.is_away:
            reasons.append(_("Away at the moment"))
        elif full:
            reasons.append(_("At full capacity"))
        suggestions.append(
            Suggestion(
                advisor=facts.advisor,
                score=round(score, 2),
                available=not facts.is_away and not full,
                reasons=tuple(reasons),
            )
        )
    return sorted(suggestions, key=lambda s: (not s.available, -s.score, str(s.advisor)))


def advisor_facts(advisors: Iterable[Any]) -> list[AdvisorFacts]:
    """Facts from `selectors.advisor_list()` rows (prefetched themes/gemeenten, annotated load)."""
    return [
        AdvisorFacts(
            advisor=a,
            theme_ids=frozenset(t.pk for t in a.themes.all()),
            gemeente_ids=frozenset(g.pk for g in a.gemeenten.all()),
            open_casussen=a.open_casussen,
            capacity=a.capacity,
            is_away=a.is_away,
            theme_names={t.pk: t.name for t in a.themes.all()},
        )
        for a in advisors
    ]
