"""Monitoring for staff (dashboard, quarterly reports) and the public figures (region, open data)."""

from django.urls import path

from .views import dashboard, opendata, regional, reports

app_name = "monitoring"

urlpatterns = [
    path("werkplek/monitoring/", dashboard.dashboard_view, name="monitoring_dashboard"),
    path("werkplek/monitoring/csv/<slug:name>/", dashboard.figure_csv_view, name="monitoring_csv"),
    path("werkplek/monitoring/rapportages/", reports.report_list_view, name="report_list"),
    path(
        "werkplek/monitoring/rapportages/<uuid:uuid>/",
        reports.report_detail_view,
        name="report_detail",
    ),
    path(
        "werkplek/monitoring/rapportages/<uuid:uuid>/opnieuw/",
        reports.report_retry_view,
        name="report_retry",
    ),
    path(
        "werkplek/monitoring/rapportages/<uuid:uuid>/<str:kind>/",
        reports.report_file_view,
        name="report_file",
    ),
    path("regio/", regional.region_view, name="regional_data"),
    path("regio/<slug:slug>/", regional.gemeente_view, name="regional_data_gemeente"),
    path("open-data/", opendata.open_data_view, name="open_data"),
    path("open-data/statistieken.csv", opendata.open_data_csv_view, name="open_data_csv"),
    path("open-data/statistieken.json", opendata.open_data_json_view, name="open_data_json"),
    path("open-data/regelingen.json", opendata.regelingen_json_view, name="open_data_regelingen"),
]
