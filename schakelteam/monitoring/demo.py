"""Demo monitoring: the deal's countable targets, demo regional figures and two years of events.

Runs last in `load_demo`. Every regional figure here is a DEMO value (is_demo=True, the source
says so): plausible orders of magnitude, not official statistics.
"""

import datetime
import json
import random
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from schakelteam.accounts.groups import role_permissions_sync
from schakelteam.events import EventKind, company_key_for
from schakelteam.organisation.constants import SbiSection
from schakelteam.organisation.models import Gemeente, Partner, Regio
from schakelteam.organisation.selectors import theme_list

from .models import KpiDefinition, MonitoringEvent, RegionalIndicator
from .periods import AMSTERDAM, quarter_of, today

DATA = Path(__file__).parent / "demo_data"
DEMO_SOURCE = "Demo-gegevens (geen officiële cijfers)"

# How the countable Flevoland targets of kpis.json are counted (slug -> definition).
KPI_COUNTING = {
    "flev-bijeenkomsten-per-gemeente": {
        "event_kind": EventKind.MEETING_HELD,
        "per_gemeente": True,
        "name": "Bijeenkomsten over het schakelteam per gemeente",
    },
    "flev-bijeenkomsten-totaal": {
        "event_kind": EventKind.MEETING_HELD,
        "name": "Bijeenkomsten over het schakelteam (totaal)",
    },
    "flev-klein-mkb-ondersteund-pct": {
        "event_kind": EventKind.CASE_OPENED,
        "distinct_companies": True,
        "filters": {"size_class": ["2-4", "5-10"]},
        "denominator_indicator": "vestigingen-2-10",
        "name": "Bereik klein mkb (2-10 werkzame personen)",
    },
    "flev-doel-bekendheid-regelingen": {
        "event_kind": EventKind.ADVICE_GIVEN,
        "name": "Adviezen met regelingen",
        "unit": "adviesgesprekken",
    },
}
# Operational figures without a target in the deal text.
OWN_KPIS = [
    (
        "bereikte-ondernemers",
        "Bereikte ondernemers",
        EventKind.CASE_OPENED,
        True,
        {},
        "ondernemers",
    ),
    (
        "ingevulde-bedrijfsscans",
        "Ingevulde bedrijfsscans",
        EventKind.SCAN_SUBMITTED,
        False,
        {},
        "scans",
    ),
    (
        "casussen-via-scan",
        "Casussen via de scan",
        EventKind.CASE_OPENED,
        False,
        {"origin": "scan"},
        "casussen",
    ),
    (
        "doorverwijzingen",
        "Doorverwijzingen naar partners",
        EventKind.REFERRAL_MADE,
        False,
        {},
        "doorverwijzingen",
    ),
]
# Demo establishment counts per gemeente (2-10 people) and other demo indicators.
DEMO_INDICATORS = {
    "vestigingen-2-10": (
        "Vestigingen met 2-10 werkzame personen",
        "vestigingen",
        {
            "almere": 4200,
            "lelystad": 1900,
            "dronten": 1150,
            "noordoostpolder": 1350,
            "zeewolde": 640,
            "urk": 720,
        },
    ),
    "banen": (
        "Banen (werkzame personen)",
        "banen",
        {
            "almere": 98000,
            "lelystad": 44000,
            "dronten": 21000,
            "noordoostpolder": 26000,
            "zeewolde": 11000,
            "urk": 12500,
        },
    ),
    "werkloosheid": (
        "Werkloosheid",
        "%",
        {
            "almere": 4.4,
            "lelystad": 4.6,
            "dronten": 2.9,
            "noordoostpolder": 3.1,
            "zeewolde": 2.8,
            "urk": 2.2,
        },
    ),
}


def demo_window() -> tuple[datetime.date, datetime.date]:
    """Two years up to today, starting on a quarter boundary."""
    end = today()
    return quarter_of(datetime.date(end.year - 2, end.month, 1)).end, end


