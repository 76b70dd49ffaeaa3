"""Evaluating criteria: every operator and fact type, ranges, knock-out vs fit, unknown → maybe."""

import datetime

import pytest
from django.utils.translation import override

from kennisbank.facts import CompanyFacts
from kennisbank.matching import (
    MatchStatus,
    Outcome,
    RegelingRules,
    Rule,
    regelingen_evaluate,
    rule_evaluate,
)

TODAY = datetime.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("operator", "value", "fact", "expected"),
    [
        ("eq", 5, 5, Outcome.MET),
        ("eq", 5, 6, Outcome.NOT_MET),
        ("ne", 5, 6, Outcome.MET),
        ("ne", 5, 5, Outcome.NOT_MET),
        ("lt", 10, 9, Outcome.MET),
        ("lt", 10, 10, Outcome.NOT_MET),
        ("lte", 10, 10, Outcome.MET),
        ("lte", 10, 11, Outcome.NOT_MET),
        ("gt", 10, 11, Outcome.MET),
        ("gt", 10, 10, Outcome.NOT_MET),
        ("gte", 10, 10, Outcome.MET),
        ("gte", 10, 9, Outcome.NOT_MET),
        ("between", [2, 10], 2, Outcome.MET),
        ("between", [2, 10], 10, Outcome.MET),
        ("between", [2, 10], 11, Outcome.NOT_MET),
        ("in", [1, 3], 3, Outcome.MET),
        ("in", [1, 3], 2, Outcome.NOT_MET),
        ("not_in", [1, 3], 2, Outcome.MET),
        ("not_in", [1, 3], 1, Outcome.NOT_MET),
    ],
)
def test_each_operator_on_an_integer_fact(operator, value, fact, expected):
    assert rule_evaluate(Rule("medewerkers", operator, value), {"medewerkers": fact}) == expected


@pytest.mark.parametrize(
    ("operator", "value", "size", "expected"),
    [
        ("lte", 10, (5, 10), Outcome.MET),
        ("lte", 10, (2, 4), Outcome.MET),
        ("lte", 10, (11, 50), Outcome.NOT_MET),
        ("lte", 8, (5, 10), Outcome.UNKNOWN),
        ("gte", 2, (251, None), Outcome.MET),
        ("lte", 250, (251, None), Outcome.NOT_MET),
        ("lte", 500, (251, None), Outcome.UNKNOWN),
        ("between", [2, 10], (2, 4), Outcome.MET),
        ("between", [3, 10], (2, 4), Outcome.UNKNOWN),
        ("eq", 1, (1, 1), Outcome.MET),
        ("ne", 3, (5, 10), Outcome.MET),
        ("ne", 7, (5, 10), Outcome.UNKNOWN),
        ("not_in", [1], (2, 4), Outcome.MET),
    ],
)
def test_a_size_class_range_is_met_only_when_the_whole_range_satisfies_it(
    operator, value, size, expected
):
    assert rule_evaluate(Rule("medewerkers", operator, value), {"medewerkers": size}) == expected


@pytest.mark.parametrize(
    ("rule", "facts", "expected"),
    [
        (Rule("rechtsvorm", "eq", "bv"), {"rechtsvorm": "bv"}, Outcome.MET),
        (Rule("rechtsvorm", "ne", "bv"), {"rechtsvorm": "bv"}, Outcome.NOT_MET),
        (Rule("rechtsvorm", "in", ["bv", "nv"]), {"rechtsvorm": "vof"}, Outcome.NOT_MET),
        (Rule("rechtsvorm", "not_in", ["stichting"]), {"rechtsvorm": "vof"}, Outcome.MET),
        (Rule("sector_sbi", "in", ["C", "F"]), {"sector_sbi": "F"}, Outcome.MET),
        (Rule("sector_sbi", "eq", "62"), {"sector_sbi": "J"}, Outcome.UNKNOWN),
        (Rule("sector_sbi", "eq", "62"), {"sector_sbi": "C"}, Outcome.NOT_MET),
        (Rule("sector_sbi", "eq", "J"), {"sector_sbi": "62"}, Outcome.MET),
        (Rule("sector_sbi", "not_in", ["A"]), {"sector_sbi": "C"}, Outcome.MET),
        (Rule("regio", "eq", "Flevoland"), {"regio": "Flevoland"}, Outcome.MET),
        (Rule("gemeente", "in", ["almere", "lelystad"]), {"gemeente": "urk"}, Outcome.NOT_MET),
        (Rule("fase", "eq", "starten"), {"fase": "starten"}, Outcome.MET),
        (Rule("omzet", "lte", 2_000_000), {"omzet": 750_000}, Outcome.MET),
        (Rule("balanstotaal", "lt", 1_000), {"balanstotaal": 5_000}, Outcome.NOT_MET),
        (Rule("bedrijfsleeftijd_jaren", "lte", 5), {"bedrijfsleeftijd_jaren": 3}, Outcome.MET),
        (Rule("thema_behoefte", "eq", "innovatie"), {"thema_behoefte": {"innovatie"}}, Outcome.MET),
        (
            Rule("thema_behoefte", "in", ["export"]),
            {"thema_behoefte": {"innovatie"}},
            Outcome.NOT_MET,
        ),
        (
            Rule("thema_behoefte", "not_in", ["export"]),
            {"thema_behoefte": {"innovatie"}},
            Outcome.MET,
        ),
        (
            Rule("thema_behoefte", "ne", "innovatie"),
            {"thema_behoefte": {"innovatie"}},
            Outcome.NOT_MET,
        ),
        (Rule("rechtsvorm", "eq", "bv"), {}, Outcome.UNKNOWN),
        (Rule("thema_behoefte", "eq", "export"), {"thema_behoefte": set()}, Outcome.UNKNOWN),
    ],
)
def test_choice_sector_place_phase_money_and_need_facts(rule, facts, expected):
    assert rule_evaluate(rule, facts) == expected


