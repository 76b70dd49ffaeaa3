"""Criteria of regelingen against the facts: which operators a fact allows, and a criterion's value
checked and normalised the way an editor (or an import file) may type it."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kennisbank.constants import CriterionOperator
from kennisbank.facts import (
    FACTS,
    SBI_DIVISIONS,
    Choices,
    Fact,
    FactType,
    fact_choices,
)

OPERATORS_BY_TYPE: dict[FactType, frozenset[str]] = {
    FactType.INTEGER: frozenset(CriterionOperator.values),
    FactType.CHOICE: frozenset({"eq", "ne", "in", "not_in"}),
    FactType.MULTI_CHOICE: frozenset({"eq", "ne", "in", "not_in"}),
    FactType.BOOLEAN: frozenset({"eq", "ne"}),
}
LIST_OPERATORS = frozenset({"in", "not_in", "between"})


def _integer_validate(fact: Fact, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(_("%(label)s needs a whole number."), params={"label": fact.label})
    if isinstance(value, float) and not value.is_integer():
        raise ValidationError(_("%(label)s needs a whole number."), params={"label": fact.label})
    number = int(value)
    if not 0 <= number <= fact.maximum:
        raise ValidationError(
            _("%(label)s must lie between 0 and %(max)s."),
            params={"label": fact.label, "max": fact.maximum},
        )
    return number


def _choice_validate(fact: Fact, value: Any, allowed: set[str]) -> str | bool:
    if fact.type == FactType.BOOLEAN:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in {"true", "false"}:
            return value.lower() == "true"
        raise ValidationError(
            _("%(label)s needs yes (true) or no (false)."), params={"label": fact.label}
        )
    if isinstance(value, int | float) and not isinstance(value, bool) and fact.key == "sector_sbi":
        value = f"{int(value):02d}"
    if not isinstance(value, str):
        raise ValidationError(_("%(label)s needs a text value."), params={"label": fact.label})
    text = value.strip()
    if fact.key == "sector_sbi":
        text = text.upper()
        if text in SBI_DIVISIONS or text in allowed:
            return text
        raise ValidationError(
            _("“%(value)s” is not an SBI section (A–U) or two-digit division."),
            params={"value": text[:40]},
        )
    if text not in allowed:
        raise ValidationError(
            _("“%(value)s” is not a known value for %(label)s. Choose from: %(allowed)s."),
            params={"value": text[:40], "label": fact.label, "allowed": ", ".join(sorted(allowed))},
        )
    return text


def criterion_value_normalise(
    fact_key: str, operator: str, value: Any, *, dynamic: dict[str, Choices] | None = None
) -> Any:
    """The criterion's value checked against its fact and operator, in canonical form.

    Raises ValidationError with a message an editor understands."""
    fact = FACTS.get(fact_key)
    if fact is None:
        raise ValidationError(_("Unknown fact “%(fact)s”."), params={"fact": str(fact_key)[:40]})
    if operator not in OPERATORS_BY_TYPE[fact.type]:
        raise ValidationError(
            _("The operator %(op)s cannot be used with %(label)s."),
            params={"op": operator, "label": fact.label},
        )
    if operator in LIST_OPERATORS:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list) or not value:
            raise ValidationError(
                _('This operator needs a list of values, e.g. ["a", "b"] or a, b.')
            )
    elif isinstance(value, list | dict):
        raise ValidationError(_("This operator needs a single value, not a list."))

    if fact.type == FactType.INTEGER:
        if operator in LIST_OPERATORS:
            numbers = [_integer_validate(fact, _number_from_text(v)) for v in value]
        else:
            return _integer_validate(fact, _number_from_text(value))
        if operator == "between":
            if len(numbers) != 2:
                raise ValidationError(_("“between” needs exactly two numbers: low and high."))
            if numbers[0] > numbers[1]:
                raise ValidationError(_("The low number must come first."))
        return numbers
    allowed = {v for v, _label in fact_choices(fact, dynamic)}
    if operator in LIST_OPERATORS:
        return [_choice_validate(fact, v, allowed) for v in value]
    return _choice_validate(fact, value, allowed)


def _number_from_text(value: Any) -> Any:
    """Editors may type "10" as text; a digit string is a number, anything else stays put."""
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 15:
        return int(value.strip())
    return value
