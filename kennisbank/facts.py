"""The company facts that eligibility criteria, the regelingencheck questionnaire, the scan's
company facts and the evaluation all share. Defined once here so they cannot drift apart."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

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
# An integer fact: an exact number, or a range (low, high) whose high is None when open.
Number = int | tuple[int, int | None]


def _answers(fact_key: str, default: Any = None) -> Any:
    """A CompanyFacts field that answers the fact `fact_key`."""
    return field(default=default, metadata={"fact": fact_key})


@dataclass(frozen=True)
class CompanyFacts:
    """What the regelingencheck knows of one company; None or empty means "not known".

    Each field answers one fact of FACTS; criteria, links and the questionnaire use the fact keys,
    code uses the fields. The check's form and a scan (scan.selectors) build one."""

    employees: Number | None = _answers("medewerkers")
    turnover: Number | None = _answers("omzet")
    balance_total: Number | None = _answers("balanstotaal")
    age_years: Number | None = _answers("bedrijfsleeftijd_jaren")
    legal_form: str = _answers("rechtsvorm", "")
    sector: str = _answers("sector_sbi", "")
    province: str = _answers("regio", "")
    gemeente: str = _answers("gemeente", "")
    needed_themes: frozenset[str] = _answers("thema_behoefte", frozenset())
    phase: str = _answers("fase", "")

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> CompanyFacts:
        """From answers keyed like FACTS (the questionnaire, a link); other keys and empty values
        are left out, a range becomes a tuple and needs a set."""
        known = {}
        for name, key in FIELD_FACTS.items():
            value = values.get(key)
            if value is None or value in ("", [], (), set(), frozenset()):
                continue
            known[name] = _typed(FACTS[key], value)
        return cls(**known)

    def values(self) -> dict[str, Any]:
        """The known facts keyed like FACTS, in FACTS order (needs as a sorted tuple)."""
        found = {}
        for key in FACTS:
            value = getattr(self, FACT_FIELDS[key])
            if value is None or value in ("", frozenset()):
                continue
            found[key] = tuple(sorted(value)) if isinstance(value, frozenset) else value
        return found


def _typed(fact: Fact, value: Any) -> Any:
    if fact.type == FactType.MULTI_CHOICE:
        return frozenset([value] if isinstance(value, str) else value)
    if fact.type == FactType.INTEGER and isinstance(value, list):
        return tuple(value)
    return value


FIELD_FACTS: dict[str, str] = {f.name: f.metadata["fact"] for f in fields(CompanyFacts)}
FACT_FIELDS: dict[str, str] = {key: name for name, key in FIELD_FACTS.items()}


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


def facts_used(criteria_facts: Iterable[str]) -> list[Fact]:
    """The facts in FACTS order that appear in `criteria_facts`."""
    used = set(criteria_facts)
    return [fact for key, fact in FACTS.items() if key in used]
