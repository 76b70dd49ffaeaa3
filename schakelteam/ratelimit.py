"""A small fixed-window rate limit on the cache, one setting per endpoint (SCHAKELTEAM_RATE_LIMITS)."""

import hashlib
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str:
    # The reverse proxy sets REMOTE_ADDR correctly (gunicorn --forwarded-allow-ips).
    return request.META.get("REMOTE_ADDR", "")


def rate_limit_hit(*, scope: str, key: str) -> bool:
    """Count one attempt for (scope, key); True when the limit for `scope` is exceeded."""
    count, seconds = (int(n) for n in settings.SCHAKELTEAM_RATE_LIMITS[scope].split("/"))
    window = int(time.time() // seconds)
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"rl:{scope}:{digest}:{window}"
    cache.add(cache_key, 0, timeout=seconds)
    try:
        hits = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=seconds)
        hits = 1
    return hits > count


def too_many_requests(request: HttpRequest) -> HttpResponse:
    return render(request, "429.html", status=429)


def rate_limited(scope: str, *, methods: tuple[str, ...] = ("POST",)) -> Callable:
    """View decorator: limit `methods` requests per client IP for `scope`; answers a readable 429."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method in methods and rate_limit_hit(scope=scope, key=client_ip(request)):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
