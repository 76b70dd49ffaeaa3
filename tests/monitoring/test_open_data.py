"""Open statistics: public, CC-BY-4.0, stable CSV/JSON schema, and no cell under k in any output,
not even by subtracting published cells from a published total."""

import csv
import io
import json

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from schakelteam.events import EventKind
from schakelteam.monitoring.opendata import CSV_COLUMNS, Entry, open_statistics, suppress
from tests.monitoring.factories import MonitoringEventFactory, at
from tests.organisation.factories import GemeenteFactory, RegioFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _summer_2025(time_machine):
    time_machine.move_to("2025-08-01 10:00 +02:00", tick=False)


def _scans(gemeente, n, month, prefix, year=2025, **extra):
    for i in range(n):
        MonitoringEventFactory(
            kind=EventKind.SCAN_SUBMITTED,
            occurred_at=at(year, month, 10),
            gemeente=gemeente,
            kvk=f"{prefix}-{i}",
            theme_slugs=["financiering"] if i % 2 else ["financiering", "innovatie"],
            **extra,
        )


@pytest.fixture
def data(settings):
    settings.SCHAKELTEAM_OPEN_DATA_K = 5
    regio = RegioFactory()
    almere = GemeenteFactory(slug="almere", name="Almere", regio=regio)
    lelystad = GemeenteFactory(slug="lelystad", name="Lelystad", regio=regio)
    dronten = GemeenteFactory(slug="dronten", name="Dronten", regio=regio)
    _scans(almere, 7, 11, "a0", year=2024)
    _scans(almere, 12, 2, "a1")
    _scans(almere, 2, 5, "a2")
    _scans(lelystad, 6, 2, "l1", size_class="5-10")
    _scans(lelystad, 11, 5, "l2", size_class="5-10")
    _scans(dronten, 1, 2, "d1", sbi_section="A")
    # One company scanning eight times is still one company: its cell must be hidden.
    for _ in range(8):
        MonitoringEventFactory(
            kind=EventKind.CASE_OPENED, occurred_at=at(2025, 4, 2), gemeente=dronten, kvk="same"
        )
    MonitoringEventFactory(
        kind=EventKind.SCAN_SUBMITTED, occurred_at=at(2025, 8, 1), gemeente=almere, kvk="open-q"
    )
    return regio


def _check_table(table, k):
    """Every published number is 0 or >= k, and no line gives away a hidden cell or group under k."""
    grid = [row["values"] for row in table["rows"]]
    for row in grid:
        for v in row:
            assert v is None or v == 0 or v >= k, table["id"]
    lines = grid + [list(col) for col in zip(*grid, strict=True)]
    for line in lines:
        parts, total = line[:-1], line[-1]
        hidden = [i for i, v in enumerate(parts) if v is None]
        if total is not None and hidden:
            assert len(hidden) >= 2, (table["id"], line)
            assert total - sum(v for v in parts if v is not None) >= k, (table["id"], line)


def test_no_cell_under_k_in_any_table_even_by_differencing(data):
    stats = open_statistics()
    assert stats["k"] == 5
    assert stats["quarters"][-2:] == ["2025-Q1", "2025-Q2"]  # the running quarter is left out
    for table in stats["tables"]:
        _check_table(table, 5)
    by_gemeente = {r["key"]: r for r in stats["tables"][0]["rows"]}
    assert stats["tables"][0]["id"] == "scans-per-gemeente"
    almere = by_gemeente["Almere"]["display"]
    assert almere[-3] == 12  # 2025-Q1
    assert almere[-2] == "<5"  # 2025-Q2: two companies
    assert almere[-4] == "<5"  # 2024-Q4: hidden too, or 2025-Q2 = total - the rest
    assert almere[-1] == 21
    assert by_gemeente["Dronten"]["display"][-3] == "<5"


def test_one_company_with_many_events_stays_hidden(data):
    cases = next(t for t in open_statistics()["tables"] if t["id"] == "cases-per-gemeente")
    dronten = next(r for r in cases["rows"] if r["key"] == "Dronten")
    assert dronten["values"][-2] is None  # eight events, one company


def test_csv_is_public_long_format_with_a_stable_header(client, data):
    response = client.get("/open-data/statistieken.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert (
        rows[0]
        == ["table", "metric", "dimension", "key", "label", "quarter", "value"]
        == CSV_COLUMNS
    )
    values = [r[6] for r in rows[1:]]
    assert "<5" in values
    assert all(v == "<5" or int(v) == 0 or int(v) >= 5 for v in values)


def test_json_has_a_stable_schema_licence_and_no_small_cells(client, data):
    response = client.get("/open-data/statistieken.json")
    assert response.status_code == 200
    doc = json.loads(response.content)
    assert set(doc) == {
        "schema_version",
        "licence",
        "licence_url",
        "publisher",
        "k",
        "suppressed_marker",
        "quarters",
        "tables",
        "domain_scores",
    }
    assert doc["licence"] == "CC-BY-4.0" and doc["schema_version"] == "1.0"
    table = doc["tables"][0]
    assert set(table) == {"id", "title", "metric", "dimension", "columns", "rows"}
    assert set(table["rows"][0]) == {"key", "label", "values"}
    assert len(doc["tables"]) == 8
    for t in doc["tables"]:
        _check_table(t, doc["k"])


def test_the_html_page_is_public_and_explains_the_rule(client, data):
    response = client.get("/en/open-data/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "CC-BY-4.0" in html and "&lt;5" in html and "utrecht-table" in html


def test_query_count_does_not_grow_with_events(client, data, django_assert_max_num_queries):
    client.get("/open-data/")
    cache.clear()
    with django_assert_max_num_queries(25) as small:
        client.get("/open-data/statistieken.json")
    _scans(GemeenteFactory(slug="urk", name="Urk"), 40, 3, "u")
    cache.clear()
    with django_assert_max_num_queries(25) as large:
        client.get("/open-data/statistieken.json")
    assert len(large.captured_queries) == len(small.captured_queries)


def test_figures_are_cached_until_a_new_event_arrives(client, data, django_assert_max_num_queries):
    first = client.get("/open-data/statistieken.json").content
    with django_assert_max_num_queries(2):
        assert client.get("/open-data/statistieken.json").content == first
    _scans(GemeenteFactory(slug="urk", name="Urk"), 6, 3, "u")
    assert client.get("/open-data/statistieken.json").content != first


def test_regelingen_catalogue_is_served_as_json(client, data):
    response = client.get("/open-data/regelingen.json")
    assert response.status_code == 200
    doc = json.loads(response.content)
    assert doc["licence"] == "CC-BY-4.0" and isinstance(doc["regelingen"], list)


@hsettings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=15),
    st.lists(
        st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=5),
        min_size=1,
        max_size=6,
    ),
)
def test_suppression_never_leaves_a_recoverable_small_cell(k, matrix):
    width = min(len(r) for r in matrix)
    grid = [[Entry(v, v) for v in row[:width]] for row in matrix]
    for line in grid:
        line.append(Entry(sum(e.value for e in line), sum(e.units for e in line)))
    grid.append(
        [
            Entry(sum(g[c].value for g in grid), sum(g[c].units for g in grid))
            for c in range(width + 1)
        ]
    )
    suppress(grid, k)
    table = {
        "id": "x",
        "rows": [{"values": [None if e.suppressed else e.value for e in line]} for line in grid],
    }
    _check_table(table, k)
