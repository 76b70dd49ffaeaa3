"""Staff login steps (outside i18n_patterns, so LOGIN_URL is one fixed address) and the account
security pages under /werkplek/ (inside them)."""

from django.urls import path

from . import views

login_patterns = (
    [
        path("inloggen/", views.login_view, name="login"),
        path("inloggen/verificatie/", views.verify_view, name="verify"),
        path("inloggen/koppelen/", views.enrol_view, name="enrol"),
        path("uitloggen/", views.logout_view, name="logout"),
    ],
    "staff_auth",
)

security_patterns = (
    [
        path("werkplek/beveiliging/", views.security_overview_view, name="overview"),
        path(
            "werkplek/beveiliging/herstelcodes/",
            views.recovery_codes_renew_view,
            name="recovery_codes_renew",
        ),
    ],
    "staff_security",
)
