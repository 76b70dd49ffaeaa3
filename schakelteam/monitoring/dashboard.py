"""The monitoring figures of one period as plain, JSON-ready data; the dashboard, the CSV
downloads and the quarterly report all render from this one structure."""

import csv
import io

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from schakelteam.organisation.models import Gemeente, Regio
from schakelteam.organisation.selectors import theme_list

from . import kpis
from .charts import bar_chart, column_chart
from .models import KpiDefinition
from .periods import Period, deal_period


def regio_default() -> Regio | None:
    return Regio.objects.order_by("name").first()


def kpi_list(regio: Regio | None) -> list[KpiDefinition]:
    qs = KpiDefinition.objects.filter(is_active=True)
    return list(qs.filter(regio=regio) if regio else qs)


def deal_of(kpi_defs: list[KpiDefinition]) -> Period:
    """The deal runs from the earliest KPI start to its latest end (or today)."""
    starts = [k.starts_on for k in kpi_defs if k.starts_on]
    ends = [k.ends_on for k in kpi_defs if k.ends_on]
    return deal_period(min(starts) if starts else None, max(ends) if ends else None)


def figures_build(period: Period, regio: Regio | None, kpi_defs: list[KpiDefinition]) -> dict:
    """Every figure for `period`; the number of queries does not depend on the number of events."""
    gemeenten = list(Gemeente.objects.filter(regio=regio) if regio else Gemeente.objects.all())
    theme_names = {t.slug: t.name for t in theme_list()}
    return {
        "period": {
            "key": period.key,
            "label": str(period.label),
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "quarters": [q.key for q in period.quarters()],
        },
        "regio": regio.name if regio else "",
        "kpis": kpis.kpi_results(kpi_defs, period, gemeenten),
        "trend": kpis.kpi_trend(kpi_defs, period),
        "breakdowns": {
            dim: kpis.breakdown(period, dim, regio, theme_names) for dim in kpis.DIMENSIONS
        },
        "sla": kpis.sla_performance(period, regio),
        "funnel": kpis.referral_funnel(period, regio),
        "satisfaction": kpis.satisfaction(period, regio),
    }


def dimension_labels() -> dict[str, str]:
    return {
        "gemeente": _("Municipality"),
        "theme": _("Theme"),
        "origin": _("Origin channel"),
        "size_class": _("Size class"),
        "sector": _("Sector (SBI)"),
        "partner": _("Partner"),
    }


def _pct(value):
    return value


def figure_tables(figures: dict) -> dict[str, dict]:
    """Each figure as {title, headers, rows}: the HTML table, the CSV and the XLSX sheet."""
    tables = {
        "kpis": {
            "title": _("Targets and results"),
            "headers": [_("KPI"), _("Unit"), _("Result"), _("Target"), _("Share of target (%)")],
            "rows": [
                [k["name"], k["unit"], k["actual"], k["target"], _pct(k["percent"])]
                for k in figures["kpis"]
            ],
        },
        "kpi-gemeenten": {
            "title": _("Results per municipality"),
            "headers": [_("KPI"), _("Municipality"), _("Count"), _("Result"), _("Target")],
            "rows": [
                [k["name"], g["gemeente"], g["count"], g["actual"], g["target"]]
                for k in figures["kpis"]
                for g in k["gemeenten"]
                if k["per_gemeente"] or k["unit"] == "%"
            ],
        },
        "trend": {
            "title": _("Trend per quarter"),
            "headers": [_("KPI"), *figures["period"]["quarters"]],
            "rows": [[t["name"], *[n for _q, n in t["points"]]] for t in figures["trend"]],
        },
    }
    measure_headers = [
        _("Scans submitted"),
        _("Cases opened"),
        _("Referrals"),
        _("Companies reached"),
    ]
    for dim, label in dimension_labels().items():
        tables[dim] = {
            "title": _("By %(dimension)s") % {"dimension": label.lower()},
            "headers": [label, *measure_headers],
            "rows": [
                [r["label"], r["scans"], r["cases"], r["referrals"], r["companies"]]
                for r in figures["breakdowns"][dim]
            ],
        }
    sla = figures["sla"]
    tables["sla"] = {
        "title": _("First contact within the service level"),
        "headers": [_("Quarter"), _("First contacts"), _("Within the SLA"), _("Share (%)")],
        "rows": [[q["quarter"], q["total"], q["within"], _pct(q["share"])] for q in sla["quarters"]]
        + [[_("Total"), sla["total"], sla["within"], _pct(sla["share"])]],
    }
    tables["funnel"] = {
        "title": _("Referrals per partner"),
        "headers": [
            _("Partner"),
            _("Made"),
            _("Accepted"),
            _("Declined"),
            _("Completed"),
            _("Median days to acceptance"),
            _("Median days to completion"),
        ],
        "rows": [
            [
                f["partner"],
                f["made"],
                f["accepted"],
                f["declined"],
                f["completed"],
                f["median_days_accepted"],
                f["median_days_completed"],
            ]
            for f in figures["funnel"]
        ],
    }
    sat = figures["satisfaction"]
    tables["satisfaction"] = {
        "title": _("Satisfaction after closure"),
        "headers": [_("Score"), _("Number of answers")],
        "rows": [[score, n] for score, n in sat["distribution"].items()]
        + [[_("Average"), sat["average"]]],
    }
    return tables


