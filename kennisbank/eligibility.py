"""The pure evaluation of eligibility rules: met, not met or unknown, with the explanation.

No database access here; kennisbank.matching loads the data once and calls `regelingen_evaluate()`."""

from __future__ import annotations

import datetime
import gc
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kennisbank.constants import LEVEL_DISTANCE, CriterionOperator, RegelingLevel
from kennisbank.facts import FACTS, SECTION_DIVISIONS, CompanyFacts, Fact, FactType

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
CLOSING_SOON_DAYS = 30
INF = float("inf")

FactValue = Any  # int | (low, high|None) | str | set[str] | bool


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class MatchStatus(StrEnum):
    FITTING = "fitting"
    MAYBE = "maybe"
    NOT_FITTING = "not_fitting"


class DeadlineState(StrEnum):
    ONGOING = "ongoing"
    OPEN = "open"
    CLOSING_SOON = "closing_soon"
    NOT_YET_OPEN = "not_yet_open"
    CLOSED = "closed"


@dataclass(frozen=True)
class Rule:
    """One criterion as plain data; `derived` rules come from the page's own fields."""

    fact: str
    operator: str
    value: Any
    knockout: bool = True
    explanation_met: str = ""
    explanation_not_met: str = ""
    derived: bool = False


@dataclass(frozen=True)
class RegelingRules:
    """What the evaluation needs of one regeling, decoupled from the ORM."""

    regeling: Any
    rules: tuple[Rule, ...]
    theme_slugs: frozenset[str] = frozenset()
    level: str = ""
    opens_on: datetime.date | None = None
    closes_on: datetime.date | None = None
    title: str = ""


@dataclass(frozen=True)
class CriterionResult:
    """Texts are built only when shown: evaluating 6,000 regelingen must not translate 30,000."""

    rule: Rule
    outcome: Outcome
    fact: Fact
    labels: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def condition(self) -> str:
        return condition_text(self.rule, self.labels)

    @cached_property
    def explanation(self) -> str:
        return _explanation(self.rule, self.outcome, self.condition, self.fact)

    @property
    def met(self) -> bool:
        return self.outcome == Outcome.MET


@dataclass(frozen=True)
class Deadline:
    state: DeadlineState
    days_left: int | None = None
    opens_on: datetime.date | None = None
    closes_on: datetime.date | None = None

    @cached_property
    def text(self) -> str:
        """ "Closes in 12 days", "Ongoing", "Closed — opens on …"."""
        match self.state:
            case DeadlineState.NOT_YET_OPEN:
                return str(_("Closed — opens on %(date)s") % {"date": _date(self.opens_on)})
            case DeadlineState.CLOSED:
                return str(_("Closed since %(date)s") % {"date": _date(self.closes_on)})
            case DeadlineState.ONGOING:
                return str(_("Ongoing"))
            case DeadlineState.CLOSING_SOON if self.days_left == 0:
                return str(_("Closes today"))
            case DeadlineState.CLOSING_SOON:
                n = self.days_left
                return ngettext("Closes in %(n)d day", "Closes in %(n)d days", n) % {"n": n}
        return str(_("Open until %(date)s") % {"date": _date(self.closes_on)})

    @property
    def closing_soon(self) -> bool:
        return self.state == DeadlineState.CLOSING_SOON

    @property
    def is_open(self) -> bool:
        return self.state in {DeadlineState.ONGOING, DeadlineState.OPEN, DeadlineState.CLOSING_SOON}


@dataclass
class RegelingMatch:
    regeling: Any
    status: MatchStatus
    fit_score: int
    criteria: list[CriterionResult]
    deadline: Deadline
    deciding_questions: list[Fact] = field(default_factory=list)
    failed: list[CriterionResult] = field(default_factory=list)
    matched_themes: list[str] = field(default_factory=list)


@dataclass
class MatchResult:
    fitting: list[RegelingMatch]
    maybe: list[RegelingMatch]
    not_fitting: list[RegelingMatch]
    today: datetime.date

    def __len__(self) -> int:
        return len(self.fitting) + len(self.maybe) + len(self.not_fitting)

    @property
    def all(self) -> list[RegelingMatch]:
        return [*self.fitting, *self.maybe, *self.not_fitting]


def today_amsterdam() -> datetime.date:
    return datetime.datetime.now(tz=AMSTERDAM).date()


# ---------------------------------------------------------------- value sets
# Every fact value and every condition becomes a set of possible values: integers as merged
# intervals, choices as sets. "Met" means every possible value satisfies the condition.


def _as_range(value: FactValue) -> tuple[float, float] | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return (value, value)
    if isinstance(value, tuple | list) and len(value) == 2:
        low, high = value
        if (
            isinstance(low, int)
            and not isinstance(low, bool)
            and (high is None or isinstance(high, int))
        ):
            return (low, INF if high is None else high)
    return None


