"""Scoring of a scan: a pure function of a definition snapshot + answers (no database here).

Per domain and horizon (now/future): weighted mean of the answered option scores, normalised
from 1–5 to 0–100, rounded half up. Not counted: options without a score (n/a, don't know),
empty answers, questions hidden by their condition and questions of weight 0. Less than half
of the weight answered gives no score (None). Need = max(0, future − now); the three largest
needs are the attention points. The first direction rule whose condition holds gives the
direction.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

CHOICE_KINDS = {"scale", "single", "multiple", "yes_no"}
OPERATORS = {"==", "!=", "in", "not_in", ">=", "<=", ">", "<"}
MIN_COVERAGE = 0.5
ATTENTION_COUNT = 3


@dataclass(frozen=True)
class OptionSnap:
    value: str
    label: str
    score: int | None
    key: str = ""  # translation key: finds the same option in a translation


@dataclass(frozen=True)
class QuestionSnap:
    id: int
    slug: str
    text: str
    kind: str
    horizon: str
    required: bool = True
    weight: int = 1
    help_text: str = ""
    condition_slug: str = ""
    condition_values: tuple = ()
    options: tuple[OptionSnap, ...] = ()
    key: str = ""

    def option(self, value) -> OptionSnap | None:
        for option in self.options:
            if option.value == value:
                return option
        return None


@dataclass(frozen=True)
class DomainSnap:
    id: int
    slug: str
    title: str
    questions: tuple[QuestionSnap, ...]
    theme_slug: str = ""
    theme_id: int | None = None
    intro: str = ""
    scored: bool = True
    size_classes: tuple = ()
    advice: Mapping = field(default_factory=dict)
    key: str = ""

    def applies_to(self, size_class: str) -> bool:
        return not self.size_classes or size_class in self.size_classes


@dataclass(frozen=True)
class RuleSnap:
    direction: str
    condition: Mapping
    reason: str
    description: str = ""
    themes: tuple = ()
    key: str = ""


@dataclass(frozen=True)
class DefinitionSnap:
    id: int
    name: str
    kind: str
    domains: tuple[DomainSnap, ...]
    rules: tuple[RuleSnap, ...] = ()
    intro: str = ""

    def domain(self, slug: str) -> DomainSnap | None:
        return next((d for d in self.domains if d.slug == slug), None)

    @property
    def questions(self) -> dict[str, QuestionSnap]:
        return {q.slug: q for d in self.domains for q in d.questions}


def round_half_up(x: float) -> int:
    return int(math.floor(x + 0.5))


def _is_empty(value) -> bool:
    return value is None or value == "" or value == []


def visible_questions(
    definition: DefinitionSnap, answers: Mapping, facts: Mapping | None = None
) -> dict[str, QuestionSnap]:
    """Questions the entrepreneur is shown, in order, given the size class and earlier answers."""
    size_class = (facts or {}).get("size_class", "")
    visible: dict[str, QuestionSnap] = {}
    for domain in definition.domains:
        if not domain.applies_to(size_class):
            continue
        for q in domain.questions:
            if q.condition_slug:
                if q.condition_slug not in visible:
                    continue
                given = answers.get(q.condition_slug)
                given_set = set(given) if isinstance(given, list) else {given}
                if not given_set & set(q.condition_values):
                    continue
            visible[q.slug] = q
    return visible


def _answer_score(question: QuestionSnap, value) -> float | None:
    """0–100 for an answered scored choice, else None."""
    values = value if isinstance(value, list) else [value]
    scores = [o.score for v in values if (o := question.option(v)) and o.score is not None]
    if not scores:
        return None
    return (sum(scores) / len(scores) - 1) / 4 * 100


def missing_required(
    definition: DefinitionSnap, answers: Mapping, facts: Mapping | None = None
) -> list[tuple[str, QuestionSnap]]:
    """(domain slug, question) of every shown required question without an answer."""
    visible = visible_questions(definition, answers, facts)
    missing = []
    for domain in definition.domains:
        for q in domain.questions:
            if q.slug in visible and q.required and _is_empty(answers.get(q.slug)):
                missing.append((domain.slug, q))
    return missing


def _domain_scores(domain: DomainSnap, visible, answers) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for horizon, key in (("nu", "now"), ("toekomst", "future")):
        total_weight = answered_weight = 0
        weighted = 0.0
        for q in domain.questions:
            if q.slug not in visible or q.horizon != horizon or q.weight <= 0:
                continue
            if q.kind not in CHOICE_KINDS:
                continue
            total_weight += q.weight
            score = _answer_score(q, answers.get(q.slug))
            if score is not None:
                answered_weight += q.weight
                weighted += score * q.weight
        if total_weight == 0 or answered_weight < MIN_COVERAGE * total_weight:
            out[key] = None
        else:
            out[key] = round_half_up(weighted / answered_weight)
    return out


def _mean(values: list[int]) -> int | None:
    return round_half_up(sum(values) / len(values)) if values else None


def score_response(
    definition: DefinitionSnap, answers: Mapping, facts: Mapping | None = None
) -> dict:
    """The full result as JSON-able data: domain scores, totals, attention points, direction."""
    facts = facts or {}
    visible = visible_questions(definition, answers, facts)
    domains: dict[str, dict] = {}
    order: list[str] = []
    for domain in definition.domains:
        if not domain.scored:
            continue
        scores = _domain_scores(domain, visible, answers)
        now, future = scores["now"], scores["future"]
        need = None if now is None or future is None else max(0, future - now)
        domains[domain.slug] = {"now": now, "future": future, "need": need}
        order.append(domain.slug)
    total_now = _mean([d["now"] for d in domains.values() if d["now"] is not None])
    total_future = _mean([d["future"] for d in domains.values() if d["future"] is not None])
    ranked = sorted(
        (s for s in order if (domains[s]["need"] or 0) > 0),
        key=lambda s: (-domains[s]["need"], domains[s]["now"], order.index(s)),
    )
    attention = ranked[:ATTENTION_COUNT]
    theme_of = {d.slug: d.theme_slug for d in definition.domains}
    result = {
        "definition": definition.id,
        "domains": domains,
        "order": order,
        "total_now": total_now,
        "total_future": total_future,
        "attention": attention,
        "attention_themes": sorted({theme_of[s] for s in attention if theme_of.get(s)}),
    }
    visible_answers = {slug: answers.get(slug) for slug in visible}
    rule = direction_for(definition, visible_answers, facts, result)
    result["direction"] = rule.direction if rule else None
    result["direction_reason"] = rule.reason if rule else ""
    result["direction_rule"] = rule.key if rule else ""
    result["direction_themes"] = list(rule.themes) if rule else []
    return result


# ---- direction rules ------------------------------------------------------------------------


def condition_validate(condition) -> None:
    """Raise ValueError when `condition` is not a valid direction-rule condition."""
    if condition in (None, {}):
        return
    if not isinstance(condition, dict):
        raise ValueError("A condition is an object.")
    for combinator in ("all", "any"):
        if combinator in condition:
            parts = condition[combinator]
            if not isinstance(parts, list) or not parts:
                raise ValueError(f"'{combinator}' needs a list of conditions.")
            for part in parts:
                condition_validate(part)
            return
    field_name = condition.get("field")
    if not isinstance(field_name, str) or not field_name:
        raise ValueError("A condition needs a 'field'.")
    prefix = field_name.split(".", 1)[0]
    if prefix not in {"answer", "facts", "score", "need_max"}:
        raise ValueError("Field must start with answer., facts., score. or be need_max.")
    if condition.get("op") not in OPERATORS:
        raise ValueError(f"'op' must be one of {', '.join(sorted(OPERATORS))}.")
    if "value" not in condition:
        raise ValueError("A condition needs a 'value'.")


def _field_value(condition: Mapping, answers: Mapping, facts: Mapping, result: Mapping):
    name = condition["field"]
    if name == "need_max":
        needs = [
            result["domains"][s]["need"]
            for s in condition.get("domains", [])
            if s in result["domains"] and result["domains"][s]["need"] is not None
        ]
        return max(needs) if needs else None
    prefix, _, key = name.partition(".")
    if prefix == "answer":
        return answers.get(key)
    if prefix == "facts":
        return facts.get(key)
    return result.get(key)


def _compare(actual, op: str, expected) -> bool:
    if actual is None or actual == []:
        return op in {"!=", "not_in"}
    if isinstance(actual, list):
        hits = set(actual) & set(expected if isinstance(expected, list) else [expected])
        return bool(hits) if op in {"==", "in"} else not hits
    match op:
        case "==":
            return actual == expected
        case "!=":
            return actual != expected
        case "in":
            return actual in (expected or [])
        case "not_in":
            return actual not in (expected or [])
    try:
        a, b = float(actual), float(expected)
    except (TypeError, ValueError):
        return False
    return {">=": a >= b, "<=": a <= b, ">": a > b, "<": a < b}[op]


def condition_holds(condition: Mapping, answers: Mapping, facts: Mapping, result: Mapping) -> bool:
    if not condition:
        return True
    if "all" in condition:
        return all(condition_holds(c, answers, facts, result) for c in condition["all"])
    if "any" in condition:
        return any(condition_holds(c, answers, facts, result) for c in condition["any"])
    actual = _field_value(condition, answers, facts, result)
    return _compare(actual, condition["op"], condition["value"])


def direction_for(
    definition: DefinitionSnap, answers: Mapping, facts: Mapping, result: Mapping
) -> RuleSnap | None:
    for rule in definition.rules:
        if condition_holds(rule.condition, answers, facts, result):
            return rule
    return None
