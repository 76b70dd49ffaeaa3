"""The monitoring dashboard and its CSV downloads."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from schakelteam.accounts.decorators import capability_required

from ..dashboard import (
    dashboard_sections,
    deal_of,
    figure_tables,
    figures_build,
    kpi_list,
    regio_default,
    table_csv,
)
from ..periods import period_choices, period_parse


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
