"""Factories for anonymous monitoring events, KPI definitions and regional indicators."""

import datetime
from zoneinfo import ZoneInfo

import factory

from schakelteam.events import EventKind, company_key_for
from schakelteam.monitoring.models import KpiDefinition, MonitoringEvent, RegionalIndicator
from tests.organisation.factories import GemeenteFactory, RegioFactory

AMS = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=AMS)


class MonitoringEventFactory(factory.django.DjangoModelFactory):
    """An event; give `kvk="12345678"` to set the company key the way the services do."""

    class Meta:
        model = MonitoringEvent

    class Params:
        kvk = ""

    kind = EventKind.CASE_OPENED
    occurred_at = factory.LazyFunction(lambda: at(2025, 2, 3))
    gemeente = factory.SubFactory(GemeenteFactory)
    regio = factory.LazyAttribute(lambda o: o.gemeente.regio if o.gemeente else None)
    size_class = "2-4"
    sbi_section = "G"
    theme_slugs = factory.LazyFunction(list)
    origin = ""
    outcome = ""
    company_key = factory.LazyAttribute(lambda o: company_key_for(o.kvk))


class KpiDefinitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KpiDefinition
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"kpi-{n}")
    name = factory.LazyAttribute(lambda o: o.slug)
    regio = factory.SubFactory(RegioFactory)
    event_kind = EventKind.CASE_OPENED


class RegionalIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionalIndicator

    indicator = "vestigingen-2-10"
    gemeente = factory.SubFactory(GemeenteFactory)
    regio = factory.LazyAttribute(lambda o: o.gemeente.regio if o.gemeente else RegioFactory())
    period = "2024"
    value = 100
    unit = "vestigingen"
    source = "Testbron"
    source_date = datetime.date(2024, 6, 1)


