"""Everything the result page shows, computed once here (templates only display)."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kennisbank.eligibility import DeadlineState
from kennisbank.facts import CompanyFacts
from kennisbank.matching import regelingen_match
from kennisbank.selectors import regelingen_show_translated
from schakelteam.organisation.selectors import partner_list

from .models import ScanResponse
from .scan_result import DomainScore, ScanResult
from .selectors import benchmark_for, scan_company_facts, scan_history, scan_result

CHART_WIDTH = 640
CHART_LABEL = 230
CHART_BAR_AREA = 340
ROW_HEIGHT = 44
MAX_REGELINGEN = 6
MAX_PARTNERS = 5
CHANGE_THRESHOLD = 5


@dataclass(frozen=True)
class DomainRow:
    """A scored domain on the result page, with the benchmark and the chart's geometry."""

    score: DomainScore
    benchmark: float | None
    y: int
    now_width: int
    future_width: int
    bench_x: int | None


@dataclass
class Chart:
    width: int
    height: int
    label_width: int
    bar_area: int
    rows: list[DomainRow]
    ticks: list[dict] = field(default_factory=list)


def _rows(result: ScanResult, medians: dict) -> list[DomainRow]:
    scale = CHART_BAR_AREA / 100
    rows = []
    for i, domain in enumerate(result.domains):
        bench = medians.get(domain.slug)
        rows.append(
            DomainRow(
                score=domain,
                benchmark=bench,
                y=20 + i * ROW_HEIGHT,
                now_width=round((domain.now or 0) * scale),
                future_width=round((domain.future or 0) * scale),
                bench_x=CHART_LABEL + round(bench * scale) if bench is not None else None,
            )
        )
    return rows


def _chart(rows: list[DomainRow]) -> Chart:
    ticks = [
        {"x": CHART_LABEL + round(v * CHART_BAR_AREA / 100), "label": v}
        for v in (0, 25, 50, 75, 100)
    ]
    return Chart(
        width=CHART_WIDTH,
        height=40 + len(rows) * ROW_HEIGHT,
        label_width=CHART_LABEL,
        bar_area=CHART_BAR_AREA,
        rows=rows,
        ticks=ticks,
    )


def partners_match(*, theme_ids: list[int], gemeente) -> list[dict]:
    """Active partners with expertise in the attention themes; local ones first, with why."""
    if not theme_ids:
        return []
    partners = partner_list().filter(themes__in=theme_ids).prefetch_related("themes").distinct()
    matches = []
    for partner in partners:
        if partner.gemeente_id and gemeente is not None and partner.gemeente_id != gemeente.pk:
            continue
        shared = [t for t in partner.themes.all() if t.pk in theme_ids]
        where = (
            _("based in %(gemeente)s") % {"gemeente": gemeente.name}
            if gemeente is not None and partner.gemeente_id == gemeente.pk
            else _("works across the region")
        )
        matches.append(
            {
                "partner": partner,
                "local": partner.gemeente_id is not None,
                "themes": [t.name for t in shared],
                "reason": _("Expertise in %(themes)s; %(where)s.")
                % {"themes": ", ".join(t.name for t in shared), "where": where},
                "score": len(shared),
            }
        )
    matches.sort(key=lambda m: (-m["local"], -m["score"], m["partner"].order, m["partner"].name))
    return matches[:MAX_PARTNERS]


def regelingen_for(facts: CompanyFacts, attention_themes: Iterable[str]) -> dict:
    """Fitting and possibly fitting regelingen that are open now, attention themes first."""
    try:
        matched = regelingen_match(facts=facts)
    except Exception:  # noqa: BLE001 — the result must show even if the kennisbank misbehaves
        return {"fitting": [], "maybe": [], "error": True}
    closed = {DeadlineState.CLOSED, DeadlineState.NOT_YET_OPEN}
    attention = set(attention_themes)

    def pick(items):
        items = [m for m in items if m.deadline.state not in closed]
        items.sort(key=lambda m: (not set(m.matched_themes) & attention, -m.fit_score))
        return items[:MAX_REGELINGEN]

    fitting, maybe = pick(matched.fitting), pick(matched.maybe)[:3]
    regelingen_show_translated(m.regeling for m in (*fitting, *maybe))
    return {"fitting": fitting, "maybe": maybe, "error": False}


def result_build(scan: ScanResponse) -> dict:
    """The result page's data for a submitted scan."""
    result = scan_result(scan)
    benchmark = benchmark_for(scan)
    rows = _rows(result, benchmark.get("medians", {}))
    theme_ids = sorted({d.theme_id for d in result.attention if d.theme_id})
    return {
        "scan": scan,
        "result": result,
        "rows": rows,
        "chart": _chart(rows),
        "benchmark": benchmark,
        "comparison": comparison_build(scan, result),
        "history": history_build(scan),
        "regelingen": regelingen_for(scan_company_facts(scan), result.attention_themes),
        "partners": partners_match(theme_ids=theme_ids, gemeente=scan.gemeente),
    }


def comparison_build(scan: ScanResponse, result: ScanResult) -> dict | None:
    previous = scan.previous
    if previous is None or not previous.result or not scan.result:
        return None
    changes = result.changes_since(ScanResult.from_stored(previous.result))
    improved = [c for c in changes if c.delta is not None and c.delta >= CHANGE_THRESHOLD]
    attention = [
        c
        for c in changes
        if (c.delta is not None and c.delta <= -CHANGE_THRESHOLD)
        or (c.new is not None and c.new < 40)
    ]
    return {
        "previous": previous,
        "changes": changes,
        "improved": improved,
        "attention": attention,
    }


def history_build(scan: ScanResponse) -> list[dict]:
    if scan.previous_id is None and not scan.followups.exists():
        return []
    history = []
    for earlier in scan_history(scan):
        result = ScanResult.from_stored(earlier.result)
        history.append(
            {
                "scan": earlier,
                "current": earlier.pk == scan.pk,
                "kind": earlier.definition.get_kind_display(),
                "total_now": result.total_now,
                "total_future": result.total_future,
            }
        )
    return history
