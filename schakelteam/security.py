"""Security headers: CSP per area (strict for the site, documented looser one for the admin),
Permissions-Policy and friends, the staff-session notice, and /.well-known/security.txt."""

from datetime import datetime, timedelta

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.SCHAKELTEAM_ADMIN_CSP_PREFIXES))


class SchakelteamCSPMiddleware(CSPMiddleware):
    """django-csp 4, with SCHAKELTEAM_ADMIN_CSP instead of the strict policy under the admin."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponse, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.SCHAKELTEAM_ADMIN_CSP)
        return parts


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.SCHAKELTEAM_PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", settings.SECURE_REFERRER_POLICY)
        response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        return response


def staff_session(request: HttpRequest) -> dict:
    """Context: when the staff session ends (idle or absolute), for the notice in base.html."""
    ends_at = getattr(request, "staff_session_ends_at", None)
    return {"staff_session_ends_at": ends_at} if ends_at else {}


def security_txt_expires(now: datetime | None = None) -> datetime:
    """RFC 9116 wants an Expires under a year ahead; a rolling half year never goes stale."""
    now = now or timezone.now()
    return (now + timedelta(days=182)).replace(hour=0, minute=0, second=0, microsecond=0)


@require_GET
@cache_control(max_age=3600, public=True)
def security_txt(request: HttpRequest) -> HttpResponse:
    base = settings.SITE_URL.rstrip("/")
    lines = [
        f"Contact: {settings.SCHAKELTEAM_SECURITY_CONTACT}",
        f"Expires: {security_txt_expires().strftime('%Y-%m-%dT%H:%M:%S.000Z')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {base}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def client_ip(request: HttpRequest) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: behind N trusted proxies, the address the outermost one saw."""
    count = settings.SCHAKELTEAM_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR")
