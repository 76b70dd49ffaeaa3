"""Peer benchmark: hidden under k, the correct median above it, only consented submitted scans of
the same size (and sector when enough). Vervolgscan: earlier vs new score per domain, history."""

import pytest
from django.urls import reverse

from scan import services
from scan.selectors import benchmark_for

from .factories import definition_published, small_spec, submitted_scan

pytestmark = pytest.mark.django_db


def _peers(definition, scores_g1: list[str], **kw):
    return [submitted_scan(definition, {"g1": v, "g2": v}, **kw) for v in scores_g1]


def test_the_benchmark_is_hidden_under_k(settings):
    settings.SCHAKELTEAM_BENCHMARK_K = 3
    definition = definition_published()
    _peers(definition, ["1", "5"])
    mine = submitted_scan(definition, {"g1": "3", "g2": "3"})

    assert benchmark_for(mine) == {"shown": False, "k": 3, "count": 2}


def test_the_benchmark_shows_the_median_of_consented_peers_of_the_same_size(settings):
    settings.SCHAKELTEAM_BENCHMARK_K = 3
    definition = definition_published()
    _peers(definition, ["1", "2", "5"], sbi_section="F")  # 0, 25, 100 -> median 25
    _peers(definition, ["5", "5"], consent=False)  # no consent: never counted
    _peers(definition, ["5", "5", "5"], size_class="1")  # other size: not comparable
    mine = submitted_scan(definition, {"g1": "3", "g2": "3"}, sbi_section="G")

    benchmark = benchmark_for(mine)

    assert benchmark["shown"] and benchmark["count"] == 3
    assert benchmark["by_sector"] is False
    assert benchmark["medians"]["geld"] == 25


def test_the_benchmark_narrows_to_the_sector_once_that_group_reaches_k(settings):
    settings.SCHAKELTEAM_BENCHMARK_K = 2
    definition = definition_published()
    _peers(definition, ["1", "1"], sbi_section="F")
    _peers(definition, ["5", "4"], sbi_section="G")  # 100, 75 -> 87.5
    mine = submitted_scan(definition, {"g1": "3", "g2": "3"}, sbi_section="G")

    benchmark = benchmark_for(mine)

    assert (benchmark["by_sector"], benchmark["count"], benchmark["medians"]["geld"]) == (
        True,
        2,
        87.5,
    )


def test_the_result_page_says_when_there_is_no_benchmark_yet(client, settings):
    settings.SCHAKELTEAM_BENCHMARK_K = 10
    scan = submitted_scan(definition_published(), {"g1": "3", "g2": "3"})
    token = services.scan_result_link_issue(scan=scan)

    content = client.get(reverse("scan:result", args=[token])).content.decode()

    assert "not yet the case" in content or "nog niet" in content
    assert "Comparable companies" not in content


def test_a_vervolgscan_result_shows_earlier_and_new_scores_with_the_change(client):
    base = definition_published()
    vervolg = definition_published(small_spec("Vervolg", "vervolgscan"))
    first = submitted_scan(base, {"g1": "2", "g2": "2", "m1": "4", "knel": "nee", "m-ambitie": "3"})
    second = submitted_scan(
        vervolg, {"g1": "4", "g2": "4", "m1": "2", "knel": "ja", "m-ambitie": "3"}, previous=first
    )
    token = services.scan_result_link_issue(scan=second)

    response = client.get(reverse("scan:result", args=[token]))

    comparison = response.context["comparison"]
    geld = next(c for c in comparison["changes"] if c.slug == "geld")
    mensen = next(c for c in comparison["changes"] if c.slug == "mensen")
    assert (geld.earlier, geld.new, geld.delta) == (25, 75, 50)
    assert (mensen.earlier, mensen.new, mensen.delta) == (88, 13, -75)
    assert [c.slug for c in comparison["improved"]] == ["geld"]
    assert [c.slug for c in comparison["attention"]] == ["mensen"]
    assert [h["scan"] for h in response.context["history"]] == [first, second]
    assert "+50" in response.content.decode()


def test_the_vervolgscan_flow_from_the_result_page(client):
    base = definition_published()
    definition_published(small_spec("Vervolg", "vervolgscan"))
    first = submitted_scan(base, {"g1": "2", "g2": "2", "m1": "4", "knel": "nee", "m-ambitie": "3"})
    token = services.scan_result_link_issue(scan=first)

    client.post(reverse("scan:vervolgscan_from_result", args=[token]))
    facts_page = client.get(reverse("scan:step", args=[1])).content.decode()
    client.post(reverse("scan:step", args=[1]), {"size_class": "5-10", "sbi_section": "G"})
    client.post(reverse("scan:step", args=[2]), {"q-g1": "5", "q-g2": "5", "q-g-ambitie": "5"})
    client.post(reverse("scan:step", args=[3]), {"q-m1": "4", "q-knel": "nee", "q-m-ambitie": "3"})
    result = client.post(reverse("scan:review"), follow=True)

    assert 'value="5-10"' in facts_page and "checked" in facts_page
    assert result.context["comparison"]["changes"][0].delta == 75
    assert len(result.context["history"]) == 2
