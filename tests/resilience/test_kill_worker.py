"""A gunicorn worker killed (SIGKILL) in the middle of a scan loses nothing: the answers saved
before the kill are in the database, the session (cached_db: the worker's cache died with it)
still points at the scan, and the entrepreneur goes on where they were on the new worker."""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from scan.models import ScanResponse
from tests.scan.factories import definition_published

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """A cookie-keeping HTTP client that does not follow redirects."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect
        )

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body)  # noqa: S310
        req.add_header("Referer", self.base + path)
        try:
            with self.opener.open(req, timeout=20) as response:
                return (
                    response.status,
                    response.read().decode(),
                    response.headers.get("Location", ""),
                )
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers.get("Location", "")

    def csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == settings.CSRF_COOKIE_NAME)


@pytest.fixture
def server():
    db = connection.settings_dict
    url = f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "schakelteam.settings.test", "DATABASE_URL": url}
    master = subprocess.Popen(  # noqa: S603
        [
            str(GUNICORN),
            "schakelteam.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--timeout",
            "60",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base)
    yield master, base
    master.terminate()
    master.wait(timeout=20)


def wait_until_up(base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/_ping/", timeout=2):  # noqa: S310
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not come up")


def worker_pids(master_pid: int) -> list[int]:
    out = subprocess.run(  # noqa: S603
        ["/usr/bin/pgrep", "-P", str(master_pid)], capture_output=True, text=True, check=False
    ).stdout
    return [int(pid) for pid in out.split()]


def test_a_killed_worker_loses_no_scan_answers_and_the_scan_goes_on(server):
    master, base = server
    definition_published()
    browser = Browser(base)
    status, html, _ = browser.request("/bedrijfsscan/")
    assert status == 200
    status, _, location = browser.request("/bedrijfsscan/", {"csrfmiddlewaretoken": browser.csrf()})
    assert status == 302 and "/bedrijfsscan/stap/1/" in location
    facts = {
        "csrfmiddlewaretoken": browser.csrf(),
        "size_class": "5-10",
        "sbi_section": "G",
        "postcode": "1315 AB",
        "nav": "next",
    }
    status, _, location = browser.request("/bedrijfsscan/stap/1/", facts)
    assert status == 302, location
    scan = ScanResponse.objects.get()
    assert scan.facts_done and scan.size_class == "5-10"

    (worker,) = worker_pids(master.pid)
    os.kill(worker, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while worker_pids(master.pid) in ([], [worker]) and time.monotonic() < deadline:
        time.sleep(0.2)
    wait_until_up(base)
    assert worker not in worker_pids(master.pid)

    scan.refresh_from_db()
    assert (scan.size_class, scan.sbi_section, scan.facts_done) == ("5-10", "G", True)
    status, html, _ = browser.request("/bedrijfsscan/stap/1/")
    assert status == 200  # same browser session, new worker, same scan
    assert re.search(r'value="5-10"[^>]*checked', html)
    status, _, location = browser.request("/bedrijfsscan/stap/1/", facts)
    assert status == 302
    assert ScanResponse.objects.count() == 1  # going on did not start a second scan
