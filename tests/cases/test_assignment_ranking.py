"""Suggested advisors: expertise ∩ themes, gemeente served, workload vs capacity, away — with reasons."""

import pytest
from django.utils import translation

from cases.assignment import AdvisorFacts, advisors_rank


@pytest.fixture(autouse=True)
def _english():
    """The reasons are translated; these tests read the English msgids."""
    with translation.override("en"):
        yield


def facts(name, themes=(), gemeenten=(), open_=0, capacity=10, away=False):
    return AdvisorFacts(
        advisor=name,
        theme_ids=frozenset(themes),
        gemeente_ids=frozenset(gemeenten),
        open_casussen=open_,
        capacity=capacity,
        is_away=away,
        theme_names={1: "Personeel", 2: "Financiering"},
    )


def test_expertise_outweighs_the_gemeente_and_the_reason_names_the_theme():
    ranked = advisors_rank(
        theme_ids=[1],
        gemeente_id=7,
        advisors=[facts("local", gemeenten=[7]), facts("expert", themes=[1])],
    )
    assert [s.advisor for s in ranked] == ["expert", "local"]
    assert "Personeel" in ranked[0].reasons[0]


def test_an_advisor_who_is_away_or_full_comes_last_and_says_why():
    ranked = advisors_rank(
        theme_ids=[1],
        gemeente_id=None,
        advisors=[
            facts("away", themes=[1], away=True),
            facts("full", themes=[1], open_=5, capacity=5),
            facts("free"),
        ],
    )
    assert ranked[0].advisor == "free"
    assert {s.advisor for s in ranked if not s.available} == {"away", "full"}
    assert any("Away" in r for r in next(s for s in ranked if s.advisor == "away").reasons)


def test_between_equals_the_lighter_workload_wins():
    ranked = advisors_rank(
        theme_ids=[],
        gemeente_id=None,
        advisors=[facts("busy", open_=8), facts("quiet", open_=1)],
    )
    assert ranked[0].advisor == "quiet"
    assert "1 of 10" in ranked[0].reasons[-1]


def test_zero_capacity_never_divides_by_zero():
    assert not advisors_rank(theme_ids=[], gemeente_id=None, advisors=[facts("x", capacity=0)])[
        0
    ].available
