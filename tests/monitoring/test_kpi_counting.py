"""Every KPI and figure, counted by hand on two quarters of events in three gemeenten."""

import pytest

from schakelteam.monitoring import kpis
from schakelteam.monitoring.models import KpiDefinition
from schakelteam.monitoring.periods import deal_period, period_parse
from schakelteam.organisation.models import Gemeente
from tests.monitoring.factories import monitoring_dataset

pytestmark = pytest.mark.django_db

DEAL = deal_period(None)


def _period(key):
    return period_parse(key, DEAL)


@pytest.fixture
def data():
    return monitoring_dataset()


def _results(period_key):
    rows = kpis.kpi_results(
        list(KpiDefinition.objects.all()), _period(period_key), list(Gemeente.objects.all())
    )
    return {r["slug"]: r for r in rows}


def test_meetings_are_counted_per_gemeente_against_two_each(data):
    r = _results("2025")["bijeenkomsten"]
    assert r["actual"] == 6
    assert r["target"] == 6  # two per gemeente, three gemeenten
    assert r["percent"] == 100.0
    assert {g["gemeente"]: g["actual"] for g in r["gemeenten"]} == {
        "Almere": 3,
        "Lelystad": 1,
        "Dronten": 2,
    }


def test_one_company_with_several_cases_counts_once_for_reach(data):
    assert _results("2025-Q1")["bereik"]["actual"] == 3  # k1 twice, k2, k3
    assert _results("2025-Q2")["bereik"]["actual"] == 2  # k1 again, k4
    assert _results("2025")["bereik"]["actual"] == 4  # k1..k4


def test_cases_count_every_case_and_quarter_targets_scale_with_the_period(data):
    assert _results("2025-Q1")["casussen"]["actual"] == 4
    assert _results("2025-Q2")["casussen"]["actual"] == 2
    year = _results("2025")["casussen"]
    assert year["actual"] == 6
    assert year["target"] == 12  # 3 a quarter
    assert year["percent"] == 50.0


def test_year_target_is_prorated_for_a_quarter(data):
    assert _results("2025-Q1")["bereik"]["target"] == 2.5


def test_share_of_small_firms_divides_by_the_regional_establishment_count(data):
    r = _results("2025")["aandeel-2-10"]
    assert r["count"] == 3  # k1, k2, k4 are 2-10; k3 is 11-50
    assert r["actual"] == 1.5  # 3 of 200
    assert r["unit"] == "%"
    assert r["percent"] == 7.5  # 1.5 of the 20% target
    assert {g["gemeente"]: g["actual"] for g in r["gemeenten"]} == {
        "Almere": 2.0,
        "Lelystad": 0.0,
        "Dronten": 2.0,
    }


def test_filters_on_origin_count_only_matching_events(data):
    assert _results("2025")["via-scan"]["actual"] == 1
    assert _results("2025-Q2")["via-scan"]["actual"] == 0


def test_trend_gives_each_quarter(data):
    trend = {
        t["slug"]: dict(t["points"])
        for t in kpis.kpi_trend(list(KpiDefinition.objects.all()), _period("2025"))
    }
    assert trend["casussen"] == {"2025-Q1": 4, "2025-Q2": 2, "2025-Q3": 0, "2025-Q4": 0}
    assert trend["bereik"]["2025-Q1"] == 3


def test_sla_is_the_share_of_first_contacts_within_the_sla(data):
    sla = kpis.sla_performance(_period("2025"))
    assert (sla["total"], sla["within"], sla["share"]) == (4, 3, 75.0)
    by_quarter = {q["quarter"]: q["share"] for q in sla["quarters"]}
    assert by_quarter["2025-Q1"] == 66.7
    assert by_quarter["2025-Q2"] == 100.0
    assert by_quarter["2025-Q3"] is None


def test_referral_funnel_per_partner_with_median_days(data):
    funnel = {f["partner"]: f for f in kpis.referral_funnel(_period("2025"))}
    ok = funnel["Ondernemersklankbord"]
    assert (ok["made"], ok["accepted"], ok["completed"], ok["declined"]) == (2, 2, 1, 0)
    assert ok["median_days_accepted"] == 3  # of 2 and 4
    assert ok["median_days_completed"] == 10
    uwv = funnel["UWV"]
    assert (uwv["made"], uwv["accepted"], uwv["declined"]) == (1, 0, 1)
    assert uwv["median_days_accepted"] is None


def test_satisfaction_average_and_distribution(data):
    s = kpis.satisfaction(_period("2025"))
    assert s["count"] == 3
    assert s["average"] == 3.67
    assert s["distribution"] == {"1": 0, "2": 1, "3": 0, "4": 1, "5": 1}
    assert kpis.satisfaction(_period("2025-Q2"))["average"] == 2.0


def test_breakdown_by_gemeente(data):
    rows = {r["key"]: r for r in kpis.breakdown(_period("2025"), "gemeente")}
    assert (rows["Almere"]["cases"], rows["Almere"]["scans"], rows["Almere"]["referrals"]) == (
        4,
        1,
        2,
    )
    assert rows["Almere"]["companies"] == 2
    assert (rows["Lelystad"]["cases"], rows["Lelystad"]["companies"]) == (1, 1)
    assert (rows["Dronten"]["cases"], rows["Dronten"]["scans"], rows["Dronten"]["companies"]) == (
        1,
        1,
        1,
    )


def test_breakdown_by_theme_unnests_the_theme_list(data):
    rows = {r["key"]: r for r in kpis.breakdown(_period("2025"), "theme")}
    assert rows["financiering"]["cases"] == 4
    assert rows["financiering"]["companies"] == 2
    assert rows["digitalisering"]["cases"] == 2
    assert rows["duurzaamheid"]["cases"] == 1
    q2 = {r["key"]: r["cases"] for r in kpis.breakdown(_period("2025-Q2"), "theme")}
    assert q2 == {"duurzaamheid": 1, "financiering": 1}


def test_breakdowns_by_origin_size_sector_and_partner(data):
    year = _period("2025")
    origin = {r["key"]: r["cases"] for r in kpis.breakdown(year, "origin")}
    assert origin == {"phone": 1, "scan": 1, "web": 4}
    size = {r["key"]: r["cases"] for r in kpis.breakdown(year, "size_class")}
    assert size["2-4"] == 4 and size["5-10"] == 1 and size["11-50"] == 1
    sector = {r["key"]: r["cases"] for r in kpis.breakdown(year, "sector")}
    assert sector["G"] == 4 and sector["F"] == 1 and sector["A"] == 1
    partner = {r["key"]: r["referrals"] for r in kpis.breakdown(year, "partner")}
    assert partner == {"Ondernemersklankbord": 2, "UWV": 1}


@pytest.mark.parametrize(
    "filters",
    [{"colour": "red"}, {"origin": 3}, ["origin"], {"size_class": ["2-4", None]}],
)
def test_kpi_filters_are_validated(filters):
    from django.core.exceptions import ValidationError

    from tests.monitoring.factories import KpiDefinitionFactory

    kpi = KpiDefinitionFactory.build(filters=filters)
    with pytest.raises(ValidationError):
        kpi.clean()
