"""Open statistics (public): HTML tables, CSV and JSON under CC-BY-4.0; the regelingen catalogue."""

import csv
import io

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control

from kennisbank.importing import regelingen_export_json

from ..opendata import CSV_COLUMNS, open_statistics, statistics_csv_rows, statistics_json


@cache_control(public=True, max_age=600)
def open_data_view(request: HttpRequest) -> HttpResponse:
    stats = open_statistics()
    return render(
        request, "monitoring/open_data.html", {"stats": stats, "csv_columns": CSV_COLUMNS}
    )


@cache_control(public=True, max_age=600)
def open_data_csv_view(request: HttpRequest) -> HttpResponse:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(statistics_csv_rows(open_statistics()))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mkb-schakelteam-statistieken.csv"'
    return response


@cache_control(public=True, max_age=600)
def open_data_json_view(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        statistics_json(open_statistics()), json_dumps_params={"ensure_ascii": False}
    )


@cache_control(public=True, max_age=600)
def regelingen_json_view(request: HttpRequest) -> JsonResponse:
    data = {"licence": "CC-BY-4.0", "regelingen": regelingen_export_json()}
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
