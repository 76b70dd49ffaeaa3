"""What an evaluation says: the rule and regeling types, met / not met / unknown with the
explanation an entrepreneur reads, and where a regeling's deadline stands."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kennisbank.constants import CriterionOperator
from kennisbank.facts import FACTS, Fact, FactType

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
    return date_format(day, "j F Y")
