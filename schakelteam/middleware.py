"""Request guards: maintenance page when the database is down, staff session limits, and the
second factor for every staff session on every URL."""

import logging
import sys
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template import loader
from django.utils import timezone

from .roles import Role, role_of

logger = logging.getLogger("schakelteam.security")

DB_DOWN_ERRORS = (OperationalError, InterfaceError)
_DB_DOWN_FLAG = "_schakelteam_db_down"


def maintenance_response() -> HttpResponse:
    """A 503 rendered without context processors: the database is what failed."""
    body = loader.get_template("503.html").render({})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(settings.SCHAKELTEAM_MAINTENANCE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def _flag_database_errors(sender, request=None, **kwargs) -> None:
    # Errors raised inside other middleware never reach process_exception; they are
    # turned into a 500 by Django. Mark the request so MaintenanceMiddleware swaps in the 503.
    exc = sys.exc_info()[1]
    if request is not None and isinstance(exc, DB_DOWN_ERRORS):
        setattr(request, _DB_DOWN_FLAG, True)


got_request_exception.connect(_flag_database_errors, dispatch_uid="schakelteam_db_down")


class MaintenanceMiddleware:
    """Database unreachable → 503 with Retry-After, never a stack trace; the next request
    that finds the database again is served normally (CONN_HEALTH_CHECKS reconnects)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, _DB_DOWN_FLAG, False):
            return maintenance_response()
        return response

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, DB_DOWN_ERRORS):
            logger.error("Database unreachable, answering 503: %s", exception)
            return maintenance_response()
        return None


def needs_second_factor(user) -> bool:
    """Staff (any role, is_staff, admin access) must pass TOTP before anything else."""
    if not user.is_authenticated:
        return False
    return (
        user.is_staff
        or user.is_superuser
        or role_of(user) != Role.NONE
        or user.has_perm("wagtailadmin.access_admin")
    )


def is_exempt_path(path: str) -> bool:
    """The login steps, logout, static files and language switch stay reachable."""
    prefixes = (
        "/inloggen/",
        "/uitloggen/",
        settings.STATIC_URL,
        "/i18n/setlang/",
        "/.well-known/",
        "/_ping/",
        "/favicon.ico",
    )
    return path.startswith(prefixes)


class RequireSecondFactorMiddleware:
    """Password-only staff sessions reach no URL but the OTP steps (after OTPMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            not is_exempt_path(request.path_info)
            and needs_second_factor(user)
            and not user.is_verified()
        ):
            from .auth_views import second_factor_url

            return HttpResponseRedirect(second_factor_url(user, next_url=request.get_full_path()))
        return self.get_response(request)


SESSION_STARTED = "_staff_started"
SESSION_SEEN = "_staff_seen"


def _ts(value: datetime) -> float:
    return value.timestamp()


def staff_session_ends_at(session, now: datetime) -> datetime:
    idle = timedelta(minutes=settings.SCHAKELTEAM_STAFF_IDLE_MINUTES)
    absolute = timedelta(hours=settings.SCHAKELTEAM_STAFF_MAX_HOURS)
    started = datetime.fromtimestamp(session.get(SESSION_STARTED, _ts(now)), tz=UTC)
    seen = datetime.fromtimestamp(session.get(SESSION_SEEN, _ts(now)), tz=UTC)
    return min(seen + idle, started + absolute)


class StaffSessionMiddleware:
    """Staff sessions end after SCHAKELTEAM_STAFF_IDLE_MINUTES idle and SCHAKELTEAM_STAFF_MAX_HOURS
    in total; the page shows when (request.staff_session_ends_at → base.html notice)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and needs_second_factor(user):
            session = request.session
            now = timezone.now()
            session.setdefault(SESSION_STARTED, _ts(now))
            if now >= staff_session_ends_at(session, now):
                logger.info("Staff session of user %s ended (idle or maximum age)", user.pk)
                logout(request)
                query = urlencode({"next": request.get_full_path(), "verlopen": "1"})
                return HttpResponseRedirect(f"{settings.LOGIN_URL}?{query}")
            # Write at most every 30 s so idle time is exact enough without a write per hit.
            if _ts(now) - session.get(SESSION_SEEN, 0) > 30:
                session[SESSION_SEEN] = _ts(now)
            request.staff_session_ends_at = staff_session_ends_at(session, now)
        return self.get_response(request)
