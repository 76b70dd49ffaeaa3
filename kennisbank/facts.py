"""The company facts that eligibility criteria, the regelingencheck questionnaire, the scan's
company facts and the evaluation all share. Defined once here so they cannot drift apart."""

from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from schakelteam.constants import SbiSection


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

PHASES = (
    ("starten", _("Starting a business")),
    ("overnemen", _("Taking over a business")),
    ("groeien", _("Growing")),
    ("vernieuwen", _("Renewing")),
    ("stoppen", _("Stopping or handing over")),
)

FACTS: dict[str, Fact] = {
    f.key: f
    for f in [
        Fact(
            "medewerkers",
            _("Employees"),
            _("How many people work in your company?"),
            FactType.INTEGER,
            unit="fte",
        ),
        Fact(
            "omzet",
            _("Annual turnover"),
            _("What was your turnover last year?"),
            FactType.INTEGER,
            unit="EUR",
        ),
        Fact(
            "balanstotaal",
            _("Balance sheet total"),
            _("What is your balance sheet total?"),
            FactType.INTEGER,
            unit="EUR",
        ),
        Fact(
            "bedrijfsleeftijd_jaren",
            _("Company age"),
            _("How many years ago was your company founded?"),
            FactType.INTEGER,
            unit=_("years"),
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
