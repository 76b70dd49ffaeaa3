"""Everything the result page shows, computed once here (templates only display)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kennisbank.eligibility import DeadlineState
from kennisbank.matching import regelingen_match
from kennisbank.selectors import regelingen_show_translated
from schakelteam.organisation.models import Theme
from schakelteam.organisation.selectors import partner_list

from .constants import BAND_LABELS, Direction, band_for
from .models import ScanResponse
from .scoring import DefinitionSnap, RuleSnap, compare_results
from .selectors import benchmark_for, definition_snapshot, scan_history
from .services import scan_company_facts

CHART_WIDTH = 640
CHART_LABEL = 230
CHART_BAR_AREA = 340
ROW_HEIGHT = 44
MAX_REGELINGEN = 6
MAX_PARTNERS = 5
CHANGE_THRESHOLD = 5


@dataclass
class DomainRow:
    slug: str
    title: str
    now: int | None
    future: int | None
    need: int | None
    band: str | None
    band_label: str
    advice: str = ""
    benchmark: float | None = None
    theme_id: int | None = None
    # chart geometry
    y: int = 0
    now_width: int = 0
    future_width: int = 0
    bench_x: int | None = None


@dataclass
class Chart:
    width: int
    height: int
    label_width: int
    bar_area: int
    rows: list[DomainRow]
    ticks: list[dict] = field(default_factory=list)


def _rows(snapshot: DefinitionSnap, result: dict, medians: dict) -> list[DomainRow]:
    rows = []
    by_slug = {d.slug: d for d in snapshot.domains}
    for i, slug in enumerate(result.get("order", [])):
        domain = by_slug.get(slug)
        scores = result["domains"][slug]
        band = band_for(scores["now"])
        scale = CHART_BAR_AREA / 100
        bench = medians.get(slug)
        rows.append(
            DomainRow(
                slug=slug,
                title=domain.title if domain else slug,
                now=scores["now"],
                future=scores["future"],
                need=scores["need"],
                band=band,
                band_label=str(BAND_LABELS[band]) if band else _("Not enough answers"),
                advice=domain.advice.get(band or "", "") if domain else "",
                benchmark=bench,
                theme_id=domain.theme_id if domain else None,
                y=20 + i * ROW_HEIGHT,
                now_width=round((scores["now"] or 0) * scale),
                future_width=round((scores["future"] or 0) * scale),
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


def regelingen_for(scan: ScanResponse, attention_themes: list[str]) -> dict:
    """Fitting and possibly fitting regelingen that are open now, attention themes first."""
    facts = scan_company_facts(scan)
    try:
        matched = regelingen_match(facts=facts)
    except Exception:  # noqa: BLE001 — the result must show even if the kennisbank misbehaves
        return {"fitting": [], "maybe": [], "error": True}
    closed = {DeadlineState.CLOSED, DeadlineState.NOT_YET_OPEN}

    def pick(items):
        items = [m for m in items if m.deadline.state not in closed]
        items.sort(key=lambda m: (not set(m.matched_themes) & set(attention_themes), -m.fit_score))
        return items[:MAX_REGELINGEN]

    fitting, maybe = pick(matched.fitting), pick(matched.maybe)[:3]
    regelingen_show_translated(m.regeling for m in (*fitting, *maybe))
    return {"fitting": fitting, "maybe": maybe, "error": False}


def result_build(scan: ScanResponse, *, with_matches: bool = True) -> dict:
    """The result page's data for a submitted scan."""
    snapshot = definition_snapshot(scan.definition_id)
    result = scan.result or {}
    benchmark = benchmark_for(scan)
    rows = _rows(snapshot, result, benchmark.get("medians", {}))
    by_slug = {r.slug: r for r in rows}
    attention = [by_slug[s] for s in result.get("attention", []) if s in by_slug]
    theme_ids = sorted({r.theme_id for r in attention if r.theme_id})
    rule = _direction_rule(snapshot, result)
    themes = {t.pk: t for t in Theme.objects.filter(pk__in=theme_ids)}
    context = {
        "scan": scan,
        "definition": snapshot,
        "result": result,
        "rows": rows,
        "chart": _chart(rows),
        "attention": attention,
        "attention_theme_names": [themes[i].localized.name for i in theme_ids if i in themes],
        "direction": result.get("direction"),
        "direction_label": Direction(result["direction"]).label
        if result.get("direction") in Direction.values
        else "",
        "direction_reason": rule.reason if rule else result.get("direction_reason", ""),
        "direction_description": rule.description if rule else "",
        "benchmark": benchmark,
        "comparison": comparison_build(scan, rows),
        "history": history_build(scan),
    }
    if with_matches:
        context["regelingen"] = regelingen_for(scan, result.get("attention_themes", []))
        context["partners"] = partners_match(theme_ids=theme_ids, gemeente=scan.gemeente)
    return context


def _direction_rule(snapshot: DefinitionSnap, result: dict) -> RuleSnap | None:
    """The rule that gave the direction, in the page's language (older results: by its words)."""
    key = result.get("direction_rule")
    for rule in snapshot.rules:
        if key and rule.key == key:
            return rule
        if not key and (rule.direction, rule.reason) == (
            result.get("direction"),
            result.get("direction_reason"),
        ):
            return rule
    return None


def comparison_build(scan: ScanResponse, rows: list[DomainRow]) -> dict | None:
    previous = scan.previous
    if previous is None or not previous.result or not scan.result:
        return None
    titles = {r.slug: r.title for r in rows}
    changes = compare_results(previous.result, scan.result)
    for change in changes:
        change["title"] = titles.get(change["slug"], change["slug"])
    improved = [c for c in changes if c["delta"] is not None and c["delta"] >= CHANGE_THRESHOLD]
    attention = [
        c
        for c in changes
        if (c["delta"] is not None and c["delta"] <= -CHANGE_THRESHOLD)
        or (c["new"] is not None and c["new"] < 40)
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
    return [
        {
            "scan": s,
            "current": s.pk == scan.pk,
            "kind": s.definition.get_kind_display(),
            "total_now": (s.result or {}).get("total_now"),
            "total_future": (s.result or {}).get("total_future"),
        }
        for s in scan_history(scan)
    ]
