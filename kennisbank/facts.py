"""The company facts that eligibility criteria, the regelingencheck questionnaire, the scan's
company facts and the evaluation all share. Defined once here so they cannot drift apart."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kennisbank.constants import CriterionOperator
from schakelteam.organisation.constants import SbiSection
from schakelteam.organisation.models import Gemeente, Regio, Theme
from schakelteam.organisation.selectors import theme_list


class FactType(StrEnum):
    INTEGER = "integer"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    BOOLEAN = "boolean"


@dataclass(frozen=True)
class Fact:
    key: str
    label: Promise
    question: Promise
    type: FactType
    choices: tuple[tuple[str, Promise], ...] = field(default=())
    unit: str = ""
    # Choices that live in the database (gemeenten, regions, themes) are looked up at run time.
    dynamic_choices: str = ""
    # The largest value a questionnaire or criterion may hold (guards against absurd input).
    maximum: int = 10**12


LEGAL_FORMS = (
    ("eenmanszaak", _("Sole proprietorship (eenmanszaak)")),
    ("vof", _("General partnership (vof)")),
    ("maatschap", _("Partnership (maatschap)")),
    ("bv", _("Private limited company (bv)")),
    ("nv", _("Public limited company (nv)")),
    ("cv", _("Limited partnership (cv)")),
    ("stichting", _("Foundation (stichting)")),
    ("vereniging", _("Association (vereniging)")),
    ("cooperatie", _("Cooperative (coöperatie)")),
)

# The scan's development directions are phases too, so a scan result can answer this fact.
PHASES = (
    ("starten", _("Starting a business")),
    ("overnemen", _("Taking over a business")),
    ("groeien", _("Growing")),
    ("versnellen", _("Accelerating")),
    ("vernieuwen", _("Renewing")),
    ("hervormen", _("Reforming")),
    ("stoppen", _("Stopping or handing over")),
)

# A national catalogue names every province, whichever regions run this platform.
PROVINCES = (
    "Drenthe",
    "Flevoland",
    "Fryslân",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
)

# SBI 2008 divisions (two digits) per section, so a criterion may name a division.
_SECTION_DIVISIONS = {
    "A": (1, 3),
    "B": (5, 9),
    "C": (10, 33),
    "D": (35, 35),
    "E": (36, 39),
    "F": (41, 43),
    "G": (45, 47),
    "H": (49, 53),
    "I": (55, 56),
    "J": (58, 63),
    "K": (64, 66),
    "L": (68, 68),
    "M": (69, 75),
    "N": (77, 82),
    "O": (84, 84),
    "P": (85, 85),
    "Q": (86, 88),
    "R": (90, 93),
    "S": (94, 96),
    "T": (97, 98),
    "U": (99, 99),
}
# Codes that are not in use inside a section's span.
_UNUSED_DIVISIONS = {4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89}
SBI_DIVISIONS: dict[str, str] = {
    f"{n:02d}": section
    for section, (low, high) in _SECTION_DIVISIONS.items()
    for n in range(low, high + 1)
    if n not in _UNUSED_DIVISIONS
}
SECTION_DIVISIONS: dict[str, frozenset[str]] = {
    section: frozenset(d for d, s in SBI_DIVISIONS.items() if s == section)
    for section in _SECTION_DIVISIONS
}

FACTS: dict[str, Fact] = {
    f.key: f
    for f in [
        Fact(
            "medewerkers",
            _("Employees"),
            _("How many people work in your company, you included?"),
            FactType.INTEGER,
            unit=_("people"),
            maximum=10**6,
        ),
        Fact(
            "omzet",
            _("Annual turnover"),
            _("What was your turnover last year (in euros)?"),
            FactType.INTEGER,
            unit="EUR",
        ),
        Fact(
            "balanstotaal",
            _("Balance sheet total"),
            _("What is your balance sheet total (in euros)?"),
            FactType.INTEGER,
            unit="EUR",
        ),
        Fact(
            "bedrijfsleeftijd_jaren",
            _("Company age"),
            _("How many years ago was your company founded?"),
            FactType.INTEGER,
            unit=_("years"),
            maximum=1000,
        ),
        Fact(
            "rechtsvorm",
            _("Legal form"),
            _("What is the legal form of your company?"),
            FactType.CHOICE,
            choices=LEGAL_FORMS,
        ),
        Fact(
            "sector_sbi",
            _("Sector (SBI section)"),
            _("In which sector does your company work?"),
            FactType.CHOICE,
            choices=tuple(SbiSection.choices),
        ),
        Fact(
            "regio",
            _("Province"),
            _("In which province is your company located?"),
            FactType.CHOICE,
            dynamic_choices="province",
        ),
        Fact(
            "gemeente",
            _("Municipality"),
            _("In which municipality is your company located?"),
            FactType.CHOICE,
            dynamic_choices="gemeente",
        ),
        Fact(
            "thema_behoefte",
            _("Needs"),
            _("What do you need help with?"),
            FactType.MULTI_CHOICE,
            dynamic_choices="theme",
        ),
        Fact(
            "fase", _("Phase"), _("What phase is your company in?"), FactType.CHOICE, choices=PHASES
        ),
    ]
}

Choices = tuple[tuple[str, Any], ...]

OPERATORS_BY_TYPE: dict[FactType, frozenset[str]] = {
    FactType.INTEGER: frozenset(CriterionOperator.values),
    FactType.CHOICE: frozenset({"eq", "ne", "in", "not_in"}),
    FactType.MULTI_CHOICE: frozenset({"eq", "ne", "in", "not_in"}),
    FactType.BOOLEAN: frozenset({"eq", "ne"}),
}
LIST_OPERATORS = frozenset({"in", "not_in", "between"})


def dynamic_choices_load() -> dict[str, Choices]:
    """Choices that live in the database, loaded in three queries (once per request); theme names
    in the active language when a translation exists (one more query outside Dutch)."""
    provinces = sorted(
        set(PROVINCES) | set(Regio.objects.values_list("province", flat=True)) - {""}
    )
    themes = list(theme_list().order_by("name").values_list("slug", "name", "translation_key"))
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    translated: dict = {}
    if language != settings.LANGUAGE_CODE and themes:
        translated = dict(
            Theme.objects.filter(
                locale__language_code=language, translation_key__in=[t[2] for t in themes]
            ).values_list("translation_key", "name")
        )
    return {
        "province": tuple((p, p) for p in provinces),
        "gemeente": tuple(Gemeente.objects.order_by("name").values_list("slug", "name")),
        "theme": tuple((slug, translated.get(key, name)) for slug, name, key in themes),
    }


def fact_choices(fact: Fact, dynamic: dict[str, Choices] | None = None) -> Choices:
    """The allowed values of a choice fact (SBI: sections; divisions are valid in criteria too)."""
    if fact.dynamic_choices:
        if dynamic is None:
            dynamic = dynamic_choices_load()
        return dynamic.get(fact.dynamic_choices, ())
    if fact.type == FactType.BOOLEAN:
        return (("true", _("Yes")), ("false", _("No")))
    return fact.choices


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


def facts_used(criteria_facts: Iterable[str]) -> list[Fact]:
    """The facts in FACTS order that appear in `criteria_facts`."""
    used = set(criteria_facts)
    return [fact for key, fact in FACTS.items() if key in used]