@transaction.atomic
def load(stdout=None) -> None:
    regio = Regio.objects.filter(slug="flevoland").first()
    if regio is None:
        return
    role_permissions_sync()  # KPI definitions and regional figures in the Wagtail admin
    _indicators_load(regio)
    kpis = _kpis_load(regio)
    created = 0
    if not MonitoringEvent.objects.filter(company_key=company_key_for("demo-0")).exists():
        created = events_generate(6000, seed=2021)
    if stdout:
        stdout.write(f"monitoring: {kpis} KPI's, {created} demo events")


def _indicators_load(regio: Regio) -> None:
    gemeenten = {g.slug: g for g in Gemeente.objects.filter(regio=regio)}
    source_date = datetime.date(today().year, 1, 15)
    for slug, (label, unit, values) in DEMO_INDICATORS.items():
        for year_back, factor in ((2, Decimal("0.96")), (1, Decimal("0.98")), (0, Decimal("1"))):
            period = str(today().year - 1 - year_back)
            for gemeente_slug, value in values.items():
                if gemeente_slug not in gemeenten:
                    continue
                scaled = (Decimal(str(value)) * factor).quantize(
                    Decimal("0.1") if unit == "%" else Decimal("1")
                )
                RegionalIndicator.objects.update_or_create(
                    indicator=slug,
                    regio=regio,
                    gemeente=gemeenten[gemeente_slug],
                    period=period,
                    defaults={
                        "label": label,
                        "value": scaled,
                        "unit": unit,
                        "source": DEMO_SOURCE,
                        "source_date": source_date,
                        "is_demo": True,
                    },
                )


def _kpis_load(regio: Regio) -> int:
    seeds = {k["slug"]: k for k in json.loads((DATA / "kpis.json").read_text(encoding="utf-8"))}
    start, _end = demo_window()
    order = 0
    for slug, counting in KPI_COUNTING.items():
        seed = seeds.get(slug)
        if seed is None:
            continue
        order += 1
        target = (
            seed["waarde"]
            if isinstance(seed["waarde"], int | float) and not isinstance(seed["waarde"], bool)
            else None
        )
        description = (
            f"{seed['omschrijving']}. Bron: {seed['bron']}; periode in de bron {seed['periode']}. "
            "In de demo geteld over de laatste twee jaar."
        )
        KpiDefinition.objects.update_or_create(
            slug=slug,
            defaults={
                "name": counting["name"],
                "description": description,
                "regio": regio,
                "event_kind": counting["event_kind"],
                "filters": counting.get("filters", {}),
                "distinct_companies": counting.get("distinct_companies", False),
                "per_gemeente": counting.get("per_gemeente", False),
                "target": target,
                "period": "deal",
                "starts_on": start,
                "unit": counting.get("unit", seed["eenheid"])[:100],
                "denominator_indicator": counting.get("denominator_indicator", ""),
                "order": order,
            },
        )
    for slug, name, kind, distinct, filters, unit in OWN_KPIS:
        order += 1
        KpiDefinition.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "regio": regio,
                "event_kind": kind,
                "distinct_companies": distinct,
                "filters": filters,
                "period": "quarter",
                "starts_on": start,
                "unit": unit,
                "order": order,
            },
        )
    return order


