"""One rule against the facts: met, not met or unknown. Every fact value and every condition
becomes a set of possible values (integers as merged intervals, choices as sets); "met" means every
possible value satisfies the condition."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from kennisbank.facts import FACTS, SECTION_DIVISIONS, Fact, FactType

from .outcomes import INF, FactValue, Outcome, Rule


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
    """Met, not met or unknown for one rule against the facts (pure)."""
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
