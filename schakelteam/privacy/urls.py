"""Privacy pages for staff (inside i18n_patterns, under /werkplek/)."""

from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("werkplek/toegangslog/", views.access_log_view, name="access_log"),
    path(
        "werkplek/verwerkingsregister/",
        views.processing_register_view,
        name="processing_register",
    ),
]
