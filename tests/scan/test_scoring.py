"""Scoring is a pure function of definition + answers: hand-computed domain scores, coverage,
conditional and empty questions, attention points, direction rules and the seed's worked example."""

import json
from pathlib import Path

import pytest

from scan.definition_io import snapshot_from_spec
from scan.scan_result import ScanResult
from scan.scoring import missing_required, round_half_up, score_response

SCALE = [
    ["1", "1", 1],
    ["2", "2", 2],
    ["3", "3", 3],
    ["4", "4", 4],
    ["5", "5", 5],
    ["nvt", "n.v.t.", None],
]
YES_NO_REVERSED = [["ja", "Ja", 1], ["nee", "Nee", 5]]  # a bottleneck is bad news


def _q(slug, horizon="nu", **kw):
    return {"slug": slug, "text": slug, "kind": "scale", "horizon": horizon, "options": SCALE, **kw}


SPEC = {
    "name": "test",
    "kind": "bedrijfsscan",
    "domains": [
        {
            "slug": "geld",
            "title": "Geld",
            "theme": "financiering",
            "questions": [
                _q("g1"),
                _q("g2", weight=3),
                _q("g-ambitie", "toekomst"),
            ],
        },
        {
            "slug": "mensen",
            "title": "Mensen",
            "theme": "menselijk-kapitaal",
            "size_classes": ["2-4", "5-10"],
            "questions": [_q("m1"), _q("m-ambitie", "toekomst")],
        },
        {
            "slug": "regels",
            "title": "Regels",
            "theme": "regeldruk",
            "questions": [
                {"slug": "knel", "text": "k", "kind": "yes_no", "options": YES_NO_REVERSED},
                _q("knel-ernst", condition=["knel", ["ja"]]),
                {
                    "slug": "knel-welke",
                    "text": "w",
                    "kind": "text",
                    "weight": 0,
                    "required": False,
                    "condition": ["knel", ["ja"]],
                },
                _q("r-ambitie", "toekomst"),
            ],
        },
    ],
    "rules": [
        {
            "direction": "stoppen",
            "condition": {"field": "answer.knel", "op": "==", "value": "stop"},
            "reason": "stop",
        },
        {
            "direction": "hervormen",
            "condition": {"field": "score.total_now", "op": "<=", "value": 20},
            "reason": "laag",
        },
        {
            "direction": "vernieuwen",
            "condition": {"field": "need_max", "domains": ["geld"], "op": ">=", "value": 25},
            "reason": "behoefte",
        },
        {"direction": "groeien", "condition": {}, "reason": "standaard"},
    ],
}
SNAP = snapshot_from_spec(SPEC)
SMALL = {"size_class": "2-4"}


def test_rounding_is_half_up():
    assert round_half_up(62.5) == 63
    assert round_half_up(37.5) == 38
    assert round_half_up(12.4) == 12


def test_weighted_mean_is_normalised_to_0_100():
    # g1=5 -> 100 (weight 1), g2=2 -> 25 (weight 3): (100 + 75) / 4 = 43.75 -> 44
    result = score_response(SNAP, {"g1": "5", "g2": "2", "g-ambitie": "4"}, SMALL)

    assert result["domains"]["geld"] == {"now": 44, "future": 75, "need": 31}


def test_not_applicable_does_not_count_and_under_half_coverage_gives_no_score():
    # g2 (weight 3 of 4) is n/a: only weight 1 answered -> below half -> no score
    result = score_response(SNAP, {"g1": "5", "g2": "nvt", "g-ambitie": "4"}, SMALL)
    assert result["domains"]["geld"]["now"] is None
    assert result["domains"]["geld"]["need"] is None

    # g1 n/a (weight 1 of 4): 3/4 answered -> score from g2 alone
    result = score_response(SNAP, {"g1": "nvt", "g2": "3"}, SMALL)
    assert result["domains"]["geld"]["now"] == 50


def test_empty_answers_give_no_scores_no_attention_and_the_default_direction():
    result = score_response(SNAP, {}, SMALL)

    assert all(d == {"now": None, "future": None, "need": None} for d in result["domains"].values())
    assert result["total_now"] is None
    assert result["attention"] == []
    assert result["direction"] == "groeien"


