"""A size-class range meets a condition when every value in it does, fails when none does, and is
unknown otherwise: checked against brute force over small numbers for every integer operator."""

from hypothesis import given
from hypothesis import strategies as st

from kennisbank.matching import Outcome, Rule, rule_evaluate

SMALL = st.integers(min_value=0, max_value=30)


def holds(operator, value, x):
    match operator:
        case "eq":
            return x == value
        case "ne":
            return x != value
        case "lt":
            return x < value
        case "lte":
            return x <= value
        case "gt":
            return x > value
        case "gte":
            return x >= value
        case "between":
            return value[0] <= x <= value[1]
        case "in":
            return x in value
        case "not_in":
            return x not in value


rules = st.one_of(
    st.tuples(st.sampled_from(["eq", "ne", "lt", "lte", "gt", "gte"]), SMALL),
    st.tuples(st.just("between"), st.lists(SMALL, min_size=2, max_size=2).map(sorted)),
    st.tuples(st.sampled_from(["in", "not_in"]), st.lists(SMALL, min_size=1, max_size=5)),
)


@given(rule=rules, low=SMALL, width=st.integers(min_value=0, max_value=10))
def test_a_range_outcome_agrees_with_checking_every_value(rule, low, width):
    operator, value = rule
    high = low + width
    results = {holds(operator, value, x) for x in range(low, high + 1)}
    expected = (
        Outcome.MET
        if results == {True}
        else Outcome.NOT_MET
        if results == {False}
        else Outcome.UNKNOWN
    )

    outcome = rule_evaluate(Rule("medewerkers", operator, value), {"medewerkers": (low, high)})

    assert outcome == expected


@given(rule=rules, low=SMALL)
def test_an_open_range_is_never_met_by_an_upper_bound(rule, low):
    operator, value = rule
    outcome = rule_evaluate(Rule("medewerkers", operator, value), {"medewerkers": (low, None)})

    if operator in {"eq", "lt", "lte", "between", "in"}:
        assert outcome != Outcome.MET
