"""Every URL has a decision: public (listed here, with why) or staff (login + second factor).
A new URL that is neither fails here. Anonymous visitors reach no staff URL, and no URL
answers an anonymous visitor with a 500."""

import re

import pytest
from django.test import Client

from tests.helpers_urls import STAFF_PREFIXES, all_paths

pytestmark = pytest.mark.django_db

# Public on purpose; each line says why it may be reached without login.
PUBLIC = {
    r"$": "home and Wagtail pages (served by the page tree)",
    r":w-/$": "Wagtail page serving (catch-all regex)",
    r"\.well-known/security\.txt$": "security.txt is public by definition",
    r"_ping/$": "health check",
    r"_util/": "Wagtail's password/login prompt for private pages",
    r"documents/": "Wagtail documents (private ones check their own permissions)",
    r"i18n/setlang/$": "language switch",
    r"(inloggen|uitloggen)/": "the login steps themselves",
    r"(bedrijfsscan|vervolgscan)/": "the scan (anonymous; results behind a token)",
    r"(gesprek-aanvragen|vraag-stellen|aanvraag-ontvangen)/$": "intake forms",
    r"mijn-gegevens/": "entrepreneur's own data, behind a magic-link token",
    r"tevredenheid/": "satisfaction form, behind a magic-link token",
    r"(regelingencheck|zoeken|regio|open-data)/": "public information and open data",
}
# Admin URLs that are public by design; none shows data.
ADMIN_PUBLIC_REASONS = {
    r"/admin/password_reset/": "password reset by e-mail (the second factor still follows)",
    r"/admin/(jsi18n|sprite)/$": "static JavaScript catalogue and icon sprite",
    r"/django-admin/logout/$": "logging out",
}
ADMIN_PUBLIC = re.compile("|".join(ADMIN_PUBLIC_REASONS))


def decision(path: str) -> str | None:
    bare = path.removeprefix("en/")
    if bare.startswith(STAFF_PREFIXES):
        return "staff"
    return next((why for pattern, why in PUBLIC.items() if re.match(pattern, bare)), None)


def test_every_url_has_a_decision():
    undecided = [path for path in all_paths() if decision(path) is None]
    assert undecided == [], "add these URLs to STAFF_PREFIXES or PUBLIC (with a reason)"


def test_anonymous_visitors_reach_no_staff_url():
    client = Client(raise_request_exception=False)
    leaks = []
    for path in ("/" + p for p in all_paths() if decision(p) == "staff"):
        if ADMIN_PUBLIC.match(path):
            continue
        for method in (client.get, client.post):
            response = method(path)
            location = response.get("Location", "")
            refused = response.status_code in (403, 404, 405) or (
                response.status_code == 302
                and location.startswith(("/inloggen/", "/django-admin/login/", "/admin/login/"))
            )
            if not refused:
                leaks.append((method.__name__, path, response.status_code, location))
    assert leaks == [], leaks


def test_no_public_url_answers_an_anonymous_visitor_with_a_500():
    client = Client(raise_request_exception=False)
    errors = []
    for path in ("/" + p for p in all_paths() if decision(p) not in (None, "staff")):
        for method in (client.get, client.post):
            if method(path).status_code >= 500:
                errors.append((method.__name__, path))
    assert errors == []
