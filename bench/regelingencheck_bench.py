"""Micro-benchmarks for `make bench` (see bench/micro.py): the regelingencheck evaluation."""

import datetime
import random
from dataclasses import dataclass

from kennisbank.constants import RegelingLevel
from kennisbank.eligibility import RegelingRules, Rule, regelingen_evaluate
from kennisbank.facts import SECTION_DIVISIONS, CompanyFacts


@dataclass(frozen=True)
class BenchRegeling:
    title: str


def bench_regelingen_build(
    n_regelingen: int, criteria_each: int = 5, seed: int = 6
) -> list[RegelingRules]:
    """`n_regelingen` in-memory regelingen with `criteria_each` criteria (no database)."""
    rng = random.Random(seed)
    sections = sorted(SECTION_DIVISIONS)
    templates = [
        lambda: Rule("medewerkers", rng.choice(["lte", "gte", "between"]), None),
        lambda: Rule("omzet", "lte", rng.randrange(100_000, 50_000_000)),
        lambda: Rule("sector_sbi", "in", rng.sample(sections, 3)),
        lambda: Rule("rechtsvorm", "not_in", ["stichting", "vereniging"], knockout=False),
        lambda: Rule("bedrijfsleeftijd_jaren", "gte", rng.randrange(0, 10)),
        lambda: Rule("thema_behoefte", "in", ["innovatie", "export"], knockout=False),
        lambda: Rule("fase", "eq", rng.choice(["starten", "groeien", "stoppen"])),
    ]
    items = []
    levels = RegelingLevel.values
    for i in range(n_regelingen):
        rules = []
        for t in range(criteria_each):
            rule = templates[(i + t) % len(templates)]()
            if rule.fact == "medewerkers":
                value = {"lte": 50, "gte": 2, "between": [2, 250]}[rule.operator]
                rule = Rule("medewerkers", rule.operator, value)
            rules.append(rule)
        items.append(
            RegelingRules(
                regeling=BenchRegeling(f"Regeling {i}"),
                rules=tuple(rules),
                theme_slugs=frozenset(
                    rng.sample(["innovatie", "export", "financiering", "personeel"], 2)
                ),
                level=levels[i % len(levels)],
                opens_on=datetime.date(2024, 1, 1),
                closes_on=None if i % 3 else datetime.date(2030, 1, 1),
                title=f"Regeling {i}",
            )
        )
    return items


BENCH_FACTS = CompanyFacts(
    employees=(5, 10),
    turnover=750_000,
    sector="C",
    legal_form="bv",
    needed_themes=frozenset({"innovatie"}),
    gemeente="almere",
    province="Flevoland",
)


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
