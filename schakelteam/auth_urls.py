"""Login steps; outside i18n_patterns so LOGIN_URL is one fixed address."""

from django.urls import path

from . import auth_views

app_name = "staff_auth"

urlpatterns = [
    path("inloggen/", auth_views.login_view, name="login"),
    path("inloggen/verificatie/", auth_views.verify_view, name="verify"),
    path("inloggen/koppelen/", auth_views.enrol_view, name="enrol"),
    path("uitloggen/", auth_views.logout_view, name="logout"),
]