def figure_charts(figures: dict) -> dict[str, str]:
    """An SVG chart per figure (same numbers as the table)."""
    charts = {
        "kpis": bar_chart(
            _("Result as a percentage of the target"),
            [(k["name"], k["percent"]) for k in figures["kpis"] if k["percent"] is not None],
            unit="%",
            marker=100,
        ),
        "sla": column_chart(
            _("Share of first contacts within the SLA per quarter"),
            [(q["quarter"], q["share"]) for q in figures["sla"]["quarters"]],
            unit="%",
        ),
        "funnel": bar_chart(
            _("Referrals completed per partner"),
            [(f["partner"], f["completed"]) for f in figures["funnel"]],
        ),
        "satisfaction": column_chart(
            _("Number of answers per satisfaction score"),
            list(figures["satisfaction"]["distribution"].items()),
        ),
    }
    for t in figures["trend"]:
        charts[f"trend-{t['slug']}"] = column_chart(
            _("%(kpi)s per quarter") % {"kpi": t["name"]}, [tuple(p) for p in t["points"]]
        )
    for dim, label in dimension_labels().items():
        charts[dim] = bar_chart(
            _("Cases opened by %(dimension)s") % {"dimension": label.lower()},
            [(r["label"], r["cases"]) for r in figures["breakdowns"][dim]],
        )
    return charts


def table_csv(table: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([str(h) for h in table["headers"]])
    for row in table["rows"]:
        writer.writerow(["" if v is None else _csv_safe(v) for v in row])
    return out.getvalue()


def _csv_safe(value):
    """Keep spreadsheets from running a cell as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


SECTION_ORDER = [
    "kpis",
    "kpi-gemeenten",
    "trend",
    "sla",
    "funnel",
    "satisfaction",
    "gemeente",
    "theme",
    "origin",
    "size_class",
    "sector",
    "partner",
]


def dashboard_sections(figures: dict, period_key: str | None = None) -> list[dict]:
    """What the page (and the PDF) shows, in order: a heading, chart(s), table and CSV link."""
    tables = figure_tables(figures)
    charts = figure_charts(figures)
    sections = []
    for name in SECTION_ORDER:
        table = tables[name]
        if name == "trend":
            section_charts = [charts[f"trend-{t['slug']}"] for t in figures["trend"]]
        else:
            section_charts = [charts[name]] if name in charts else []
        csv_url = ""
        if period_key is not None:
            csv_url = reverse("monitoring:monitoring_csv", args=[name])
            csv_url += "?" + urlencode({"periode": period_key})
        sections.append({"name": name, **table, "charts": section_charts, "csv_url": csv_url})
    return sections