def events_generate(
    n: int, *, seed: int = 7, start: datetime.date | None = None, end: datetime.date | None = None
) -> int:
    """Bulk-create about `n` plausible anonymous events (company journeys and meetings).

    Used by the demo and by `make bench` (e.g. `events_generate(100_000)`); returns the number made.
    """
    rng = random.Random(seed)  # noqa: S311  (demo data, not security)
    gemeenten = list(Gemeente.objects.select_related("regio"))
    if not gemeenten:
        return 0
    partners = list(Partner.objects.filter(is_active=True)) or [None]
    themes = [t.slug for t in theme_list()] or ["ondernemerschap"]
    default_start, default_end = demo_window()
    start, end = start or default_start, end or default_end
    span = max((end - start).days, 1)
    weights = [8 if g.slug == "almere" else 3 if g.slug == "lelystad" else 1 for g in gemeenten]
    sizes = ["1", "2-4", "2-4", "5-10", "5-10", "11-50", "51-250"]
    sectors = [s.value for s in SbiSection if s.value in "ACFGHIJMNQRS"]
    origins = ["web", "web", "phone", "question", "scan", "scan", "event"]
    batch: list[MonitoringEvent] = []
    made = 0

    def add(kind, when, g, **extra):
        nonlocal made
        if when > end:
            return
        moment = datetime.datetime.combine(
            when, datetime.time(9 + rng.randrange(8), rng.randrange(60)), AMSTERDAM
        )
        batch.append(
            MonitoringEvent(kind=kind, occurred_at=moment, regio=g.regio, gemeente=g, **extra)
        )
        made += 1
        if len(batch) >= 5000:
            MonitoringEvent.objects.bulk_create(batch)
            batch.clear()

    company = 0
    while made < n:
        day = start + datetime.timedelta(days=rng.randrange(span))
        g = rng.choices(gemeenten, weights)[0]
        if rng.random() < 0.03:
            add(EventKind.MEETING_HELD, day, g)
            for _ in range(rng.randrange(5, 25)):
                add(
                    EventKind.EVENT_ATTENDED,
                    day,
                    g,
                    company_key=company_key_for(f"demo-{rng.randrange(company + 1)}"),
                )
            continue
        facts = {
            "size_class": rng.choice(sizes),
            "sbi_section": rng.choice(sectors),
            "theme_slugs": sorted(rng.sample(themes, rng.randint(1, min(3, len(themes))))),
            "company_key": company_key_for(f"demo-{company}"),
        }
        company += 1
        add(EventKind.SCAN_STARTED, day, g, **facts)
        if rng.random() < 0.75:
            add(EventKind.SCAN_SUBMITTED, day, g, **facts)
        if rng.random() > 0.45:
            continue
        facts["origin"] = rng.choice(origins)
        add(EventKind.CASE_OPENED, day, g, **facts)
        later = day + datetime.timedelta(days=rng.randint(0, 4))
        add(
            EventKind.FIRST_CONTACT,
            later,
            g,
            outcome="within_sla" if rng.random() < 0.86 else "after_sla",
            **facts,
        )
        later += datetime.timedelta(days=rng.randint(2, 10))
        add(
            EventKind.APPOINTMENT_HELD,
            later,
            g,
            outcome=rng.choice(["phone", "video", "on_site"]),
            **facts,
        )
        add(EventKind.ADVICE_GIVEN, later, g, value=rng.randint(0, 4), **facts)
        if rng.random() < 0.5:
            partner = rng.choice(partners)
            add(EventKind.REFERRAL_MADE, later, g, partner=partner, **facts)
            if rng.random() < 0.82:
                days = rng.randint(1, 9)
                add(
                    EventKind.REFERRAL_ACCEPTED,
                    later + datetime.timedelta(days=days),
                    g,
                    partner=partner,
                    value=days,
                    **facts,
                )
                if rng.random() < 0.7:
                    days = rng.randint(10, 70)
                    add(
                        EventKind.REFERRAL_COMPLETED,
                        later + datetime.timedelta(days=days),
                        g,
                        partner=partner,
                        value=days,
                        outcome="helped",
                        **facts,
                    )
            else:
                add(
                    EventKind.REFERRAL_DECLINED,
                    later + datetime.timedelta(days=2),
                    g,
                    partner=partner,
                    value=2,
                    **facts,
                )
        closed = later + datetime.timedelta(days=rng.randint(5, 40))
        add(
            EventKind.CASE_CLOSED,
            closed,
            g,
            outcome=rng.choice(["geholpen", "regeling", "doorverwezen", "geen_behoefte"]),
            **facts,
        )
        if rng.random() < 0.45:
            score = rng.choices([1, 2, 3, 4, 5], [1, 2, 5, 12, 10])[0]
            add(
                EventKind.SATISFACTION_GIVEN,
                closed + datetime.timedelta(days=3),
                g,
                value=score,
                **facts,
            )
    if batch:
        MonitoringEvent.objects.bulk_create(batch)
    return made