class Named:
    def __init__(self, title):
        self.title = title


def rules(title, *rules_, **kwargs):
    kwargs.setdefault("opens_on", datetime.date(2020, 1, 1))
    return RegelingRules(regeling=Named(title), rules=tuple(rules_), title=title, **kwargs)


def test_a_failed_knockout_rules_out_but_a_failed_fit_criterion_only_lowers_the_fit():
    knockout = rules("Ko", Rule("medewerkers", "lte", 10))
    fit_only = rules("Fit", Rule("medewerkers", "lte", 10, knockout=False))
    fit_met = rules("Fit met", Rule("rechtsvorm", "eq", "bv", knockout=False))

    with override("en"):
        result = regelingen_evaluate(
            [knockout, fit_only, fit_met],
            CompanyFacts(employees=40, legal_form="bv"),
            today=TODAY,
            include_not_fitting=True,
        )

    assert [m.regeling.title for m in result.fitting] == ["Fit met", "Fit"]
    assert [m.regeling.title for m in result.not_fitting] == ["Ko"]
    failed = result.not_fitting[0].failed[0]
    with override("en"):  # the condition text is built on access, in the active language
        assert failed.condition == "Employees ≤ 10"


def test_an_unknown_knockout_fact_gives_maybe_naming_the_deciding_question():
    item = rules("Onbekend", Rule("rechtsvorm", "in", ["bv", "nv"]), Rule("medewerkers", "lte", 8))

    with override("en"):
        result = regelingen_evaluate([item], CompanyFacts(employees=(5, 10)), today=TODAY)

    match = result.maybe[0]
    assert match.status == MatchStatus.MAYBE
    assert [f.key for f in match.deciding_questions] == ["rechtsvorm", "medewerkers"]
    with override("en"):  # the explanation is built on access, in the active language
        assert "What is the legal form of your company?" in match.criteria[0].explanation


def test_not_fitting_is_left_out_unless_asked_for():
    item = rules("Ko", Rule("medewerkers", "lte", 10))

    assert len(regelingen_evaluate([item], CompanyFacts(employees=40), today=TODAY)) == 0
    assert (
        len(
            regelingen_evaluate(
                [item], CompanyFacts(employees=40), today=TODAY, include_not_fitting=True
            )
        )
        == 1
    )


def test_the_editor_explanations_are_used_for_met_and_not_met():
    rule = Rule(
        "medewerkers", "lte", 10, explanation_met="Klein genoeg.", explanation_not_met="Te groot."
    )
    item = rules("Uitleg", rule)

    met = regelingen_evaluate([item], CompanyFacts(employees=3), today=TODAY).fitting[0]
    not_met = regelingen_evaluate(
        [item], CompanyFacts(employees=30), today=TODAY, include_not_fitting=True
    )

    assert met.criteria[0].explanation == "Klein genoeg."
    assert not_met.not_fitting[0].criteria[0].explanation == "Te groot."


def test_within_a_group_needs_then_open_now_then_nearest_level_sort_first():
    national = rules("Nationaal", level="nationaal")
    municipal = rules("Gemeentelijk", level="gemeentelijk")
    european_with_need = rules("Europees", level="europees", theme_slugs=frozenset({"export"}))
    later = rules("Later", level="gemeentelijk", opens_on=datetime.date(2027, 1, 1))

    result = regelingen_evaluate(
        [national, municipal, european_with_need, later],
        CompanyFacts(needed_themes=frozenset({"export"})),
        today=TODAY,
    )

    assert [m.regeling.title for m in result.fitting] == [
        "Europees",
        "Gemeentelijk",
        "Nationaal",
        "Later",
    ]
