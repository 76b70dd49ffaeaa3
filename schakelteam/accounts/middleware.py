"""Staff sessions: the second factor on every URL, and the idle and absolute session limits."""

import logging
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone

from .roles import Role, role_of
from .services import second_factor_url

logger = logging.getLogger("schakelteam.security")


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
