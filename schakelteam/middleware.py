"""The maintenance page: a 503 instead of a stack trace while the database is down."""

import logging
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader

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
