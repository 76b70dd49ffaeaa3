"""Open statistics: anonymous counts per quarter with small-cell suppression (documented rule).

Suppression rule (k = SCHAKELTEAM_OPEN_DATA_K):
1. Primary: a cell (or total) that counts 1 to k-1 companies is shown as "<k". Zero is shown as 0.
   Companies are distinct company keys; an event without a key (an anonymous scan) counts as one.
2. Secondary: in every row and column, the total minus the published cells must not reveal a
   suppressed cell or a group of suppressed cells under k. So a line with exactly one suppressed
   cell, or whose suppressed cells add up to fewer than k companies, gets its smallest other non-zero cell
   suppressed too (when none is left, its total). This repeats until nothing changes.
Totals are the sums of the cells (so a case with two themes counts in both theme rows).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, IntegerField, Max, Q, QuerySet, Value, When
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from scan.selectors import research_domain_averages
from schakelteam.events import EventKind
from schakelteam.organisation.selectors import theme_list

from .dashboard import deal_of, kpi_list, regio_default
from .kpis import HAS_COMPANY, _label
from .models import MonitoringEvent
from .periods import Period, quarter_of, today

METRICS = {"scans": EventKind.SCAN_SUBMITTED, "cases": EventKind.CASE_OPENED}
DIMENSIONS = {
    "gemeente": "gemeente__name",
    "theme": None,
    "size_class": "size_class",
    "sector": "sbi_section",
}
METRIC_LABELS = {"scans": _lazy("Scans submitted"), "cases": _lazy("Requests for help")}
DIMENSION_LABELS = {
    "gemeente": _lazy("municipality"),
    "theme": _lazy("theme"),
    "size_class": _lazy("size class"),
    "sector": _lazy("sector"),
}
SCHEMA_VERSION = "1.0"
LICENCE = "CC-BY-4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
TOTAL = "totaal"


def k_value() -> int:
    return max(1, int(settings.SCHAKELTEAM_OPEN_DATA_K))


@dataclass
class Entry:
    value: int
    units: int
    suppressed: bool = False


def _cells(
    qs: QuerySet, field: str | None, quarters: list[Period]
) -> list[tuple[str, str, int, int]]:
    """(key, quarter, events, companies) per key and quarter: one query.

    The quarter is a CASE over plain range comparisons (a Trunc would call a function per row).
    """
    qs = qs.annotate(
        qi=Case(
            *[
                When(occurred_at__gte=q.start_at, occurred_at__lt=q.end_at, then=Value(i))
                for i, q in enumerate(quarters)
            ],
            output_field=IntegerField(),
        )
    )
    if field is None:
        rows = _theme_cells(qs)
    else:
        rows = (
            qs.exclude(**{f"{field}__isnull": True})
            .exclude(**{field: ""})
            .values_list(field, "qi")
            .annotate(
                n=Count("id"),
                keyed=Count("company_key", distinct=True, filter=HAS_COMPANY),
                anon=Count("id", filter=Q(company_key="")),
            )
        )
        rows = [(key, qi, n, keyed + anon) for key, qi, n, keyed, anon in rows]
    return [(key, quarters[qi].key, n, units) for key, qi, n, units in rows if qi is not None]


def _theme_cells(qs: QuerySet) -> list[tuple]:
    sql, params = qs.values("qi", "company_key", "theme_slugs").query.sql_with_params()
    if connection.vendor == "postgresql":
        unnest = "CROSS JOIN LATERAL jsonb_array_elements_text(s.theme_slugs) AS j(value)"
    else:
        unnest = ", json_each(s.theme_slugs) AS j"
    query = (
        "SELECT j.value, s.qi, COUNT(*), "  # noqa: S608  (fixed SQL around Django's own query)
        "COUNT(DISTINCT CASE WHEN s.company_key <> '' THEN s.company_key END) "
        "+ SUM(CASE WHEN s.company_key = '' THEN 1 ELSE 0 END) "
        f"FROM ({sql}) s {unnest} GROUP BY j.value, s.qi"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def suppress(grid: list[list[Entry]], k: int) -> None:
    """Mark suppressed entries in place; the last row and column of `grid` are the totals."""
    rows, cols = len(grid), len(grid[0])
    for line in grid:
        for e in line:
            e.suppressed = 0 < e.units < k
    lines = [[grid[r][c] for c in range(cols)] for r in range(rows)]
    lines += [[grid[r][c] for r in range(rows)] for c in range(cols)]
    changed = True
    while changed:
        changed = False
        for line in lines:
            parts, total = line[:-1], line[-1]
            hidden = [e for e in parts if e.suppressed]
            if total.suppressed:
                if not hidden and total.value:
                    changed |= _hide_smallest(parts, total)
                continue
            if hidden and (len(hidden) == 1 or sum(e.units for e in hidden) < k):
                changed |= _hide_smallest(parts, total)


def _hide_smallest(parts: list[Entry], total: Entry) -> bool:
    shown = [e for e in parts if not e.suppressed and e.value > 0]
    target = min(shown, key=lambda e: e.value) if shown else total
    if target.suppressed:
        return False
    target.suppressed = True
    return True


def table_build(metric: str, dimension: str, quarters: list[Period], labels: dict) -> dict:
    period_start, period_end = quarters[0].start_at, quarters[-1].end_at
    qs = MonitoringEvent.objects.filter(
        kind=METRICS[metric], occurred_at__gte=period_start, occurred_at__lt=period_end
    )
    keys_q = [q.key for q in quarters]
    found: dict[str, dict[str, Entry]] = {}
    for key, q, n, units in _cells(qs, DIMENSIONS[dimension], quarters):
        found.setdefault(key, {})[q] = Entry(n, units)
    row_keys = sorted(found)
    grid = [[found[r].get(q, Entry(0, 0)) for q in keys_q] for r in row_keys]
    for line in grid:
        line.append(Entry(sum(e.value for e in line), sum(e.units for e in line)))
    width = len(keys_q) + 1
    grid.append(
        [Entry(sum(g[c].value for g in grid), sum(g[c].units for g in grid)) for c in range(width)]
    )
    k = k_value()
    suppress(grid, k)
    marker = f"<{k}"
    rows = []
    for key, line in zip([*row_keys, TOTAL], grid, strict=True):
        rows.append(
            {
                "key": key,
                "label": labels.get(key, _label(dimension, key)) if key != TOTAL else TOTAL,
                "values": [None if e.suppressed else e.value for e in line],
                "display": [marker if e.suppressed else e.value for e in line],
            }
        )
    return {
        "id": f"{metric}-per-{dimension}",
        "title": _("%(metric)s per %(dimension)s")
        % {"metric": METRIC_LABELS[metric], "dimension": DIMENSION_LABELS[dimension]},
        "metric": metric,
        "dimension": dimension,
        "columns": [*keys_q, TOTAL],
        "rows": rows,
    }


def open_quarters(start: Period, today_quarter: Period, limit: int = 12) -> list[Period]:
    """Closed quarters only (the running one would still change), at most `limit`, oldest first."""
    quarters = Period("deal", "deal", start.start, today_quarter.start).quarters()
    return quarters[-limit:] if quarters else [today_quarter]


def domain_scores(k: int) -> list[dict]:
    """Average domain scores (0–100, now and future) of research-consented scans; under k hidden."""
    out = []
    for domain in research_domain_averages():
        row = {"domain": domain.slug, "label": domain.title}
        for horizon, average in (("now", domain.now), ("future", domain.future)):
            shown = average.count >= k
            row[f"{horizon}_count"] = average.count if shown else None
            row[f"{horizon}_average"] = (
                round(average.value, 1) if shown and average.value is not None else None
            )
        out.append(row)
    return out


CSV_COLUMNS = ["table", "metric", "dimension", "key", "label", "quarter", "value"]


CACHE_SECONDS = 900


def open_statistics() -> dict:
    """Every open table, cached until a new event arrives (events are never changed or deleted)."""
    latest = MonitoringEvent.objects.aggregate(m=Max("id"))["m"] or 0
    key = f"opendata:{SCHEMA_VERSION}:{k_value()}:{latest}:{translation.get_language()}"
    stats = cache.get(key)
    if stats is None:
        stats = _open_statistics_build()
        cache.set(key, stats, CACHE_SECONDS)
    return stats


def _open_statistics_build() -> dict:
    """Every open table for the closed quarters of the deal; a fixed number of queries."""
    regio = regio_default()
    deal = deal_of(kpi_list(regio))
    quarters = open_quarters(quarter_of(deal.start), quarter_of(today()), limit=8)
    with translation.override("nl"):
        labels = {t.slug: t.name for t in theme_list()}
    tables = [
        table_build(metric, dimension, quarters, labels if dimension == "theme" else {})
        for metric in METRICS
        for dimension in DIMENSIONS
    ]
    k = k_value()
    return {
        "schema_version": SCHEMA_VERSION,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "publisher": settings.WAGTAIL_SITE_NAME,
        "k": k,
        "suppressed_marker": f"<{k}",
        "quarters": [q.key for q in quarters],
        "tables": tables,
        "domain_scores": domain_scores(k),
    }


def statistics_csv_rows(stats: dict):
    """Long format: one line per cell, totals included (key and quarter 'totaal')."""
    for table in stats["tables"]:
        for row in table["rows"]:
            for quarter, shown in zip(table["columns"], row["display"], strict=True):
                yield [
                    table["id"],
                    table["metric"],
                    table["dimension"],
                    row["key"],
                    row["label"],
                    quarter,
                    shown,
                ]


def statistics_json(stats: dict) -> dict:
    """The JSON document: suppressed cells are null (the HTML and CSV show the marker)."""
    tables = [
        {
            **{k: v for k, v in t.items() if k != "rows"},
            "rows": [{k: v for k, v in r.items() if k != "display"} for r in t["rows"]],
        }
        for t in stats["tables"]
    ]
    return {**stats, "tables": tables}