def monitoring_dataset() -> dict:
    """Two quarters of 2025, three gemeenten; the expected figures are worked out by hand in tests."""
    from tests.organisation.factories import PartnerFactory

    regio = RegioFactory()
    almere = GemeenteFactory(slug="almere", name="Almere", regio=regio)
    lelystad = GemeenteFactory(slug="lelystad", name="Lelystad", regio=regio)
    dronten = GemeenteFactory(slug="dronten", name="Dronten", regio=regio)
    p1 = PartnerFactory(name="Ondernemersklankbord", regio=regio)
    p2 = PartnerFactory(name="UWV", regio=regio)
    ev = MonitoringEventFactory
    q1, q2 = at(2025, 2, 3), at(2025, 5, 6)
    case = {"kind": EventKind.CASE_OPENED}
    # Quarter 1: k1 opens two cases, k2 one, k3 one (from a scan).
    ev(
        **case,
        occurred_at=q1,
        gemeente=almere,
        kvk="k1",
        origin="web",
        size_class="2-4",
        sbi_section="G",
        theme_slugs=["financiering"],
    )
    ev(
        **case,
        occurred_at=q1,
        gemeente=almere,
        kvk="k1",
        origin="web",
        size_class="2-4",
        sbi_section="G",
        theme_slugs=["financiering"],
    )
    ev(
        **case,
        occurred_at=q1,
        gemeente=almere,
        kvk="k2",
        origin="phone",
        size_class="5-10",
        sbi_section="F",
        theme_slugs=["digitalisering", "financiering"],
    )
    ev(
        **case,
        occurred_at=q1,
        gemeente=lelystad,
        kvk="k3",
        origin="scan",
        size_class="11-50",
        sbi_section="G",
        theme_slugs=["digitalisering"],
    )
    ev(kind=EventKind.SCAN_SUBMITTED, occurred_at=q1, gemeente=almere, kvk="k1")
    ev(kind=EventKind.SCAN_SUBMITTED, occurred_at=q1, gemeente=dronten)
    for g in (almere, almere, lelystad):
        ev(kind=EventKind.MEETING_HELD, occurred_at=q1, gemeente=g, size_class="", sbi_section="")
    ev(
        kind=EventKind.FIRST_CONTACT,
        occurred_at=q1,
        gemeente=almere,
        kvk="k1",
        outcome="within_sla",
    )
    ev(kind=EventKind.FIRST_CONTACT, occurred_at=q1, gemeente=almere, kvk="k2", outcome="after_sla")
    ev(
        kind=EventKind.FIRST_CONTACT,
        occurred_at=q1,
        gemeente=lelystad,
        kvk="k3",
        outcome="within_sla",
    )
    ev(kind=EventKind.REFERRAL_MADE, occurred_at=q1, gemeente=almere, kvk="k1", partner=p1)
    ev(kind=EventKind.REFERRAL_MADE, occurred_at=q1, gemeente=almere, kvk="k2", partner=p1)
    ev(kind=EventKind.REFERRAL_MADE, occurred_at=q1, gemeente=lelystad, kvk="k3", partner=p2)
    ev(
        kind=EventKind.REFERRAL_ACCEPTED,
        occurred_at=q1,
        gemeente=almere,
        kvk="k1",
        partner=p1,
        value=2,
    )
    ev(
        kind=EventKind.REFERRAL_ACCEPTED,
        occurred_at=q1,
        gemeente=almere,
        kvk="k2",
        partner=p1,
        value=4,
    )
    ev(
        kind=EventKind.REFERRAL_DECLINED,
        occurred_at=q1,
        gemeente=lelystad,
        kvk="k3",
        partner=p2,
        value=1,
    )
    ev(
        kind=EventKind.REFERRAL_COMPLETED,
        occurred_at=q1,
        gemeente=almere,
        kvk="k1",
        partner=p1,
        value=10,
    )
    ev(kind=EventKind.SATISFACTION_GIVEN, occurred_at=q1, gemeente=almere, kvk="k1", value=4)
    ev(kind=EventKind.SATISFACTION_GIVEN, occurred_at=q1, gemeente=almere, kvk="k2", value=5)
    # Quarter 2: k1 opens a third case, k4 is new in Dronten.
    ev(
        **case,
        occurred_at=q2,
        gemeente=almere,
        kvk="k1",
        origin="web",
        size_class="2-4",
        sbi_section="G",
        theme_slugs=["financiering"],
    )
    ev(
        **case,
        occurred_at=q2,
        gemeente=dronten,
        kvk="k4",
        origin="web",
        size_class="2-4",
        sbi_section="A",
        theme_slugs=["duurzaamheid"],
    )
    for g in (dronten, dronten, almere):
        ev(kind=EventKind.MEETING_HELD, occurred_at=q2, gemeente=g, size_class="", sbi_section="")
    ev(
        kind=EventKind.FIRST_CONTACT,
        occurred_at=q2,
        gemeente=dronten,
        kvk="k4",
        outcome="within_sla",
    )
    ev(kind=EventKind.SATISFACTION_GIVEN, occurred_at=q2, gemeente=dronten, kvk="k4", value=2)
    for g, n in ((almere, 100), (lelystad, 50), (dronten, 50)):
        RegionalIndicatorFactory(gemeente=g, value=n)
    kpis = {
        "meetings": KpiDefinitionFactory(
            slug="bijeenkomsten",
            regio=regio,
            event_kind=EventKind.MEETING_HELD,
            per_gemeente=True,
            target=2,
        ),
        "reach": KpiDefinitionFactory(
            slug="bereik", regio=regio, distinct_companies=True, target=10, period="year"
        ),
        "cases": KpiDefinitionFactory(slug="casussen", regio=regio, target=3, period="quarter"),
        "share": KpiDefinitionFactory(
            slug="aandeel-2-10",
            regio=regio,
            distinct_companies=True,
            filters={"size_class": ["2-4", "5-10"]},
            denominator_indicator="vestigingen-2-10",
            target=20,
        ),
        "from_scan": KpiDefinitionFactory(slug="via-scan", regio=regio, filters={"origin": "scan"}),
    }
    return {
        "regio": regio,
        "gemeenten": [almere, lelystad, dronten],
        "partners": [p1, p2],
        "kpis": kpis,
    }
