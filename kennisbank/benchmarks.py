"""Micro-benchmarks for `make bench` (see bench/micro.py): the regelingencheck evaluation."""

import datetime

from kennisbank.eligibility import regelingen_evaluate
from kennisbank.matching import BENCH_FACTS, bench_regelingen_build


def bench_regelingencheck() -> dict:
    """One evaluation of 60, 600 and 6,000 in-memory regelingen with 5 criteria each (no database)."""
    today = datetime.date(2026, 6, 1)
    timings = {}
    for n in (60, 600, 6000):
        items = bench_regelingen_build(n)

        def evaluate(items=items):
            return regelingen_evaluate(
                items, BENCH_FACTS, today=today, include_not_fitting=True, labels={}
            )

        timings[f"regelingencheck: evaluate {n:,} regelingen × 5 criteria"] = evaluate
    return timings


def bench_pages() -> list[tuple[str, str]]:
    return [
        ("regelingencheck questionnaire", "/regelingencheck/"),
        (
            "regelingencheck result",
            "/regelingencheck/?medewerkers=5-10&sector_sbi=C&gemeente=almere"
            "&thema_behoefte=innovatie&past_niet=on",
        ),
    ]
