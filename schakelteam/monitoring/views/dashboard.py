"""The monitoring dashboard and its CSV downloads."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from schakelteam.accounts.decorators import capability_required

from ..dashboard import (
    deal_of,
    figure_charts,
    figure_tables,
    figures_build,
    kpi_list,
    regio_default,
    table_csv,
)
from ..periods import period_choices, period_parse

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


def _context(request: HttpRequest) -> dict:
    regio = regio_default()
    kpi_defs = kpi_list(regio)
    deal = deal_of(kpi_defs)
    period = period_parse(request.GET.get("periode", ""), deal) or deal
    figures = figures_build(period, regio, kpi_defs)
    return {
        "regio": regio,
        "deal": deal,
        "period": period,
        "figures": figures,
        "choices": period_choices(deal),
    }


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


@capability_required("monitoring.view")
def dashboard_view(request: HttpRequest) -> HttpResponse:
    context = _context(request)
    context["sections"] = dashboard_sections(context["figures"], context["period"].key)
    return render(request, "monitoring/monitoring_dashboard.html", context)


@capability_required("monitoring.view")
def figure_csv_view(request: HttpRequest, name: str) -> HttpResponse:
    context = _context(request)
    tables = figure_tables(context["figures"])
    if name not in tables:
        raise Http404(_("Unknown figure."))
    response = HttpResponse(table_csv(tables[name]), content_type="text/csv; charset=utf-8")
    filename = f"monitoring-{name}-{context['period'].key}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
