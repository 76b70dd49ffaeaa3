"""Staff and organisation URLs of the schakelteam app (login, werkplek monitoring, open data)."""

from django.urls import path

from . import views_monitoring, views_opendata, views_regional, views_reports

app_name = "schakelteam"

urlpatterns: list = [
    path("werkplek/monitoring/", views_monitoring.dashboard_view, name="monitoring_dashboard"),
    path(
        "werkplek/monitoring/csv/<slug:name>/",
        views_monitoring.figure_csv_view,
        name="monitoring_csv",
    ),
]

urlpatterns += [
    path("werkplek/monitoring/rapportages/", views_reports.report_list_view, name="report_list"),
    path(
        "werkplek/monitoring/rapportages/<uuid:uuid>/",
        views_reports.report_detail_view,
        name="report_detail",
    ),
    path(
        "werkplek/monitoring/rapportages/<uuid:uuid>/opnieuw/",
        views_reports.report_retry_view,
        name="report_retry",
    ),
    path(
        "werkplek/monitoring/rapportages/<uuid:uuid>/<str:kind>/",
        views_reports.report_file_view,
        name="report_file",
    ),
]

urlpatterns += [
    path("regio/", views_regional.region_view, name="regional_data"),
    path("regio/<slug:slug>/", views_regional.gemeente_view, name="regional_data_gemeente"),
]

urlpatterns += [
    path("open-data/", views_opendata.open_data_view, name="open_data"),
    path("open-data/statistieken.csv", views_opendata.open_data_csv_view, name="open_data_csv"),
    path("open-data/statistieken.json", views_opendata.open_data_json_view, name="open_data_json"),
    path(
        "open-data/regelingen.json",
        views_opendata.regelingen_json_view,
        name="open_data_regelingen",
    ),
]
