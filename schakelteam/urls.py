from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from schakelteam import security, views
from schakelteam.accounts import urls as accounts_urls

urlpatterns = [
    # One login for site, Wagtail admin and Django admin: password + TOTP (schakelteam.accounts.views).
    path("admin/login/", RedirectView.as_view(url=settings.LOGIN_URL, query_string=True)),
    path("django-admin/login/", RedirectView.as_view(url=settings.LOGIN_URL, query_string=True)),
    path("", include(accounts_urls.login_patterns)),
    path(".well-known/security.txt", security.security_txt, name="security_txt"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("_ping/", views.ping, name="ping"),
]

urlpatterns += i18n_patterns(
    path("", include("schakelteam.monitoring.urls")),
    path("", include(accounts_urls.security_patterns)),
    path("", include("schakelteam.privacy.urls")),
    path("", include("kennisbank.urls")),
    path("", include("scan.urls")),
    path("", include("cases.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "schakelteam.views.page_not_found"
handler500 = "schakelteam.views.server_error"
