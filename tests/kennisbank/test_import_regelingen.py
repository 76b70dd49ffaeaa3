"""Importing regelingen: good, changed, duplicate and broken rows give the stated report, a bad
row never half-imports, and re-importing the same file changes nothing. Export round-trips."""

import json

import pytest
from django.core.management import call_command
from django.utils.translation import override
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kennisbank.importing import (
    regelingen_export_csv,
    regelingen_export_json,
    regelingen_import,
    rows_from_text,
)
from kennisbank.models import RegelingCriterion, RegelingPage
from tests.kennisbank.factories import RegelingIndexPageFactory
from tests.kennisbank.regelingencheck_factories import site_ready  # noqa: F401
from tests.organisation.factories import GemeenteFactory, ThemeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_ready")]


@pytest.fixture(autouse=True)
def index(site_ready):  # noqa: F811
    GemeenteFactory(slug="almere", name="Almere")
    ThemeFactory(slug="innovatie")
    return RegelingIndexPageFactory()


def row(external_id="innovatiekrediet", **changes):
    data = {
        "external_id": external_id,
        "title": f"Regeling {external_id}",
        "summary": "Geld voor vernieuwing.",
        "provider": "RVO",
        "level": "nationaal",
        "kind": "lening",
        "themes": ["innovatie"],
        "gemeenten": ["almere"],
        "opens_on": "2024-01-01",
        "max_amount": 100000,
        "criteria": [
            {"fact": "medewerkers", "operator": "lte", "value": 250, "explanation_met": "Mkb."},
            {"fact": "sector_sbi", "operator": "in", "value": ["C", "62"], "knockout": False},
        ],
    }
    data.update(changes)
    return data


def statuses(report):
    return [(r.external_id, r.status) for r in report.rows]


def test_a_mixed_file_gives_the_stated_report_and_a_consistent_database():
    regelingen_import([row("bestaand"), row("gelijk")])

    with override("en"):
        report = regelingen_import(
            [
                row("nieuw"),
                row("bestaand", title="Nieuwe titel"),
                row("gelijk"),
                row("nieuw", title="Dubbel"),
                row(
                    "kapot", criteria=[{"fact": "medewerkers", "operator": "lte", "value": "veel"}]
                ),
                row("Geen Slug"),
                row("onbekend-thema", themes=["ruimtevaart"]),
            ]
        )

    assert statuses(report) == [
        ("nieuw", "created"),
        ("bestaand", "updated"),
        ("gelijk", "unchanged"),
        ("nieuw", "refused"),
        ("kapot", "refused"),
        ("Geen Slug", "refused"),
        ("onbekend-thema", "refused"),
    ]
    reasons = {r.external_id: r.reason for r in report.rows if r.reason}
    assert "Duplicate" in reasons["nieuw"]
    assert "criterion 1" in reasons["kapot"] and "whole number" in reasons["kapot"]
    assert "ruimtevaart" in reasons["onbekend-thema"]
    assert set(RegelingPage.objects.values_list("external_id", flat=True)) == {
        "nieuw",
        "bestaand",
        "gelijk",
    }
    assert RegelingPage.objects.get(external_id="bestaand").title == "Nieuwe titel"
    assert not RegelingPage.objects.filter(external_id="kapot").exists()
    assert RegelingCriterion.objects.count() == 6


def test_reimporting_the_same_file_changes_nothing():
    rows = [row("een"), row("twee", closes_on="2030-01-01")]
    regelingen_import(rows)
    revisions = {p.external_id: p.latest_revision_id for p in RegelingPage.objects.all()}

    report = regelingen_import(rows)

    assert statuses(report) == [("een", "unchanged"), ("twee", "unchanged")]
    assert {p.external_id: p.latest_revision_id for p in RegelingPage.objects.all()} == revisions


def test_an_imported_regeling_is_live_with_criteria_themes_and_gemeenten():
    regelingen_import([row()])

    page = RegelingPage.objects.get(external_id="innovatiekrediet")
    assert page.live
    assert [t.slug for t in page.themes.all()] == ["innovatie"]
    assert [g.slug for g in page.gemeenten.all()] == ["almere"]
    assert [(c.fact, c.value) for c in page.criteria.order_by("sort_order")] == [
        ("medewerkers", 250),
        ("sector_sbi", ["C", "62"]),
    ]


def test_export_then_import_json_and_csv_round_trip_unchanged():
    regelingen_import([row("een"), row("twee", sectors=["C"], phases=["groeien"])])
    exported = regelingen_export_json()

    from_json = regelingen_import(rows_from_text(json.dumps(exported), fmt="json"))
    from_csv = regelingen_import(rows_from_text(regelingen_export_csv(exported), fmt="csv"))

    assert {r.status for r in from_json.rows} == {"unchanged"}
    assert {r.status for r in from_csv.rows} == {"unchanged"}
    assert exported[0]["criteria"][0] == {
        "fact": "medewerkers",
        "operator": "lte",
        "value": 250,
        "knockout": True,
        "explanation_met": "Mkb.",
        "explanation_not_met": "",
    }


def test_the_commands_import_a_file_and_export_it(tmp_path, capsys):
    source = tmp_path / "regelingen.json"
    source.write_text(json.dumps([row("een"), row("kapot", level="galactisch")]), encoding="utf-8")

    call_command("import_regelingen", str(source))
    out = capsys.readouterr().out
    target = tmp_path / "export.csv"
    call_command("export_regelingen", str(target))

    assert "een: created" in out
    assert "kapot: refused" in out and "galactisch" in out
    assert "1 created, 0 updated, 0 unchanged, 1 refused" in out
    assert "een" in target.read_text(encoding="utf-8")


def test_an_unreadable_file_is_a_clear_command_error(tmp_path):
    from django.core.management.base import CommandError

    source = tmp_path / "kapot.json"
    source.write_text("{niet json", encoding="utf-8")

    with override("en"), pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_regelingen", str(source))


junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
row_like = st.fixed_dictionaries(
    {"external_id": st.text(max_size=10), "title": junk, "summary": junk},
    optional=dict.fromkeys(
        ("level", "kind", "themes", "sectors", "opens_on", "size_min", "criteria"), junk
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(rows=st.lists(row_like | junk, max_size=4))
def test_junk_rows_are_refused_with_a_reason_never_an_exception(rows):
    report = regelingen_import(rows, dry_run=True)

    assert len(report.rows) == len(rows)
    for line in report.rows:
        assert line.status in {"created", "refused"}
        assert line.status != "refused" or line.reason
