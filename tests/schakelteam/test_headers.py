"""Security headers on public, admin and error pages; strict nonce CSP on the site, the
documented looser CSP under /admin/; HSTS for a year in production; security.txt."""

import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from tests.helpers import staff_login
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db

BASE = Path(settings.BASE_DIR)


def csp(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in header.split(";")) if part}


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Content-Security-Policy" in response


@pytest.mark.parametrize("path", ["/inloggen/", "/bestaat-echt-niet/", "/.well-known/security.txt"])
def test_public_and_error_pages_get_the_strict_policy(client, path):
    response = client.get(path)
    assert_common_headers(response)
    policy = csp(response)
    header = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in header and "'unsafe-eval'" not in header
    assert policy["object-src"] == "object-src 'none'"
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"
    assert policy["base-uri"] == "base-uri 'none'"
    assert policy["default-src"] == "default-src 'self'"
    assert response["X-Frame-Options"] == "DENY"


def test_a_nonce_used_by_a_template_is_in_the_header(rf):
    from csp.middleware import CSPMiddleware  # noqa: F401  (the API the templates use)
    from django.http import HttpResponse
    from django.template import engines

    from schakelteam.security import SchakelteamCSPMiddleware

    template = engines["django"].from_string('<script nonce="{{ request.csp_nonce }}"></script>')

    def view(request):
        return HttpResponse(template.render({"request": request}))

    response = SchakelteamCSPMiddleware(view)(rf.get("/"))
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_the_admin_gets_its_own_documented_looser_policy(client):
    staff_login(client, UserFactory(superuser=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert_common_headers(response)
    policy = csp(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["object-src"] == "object-src 'none'"
    assert policy["frame-ancestors"] == "frame-ancestors 'self'"


@override_settings(SECURE_HSTS_SECONDS=31_536_000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_hsts_is_sent_over_https(client):
    response = client.get("/inloggen/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_production_settings_ask_hsts_for_a_year_and_secure_cookies():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "schakelteam.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "mkb.example",
    }
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import django;django.setup();" + code],
        env=env,
        cwd=BASE,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == ["31536000", "True", "True"]


def test_security_txt_has_contact_expiry_languages_and_canonical(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"].startswith(("mailto:", "https://"))
    assert fields["Preferred-Languages"] == "nl, en"
    assert fields["Canonical"].endswith("/.well-known/security.txt")
    expires = datetime.fromisoformat(fields["Expires"].replace("Z", "+00:00"))
    from django.utils import timezone

    assert 30 < (expires - timezone.now()).days < 365


# Templates rendered to PDF (WeasyPrint) are not served as web pages: CSP does not apply.
NOT_SERVED_AS_HTML = {"monitoring/report_pdf.html"}
INLINE = re.compile(
    r"<script(?![^>]*\b(src|nonce)=)[^>]*>|<style(?![^>]*\bnonce=)|\sstyle=|\son[a-z]+=", re.I
)


def test_no_template_has_inline_script_style_or_handlers_that_csp_would_block():
    offenders = []
    for root in [BASE / "templates", *BASE.glob("*/templates")]:
        for path in root.rglob("*.html"):
            name = str(path.relative_to(root))
            if name in NOT_SERVED_AS_HTML:
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if INLINE.search(line) and 'type="application/json"' not in line:
                    offenders.append(f"{path.relative_to(BASE)}:{number}")
    assert offenders == []
