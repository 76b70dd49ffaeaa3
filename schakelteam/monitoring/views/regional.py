"""Public pages with regional economy and labour-market figures: the region and each gemeente."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from schakelteam.organisation.selectors import gemeente_list

from ..charts import bar_chart, column_chart
from ..dashboard import regio_default
from ..regional_data import indicator_tables


def _region_charts(tables: list[dict]) -> None:
    """Region page: per indicator a bar per gemeente for the latest period."""
    for t in tables:
        latest = max(r["period"] for r in t["rows"])
        items = [(r["area"], float(r["value"])) for r in t["rows"] if r["period"] == latest]
        t["chart"] = bar_chart(
            _("%(label)s per area, %(period)s") % {"label": t["label"], "period": latest},
            items,
            unit=f" {t['unit']}" if t["unit"] == "%" else "",
        )


def _gemeente_charts(tables: list[dict]) -> None:
    for t in tables:
        t["chart"] = column_chart(
            _("%(label)s per period") % {"label": t["label"]},
            [(r["period"], float(r["value"])) for r in t["rows"]],
        )


def region_view(request: HttpRequest) -> HttpResponse:
    regio = regio_default()
    if regio is None:
        raise Http404
    tables = indicator_tables(regio=regio)
    _region_charts(tables)
    gemeenten = gemeente_list(regio=regio)
    return render(
        request,
        "monitoring/regional_data.html",
        {"regio": regio, "gemeente": None, "tables": tables, "gemeenten": gemeenten},
    )


def gemeente_view(request: HttpRequest, slug: str) -> HttpResponse:
    gemeente = get_object_or_404(gemeente_list(), slug=slug)
    tables = indicator_tables(regio=gemeente.regio, gemeente=gemeente)
    _gemeente_charts(tables)
    return render(
        request,
        "monitoring/regional_data.html",
        {"regio": gemeente.regio, "gemeente": gemeente, "tables": tables, "gemeenten": []},
    )