def test_a_skipped_conditional_question_does_not_lower_the_score():
    # knel = nee (5 -> 100); knel-ernst is hidden, so the domain is 100, not 50.
    answers = {"knel": "nee", "knel-ernst": "1", "r-ambitie": "3"}
    result = score_response(SNAP, answers, SMALL)
    assert result["domains"]["regels"]["now"] == 100

    # With knel = ja (1 -> 0) the follow-up counts: (0 + 0) / 2 = 0
    result = score_response(SNAP, {**answers, "knel": "ja"}, SMALL)
    assert result["domains"]["regels"]["now"] == 0


def test_a_domain_for_firms_with_staff_is_skipped_for_a_one_person_business():
    answers = {"m1": "1", "m-ambitie": "5"}

    assert score_response(SNAP, answers, SMALL)["domains"]["mensen"]["need"] == 100
    alone = score_response(SNAP, answers, {"size_class": "1"})
    assert alone["domains"]["mensen"]["now"] is None
    assert "mensen" not in alone["attention"]


def test_missing_required_lists_only_visible_questions():
    missing = [q.slug for _, q in missing_required(SNAP, {"knel": "nee"}, {"size_class": "1"})]

    assert missing == ["g1", "g2", "g-ambitie", "r-ambitie"]


def test_attention_points_rank_by_need_then_lowest_score():
    answers = {
        "g1": "3",
        "g2": "3",
        "g-ambitie": "5",  # now 50, future 100 -> need 50
        "m1": "1",
        "m-ambitie": "3",  # now 0, future 50 -> need 50, lower now
        "knel": "nee",
        "r-ambitie": "1",  # need 0: never an attention point
    }
    result = score_response(SNAP, answers, SMALL)

    assert result["attention"] == ["mensen", "geld"]
    assert result["attention_themes"] == ["financiering", "menselijk-kapitaal"]
    assert result["total_now"] == 50  # (50 + 0 + 100) / 3


@pytest.mark.parametrize(
    ("answers", "direction"),
    [
        ({"g1": "3", "g2": "3", "g-ambitie": "5", "knel": "nee"}, "vernieuwen"),  # need 50
        ({"g1": "5", "g2": "5", "g-ambitie": "5", "knel": "nee"}, "groeien"),  # need 0
        ({"g1": "3", "g2": "3", "g-ambitie": "5", "knel": "stop"}, "stoppen"),  # rule 1 first
    ],
)
def test_the_first_matching_direction_rule_wins(answers, direction):
    assert score_response(SNAP, answers, {"size_class": "1"})["direction"] == direction


def test_a_low_total_reshapes():
    result = score_response(SNAP, {"g1": "1", "g2": "1", "knel": "ja", "knel-ernst": "1"}, SMALL)

    assert result["total_now"] == 0
    assert (result["direction"], result["direction_reason"]) == ("hervormen", "laag")


def test_the_worked_example_of_the_seed_definition():
    data = json.loads(Path(__file__).with_name("seed_example.json").read_text(encoding="utf-8"))
    snap = snapshot_from_spec(data["spec"])
    example = data["example"]
    expected = example["verwachte_uitkomst"]

    result = score_response(
        snap, example["antwoorden"], {"size_class": example["profiel"]["grootteklasse"]}
    )

    for slug, scores in expected["domeinen"].items():
        assert (result["domains"][slug]["now"], result["domains"][slug]["future"]) == (
            scores["nu"],
            scores["toekomst"],
        ), slug
        assert result["domains"][slug]["need"] == expected["behoefte"][slug]
    assert result["total_now"] == expected["totaal"]["totaal_nu"]
    assert result["total_future"] == expected["totaal"]["totaal_toekomst"]
    assert result["attention"] == expected["aandachtspunten"]
    assert result["direction"] == expected["richting"]
    assert result["direction_reason"] == expected["reden"]


def test_a_later_result_gives_the_change_per_domain_scored_in_both():
    earlier = {"order": ["a", "b"], "domains": {"a": {"now": 40}, "b": {"now": None}}}
    later = {
        "order": ["a", "b", "c"],
        "domains": {"a": {"now": 55}, "b": {"now": 30}, "c": {"now": 1}},
    }

    changes = ScanResult.from_stored(later).changes_since(ScanResult.from_stored(earlier))

    assert [(c.slug, c.earlier, c.new, c.delta) for c in changes] == [
        ("a", 40, 55, 15),
        ("b", None, 30, None),
    ]
