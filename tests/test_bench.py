"""`make bench` finds its micro-benchmarks in bench/*_bench.py, and they run: the scan scoring
without a database, and the scan pages it adds to the load phase answer 200."""

import pytest

from bench import micro
from bench.scan_bench import bench_pages, bench_scoring
from tests.scan.factories import themes_ensure


def test_every_bench_module_is_found_and_helpers_with_arguments_are_skipped():
    names = {name.rsplit(".", 1)[1] for name, _func in micro.functions("bench_")}

    assert {"bench_regelingencheck", "bench_scoring", "bench_dashboard", "bench_pages"} <= names
    assert "bench_regelingen_build" not in names and "bench_answers" not in names


def test_the_bench_scores_the_default_definition_without_a_database():
    (score,) = bench_scoring().values()
    result = score()

    assert len(result["order"]) == 12
    assert result["direction"] in {"groeien", "versnellen", "vernieuwen", "hervormen", "stoppen"}


@pytest.mark.django_db
def test_the_bench_pages_answer_200_with_their_headers(client):
    themes_ensure()
    pages = bench_pages()

    for name, path, *headers in pages:
        response = client.get(path, headers=headers[0] if headers else None)
        assert response.status_code == 200, name
    assert any(len(page) == 3 for page in pages)  # the step needs its session cookie