def _satisfying_intervals(operator: str, value: Any) -> list[tuple[float, float]]:
    match operator:
        case "eq":
            return [(value, value)]
        case "ne":
            return [(-INF, value - 1), (value + 1, INF)]
        case "lt":
            return [(-INF, value - 1)]
        case "lte":
            return [(-INF, value)]
        case "gt":
            return [(value + 1, INF)]
        case "gte":
            return [(value, INF)]
        case "between":
            return [(value[0], value[1])]
        case "in":
            return [(v, v) for v in value]
        case "not_in":
            points = sorted(set(value))
            intervals, low = [], -INF
            for p in points:
                intervals.append((low, p - 1))
                low = p + 1
            intervals.append((low, INF))
            return [(a, b) for a, b in intervals if a <= b]
    raise ValueError(operator)


def _merge(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for low, high in sorted(intervals):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _integer_outcome(rule: Rule, fact_range: tuple[float, float]) -> Outcome:
    low, high = fact_range
    intervals = _intervals_cached(rule.operator, _hashable(rule.value))
    if any(a <= low and high <= b for a, b in intervals):
        return Outcome.MET
    if any(a <= high and low <= b for a, b in intervals):
        return Outcome.UNKNOWN
    return Outcome.NOT_MET


def _possible_set(fact: Fact, value: FactValue) -> frozenset[str]:
    """The values a choice fact may stand for (an SBI section stands for all its divisions)."""
    if fact.key == "sector_sbi":
        text = str(value).upper()
        if text in SECTION_DIVISIONS:
            return SECTION_DIVISIONS[text]
        return frozenset({text})
    return frozenset({str(value)})


def _condition_set(fact: Fact, values: Iterable[Any]) -> frozenset[str]:
    return _condition_set_cached(fact.key, _hashable(list(values)))


# Thousands of regelingen share a handful of conditions: build each condition's value set once.
@lru_cache(maxsize=4096)
def _condition_set_cached(fact_key: str, values: tuple) -> frozenset[str]:
    fact = FACTS[fact_key]
    result: set[str] = set()
    for v in values:
        result |= _possible_set(fact, v)
    return frozenset(result)


@lru_cache(maxsize=4096)
def _intervals_cached(operator: str, value: Any) -> list[tuple[float, float]]:
    return _merge(
        _satisfying_intervals(operator, list(value) if isinstance(value, tuple) else value)
    )


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _choice_outcome(rule: Rule, fact: Fact, value: FactValue) -> Outcome:
    values = rule.value if rule.operator in {"in", "not_in"} else [rule.value]
    wanted = _condition_set(fact, values)
    if fact.type == FactType.MULTI_CHOICE:
        # A company's needs are a set: "= x" means x is among them, "in" means any overlap.
        chosen = frozenset(value)
        hit = bool(chosen & wanted)
        if rule.operator == "eq" or rule.operator == "in":
            return Outcome.MET if hit else Outcome.NOT_MET
        return Outcome.NOT_MET if hit else Outcome.MET
    possible = _possible_set(fact, value)
    inside = possible <= wanted
    outside = not (possible & wanted)
    positive = rule.operator in {"eq", "in"}
    if inside:
        return Outcome.MET if positive else Outcome.NOT_MET
    if outside:
        return Outcome.NOT_MET if positive else Outcome.MET
    return Outcome.UNKNOWN


def _fact_is_known(fact: Fact, value: FactValue) -> bool:
    if value is None or value == "":
        return False
    if fact.type == FactType.MULTI_CHOICE:
        return isinstance(value, set | frozenset | list | tuple) and len(value) > 0
    return True


def rule_evaluate(rule: Rule, facts: Mapping[str, FactValue]) -> Outcome:
    """Met, not met or unknown for one rule against fact values keyed like FACTS (pure)."""
    fact = FACTS[rule.fact]
    value = facts.get(rule.fact)
    if not _fact_is_known(fact, value):
        return Outcome.UNKNOWN
    if fact.type == FactType.INTEGER:
        fact_range = _as_range(value)
        if fact_range is None:
            return Outcome.UNKNOWN
        return _integer_outcome(rule, fact_range)
    if fact.type == FactType.BOOLEAN:
        same = bool(value) == bool(rule.value)
        return Outcome.MET if same == (rule.operator == "eq") else Outcome.NOT_MET
    return _choice_outcome(rule, fact, value)


# ---------------------------------------------------------------- texts


def _value_text(fact: Fact, value: Any, labels: dict[str, dict[str, str]]) -> str:
    if isinstance(value, list):
        if fact.type == FactType.INTEGER and len(value) == 2:
            return f"{value[0]}–{value[1]}"
        return ", ".join(_value_text(fact, v, labels) for v in value)
    if fact.type in {FactType.CHOICE, FactType.MULTI_CHOICE}:
        names = labels.get(fact.key) or {k: str(v) for k, v in fact.choices}
        return str(names.get(str(value), value))
    return str(value)


def condition_text(rule: Rule, labels: dict[str, dict[str, str]] | None = None) -> str:
    """ "Employees ≤ 10", readable for entrepreneurs and editors alike."""
    fact = FACTS[rule.fact]
    operator = CriterionOperator(rule.operator).label
    return f"{fact.label} {operator} {_value_text(fact, rule.value, labels or {})}"


def _explanation(rule: Rule, outcome: Outcome, condition: str, fact: Fact) -> str:
    if outcome == Outcome.MET:
        return rule.explanation_met or str(_("You meet this condition: %(c)s.") % {"c": condition})
    if outcome == Outcome.NOT_MET:
        return rule.explanation_not_met or str(
            _("You do not meet this condition: %(c)s.") % {"c": condition}
        )
    return str(
        _("Still unknown: %(c)s. Answer “%(q)s” to decide.") % {"c": condition, "q": fact.question}
    )


def deadline_for(opens_on, closes_on, today: datetime.date) -> Deadline:
    """Where a regeling stands on `today` (a date in Europe/Amsterdam)."""
    if opens_on and today < opens_on:
        return Deadline(DeadlineState.NOT_YET_OPEN, None, opens_on, closes_on)
    if closes_on and closes_on < today:
        return Deadline(DeadlineState.CLOSED, None, opens_on, closes_on)
    if closes_on is None:
        return Deadline(DeadlineState.ONGOING, None, opens_on, None)
    days = (closes_on - today).days
    state = DeadlineState.CLOSING_SOON if days <= CLOSING_SOON_DAYS else DeadlineState.OPEN
    return Deadline(state, days, opens_on, closes_on)


def _date(day: datetime.date) -> str:
    from django.utils.formats import date_format

    return date_format(day, "j F Y")


# ---------------------------------------------------------------- evaluation

FIT_THEME = 10
FIT_OPEN = 5
FIT_CRITERION = 2
LEVEL_COUNT = len(RegelingLevel.values)


def regeling_evaluate(
    item: RegelingRules,
    facts: Mapping[str, FactValue],
    today: datetime.date,
    labels: dict[str, dict[str, str]] | None = None,
) -> RegelingMatch:
    labels = labels or {}
    results: list[CriterionResult] = []
    knockout_failed: list[CriterionResult] = []
    knockout_unknown: list[CriterionResult] = []
    fit_score = 0
    for rule in item.rules:
        outcome = rule_evaluate(rule, facts)
        fact = FACTS[rule.fact]
        result = CriterionResult(rule, outcome, fact, labels)
        results.append(result)
        if rule.knockout:
            if outcome == Outcome.NOT_MET:
                knockout_failed.append(result)
            elif outcome == Outcome.UNKNOWN:
                knockout_unknown.append(result)
        elif outcome == Outcome.MET:
            fit_score += FIT_CRITERION
        elif outcome == Outcome.NOT_MET:
            fit_score -= FIT_CRITERION

    deadline = deadline_for(item.opens_on, item.closes_on, today)
    needs = facts.get("thema_behoefte") or ()
    matched_themes = sorted(item.theme_slugs.intersection(needs))
    fit_score += FIT_THEME * len(matched_themes)
    if deadline.is_open:
        fit_score += FIT_OPEN
    fit_score += LEVEL_COUNT - LEVEL_DISTANCE.get(item.level, LEVEL_COUNT)

    if deadline.state == DeadlineState.CLOSED or knockout_failed:
        status = MatchStatus.NOT_FITTING
    elif knockout_unknown:
        status = MatchStatus.MAYBE
    else:
        status = MatchStatus.FITTING
    deciding: list[Fact] = []
    for result in knockout_unknown:
        if result.fact not in deciding:
            deciding.append(result.fact)
    return RegelingMatch(
        regeling=item.regeling,
        status=status,
        fit_score=fit_score,
        criteria=results,
        deadline=deadline,
        deciding_questions=deciding,
        failed=knockout_failed,
        matched_themes=matched_themes,
    )


def regelingen_evaluate(
    items: Sequence[RegelingRules],
    facts: CompanyFacts,
    *,
    today: datetime.date,
    include_not_fitting: bool = False,
    labels: dict[str, dict[str, str]] | None = None,
) -> MatchResult:
    """Pure: group and sort every regeling for these facts. No database access."""
    values = facts.values()
    groups: dict[MatchStatus, list[RegelingMatch]] = {s: [] for s in MatchStatus}
    # Tens of thousands of short-lived, acyclic objects: the cyclic collector would rescan them
    # over and over (3x slower at 6,000 regelingen); reference counting frees them anyway.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for item in items:
            match = regeling_evaluate(item, values, today, labels)
            if match.status == MatchStatus.NOT_FITTING and not include_not_fitting:
                continue
            groups[match.status].append(match)
    finally:
        if collecting:
            gc.enable()
    for matches in groups.values():
        matches.sort(key=lambda m: (-m.fit_score, _title(m.regeling)))
    return MatchResult(
        fitting=groups[MatchStatus.FITTING],
        maybe=groups[MatchStatus.MAYBE],
        not_fitting=groups[MatchStatus.NOT_FITTING],
        today=today,
    )


def _title(regeling: Any) -> str:
    return str(getattr(regeling, "title", "") or "")
