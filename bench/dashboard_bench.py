"""Benchmarks of the monitoring figures over 100,000 events (for bench/micro.py)."""

from schakelteam.demo.generate import events_generate
from schakelteam.monitoring.dashboard import deal_of, figures_build, kpi_list, regio_default
from schakelteam.monitoring.models import MonitoringEvent
from schakelteam.monitoring.opendata import open_statistics

BENCH_EVENTS = 100_000


def bench_dashboard() -> dict:
    """Build the dashboard figures and the open statistics over at least 100,000 events."""
    missing = BENCH_EVENTS - MonitoringEvent.objects.count()
    if missing > 0:
        events_generate(missing, seed=100)
    regio = regio_default()
    kpis = kpi_list(regio)
    deal = deal_of(kpis)
    last_quarter = deal.quarters()[-1]
    return {
        "monitoring events in the database": MonitoringEvent.objects.count(),
        "dashboard figures, whole deal": lambda: figures_build(deal, regio, kpis),
        "dashboard figures, one quarter": lambda: figures_build(last_quarter, regio, kpis),
        "open statistics (8 suppressed tables)": open_statistics,
    }


def bench_pages() -> list[tuple[str, str]]:
    return [
        ("open data", "/open-data/"),
        ("open data JSON", "/open-data/statistieken.json"),
        ("region figures", "/regio/"),
    ]
