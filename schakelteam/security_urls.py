"""Staff security and privacy pages (inside i18n_patterns, under /werkplek/)."""

from django.urls import path

from . import security_views

app_name = "staff_security"

urlpatterns = [
    path("werkplek/beveiliging/", security_views.security_overview_view, name="overview"),
    path(
        "werkplek/beveiliging/herstelcodes/",
        security_views.recovery_codes_renew_view,
        name="recovery_codes_renew",
    ),
    path("werkplek/toegangslog/", security_views.access_log_view, name="access_log"),
    path(
        "werkplek/verwerkingsregister/",
        security_views.processing_register_view,
        name="processing_register",
    ),
]
