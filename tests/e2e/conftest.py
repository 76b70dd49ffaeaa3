"""Fixtures for the browser tests (marked e2e; run by `make e2e` and .ci/run).

- `live_url`: base URL of a real server (runserver, one per test session) on a temporary SQLite
  database holding the demo content (`manage.py load_demo`; locally a copy of an identical
  earlier build is reused, see _demo_database_build). Its settings are the test settings,
  so sessions and magic links made in a test are valid there; e-mail goes to files (`mailbox`).
- `page`: a Playwright page in Debian's chromium (/usr/bin/chromium, headless), with
  `base_url=live_url`, so `page.goto("/regelingen/")` works. A failing test leaves a screenshot
  in test-results/.
- `axe_check(page)`: asserts axe-core finds no serious or critical violation on the page.
- `login(page, username)`: logs a demo staff account in through tests.helpers.staff_login
  (which also handles the second factor), by giving the browser that session's cookie.
- `server_db`: ORM access, in the test, to the server's database (read what a form stored,
  create a magic link). Don't mark e2e tests `django_db`: that would make an empty test database
  the server never sees. Data you create stays for the rest of the session: make it unique.
- `mailbox`: the e-mails the server sent (`mailbox.messages(to=...)`, `mailbox.last_body(to=...)`).

A 500 on the server during a test fails that test with the server's traceback.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERVER_START_SECONDS = 60
# High enough that a whole session of tests from one address never trips a limit.
RATE_LIMIT_ENV = {
    f"RATE_LIMIT_{scope}": "100000/3600"
    for scope in ("PUBLIC_FORM", "RESUME_LINK", "TOKEN", "REGISTRATION")
}
ARTIFACTS = BASE_DIR / "test-results"
# The demo loader (schakelteam/demo/), every demo_data/ file and the app code they write through.
DEMO_APPS = ("schakelteam", "kennisbank", "scan", "cases")


@dataclass
class E2EServer:
    url: str
    db_path: Path
    mail_dir: Path
    log_path: Path
    process: subprocess.Popen

    def log_tail(self, start: int = 0) -> str:
        with self.log_path.open("rb") as handle:
            handle.seek(start)
            return handle.read().decode("utf-8", "replace")

    def log_size(self) -> int:
        return self.log_path.stat().st_size


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(args: list[str], env: dict[str, str], log) -> None:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    log.write(f"$ manage.py {' '.join(args)}\n{result.stdout}{result.stderr}\n")
    log.flush()
    if result.returncode:
        pytest.fail(
            f"manage.py {' '.join(args)} failed (exit {result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-5000:]}",
            pytrace=False,
        )


def _wait_until_up(url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{url}/_ping/", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(
        f"The e2e server did not start:\n{log_path.read_text(errors='replace')[-5000:]}",
        pytrace=False,
    )


def _demo_sources_key() -> str:
    """Changes whenever anything that shapes the demo database changes (and every day)."""
    digest = hashlib.sha256(dt.datetime.now(dt.UTC).date().isoformat().encode())
    files = [BASE_DIR / "pyproject.toml", Path(__file__).with_name("server_settings.py")]
    for app in DEMO_APPS:
        files += sorted(p for p in (BASE_DIR / app).rglob("*") if p.suffix in {".py", ".json"})
    for path in files:
        digest.update(str(path.relative_to(BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _demo_database_build(workdir: Path, env: dict[str, str], log) -> None:
    """Migrate and load the demo into workdir, or copy the same result from an earlier session.

    The copy is kept under the temp dir, keyed on the code and data it came from; CI and
    E2E_FRESH_DB=1 always build afresh.
    """
    use_cache = not os.environ.get("CI") and not os.environ.get("E2E_FRESH_DB")
    cached = Path(tempfile.gettempdir()) / "schakelteam-e2e-cache" / _demo_sources_key()
    if use_cache and (cached / "db.sqlite3").exists():
        shutil.copy2(cached / "db.sqlite3", workdir / "db.sqlite3")
        if (cached / "media").exists():
            shutil.copytree(cached / "media", workdir / "media")
        log.write(f"demo database copied from {cached}\n")
        return
    _manage(["migrate", "--noinput"], env, log)
    _manage(["load_demo"], env, log)
    if use_cache:
        building = cached.with_name(f"{cached.name}.{os.getpid()}")
        building.mkdir(parents=True, exist_ok=True)
        shutil.copy2(workdir / "db.sqlite3", building / "db.sqlite3")
        if (workdir / "media").exists():
            shutil.copytree(workdir / "media", building / "media")
        try:
            building.rename(cached)
        except OSError:  # another session stored the same build first
            shutil.rmtree(building, ignore_errors=True)


@pytest.fixture(scope="session")
def e2e_server() -> Iterator[E2EServer]:
    """One server with demo content for the whole session."""
    workdir = Path(tempfile.mkdtemp(prefix="schakelteam-e2e-"))
    db_path = workdir / "db.sqlite3"
    mail_dir = workdir / "mail"
    mail_dir.mkdir()
    log_path = workdir / "server.log"
    env = {
        **os.environ,
        **RATE_LIMIT_ENV,
        "DJANGO_SETTINGS_MODULE": "tests.e2e.server_settings",
        "DATABASE_URL": f"sqlite:///{db_path}",
        "E2E_MAIL_DIR": str(mail_dir),
        "MEDIA_ROOT": str(workdir / "media"),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REDIS_URL", None)
    with log_path.open("w") as log:
        _demo_database_build(workdir, env, log)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = log_path.open("a")
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "runserver",
            f"127.0.0.1:{port}",
            "--noreload",
            "--insecure",  # serve static files with DEBUG off, as whitenoise does in production
            "--skip-checks",
        ],
        cwd=BASE_DIR,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_up(url, process, log_path)
        yield E2EServer(url, db_path, mail_dir, log_path, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def live_url(e2e_server: E2EServer) -> str:
    """Base URL (no trailing slash) of the server with demo content."""
    return e2e_server.url


@pytest.fixture(autouse=True)
def _no_server_errors(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test during which the server logged a 500."""
    if "e2e_server" not in request.fixturenames and "live_url" not in request.fixturenames:
        yield
        return
    server: E2EServer = request.getfixturevalue("e2e_server")
    start = server.log_size()
    yield
    new_log = server.log_tail(start)
    if "Traceback (most recent call last)" in new_log or "Internal Server Error" in new_log:
        pytest.fail(f"The server logged an error during this test:\n{new_log[-6000:]}")


@pytest.fixture(scope="session")
def _server_db_connection(_playwright, e2e_server: E2EServer) -> None:
    """Point this process's default database connection at the server's SQLite file."""
    from django.db import connections

    connection = connections["default"]
    connection.close()
    connection.settings_dict["NAME"] = str(e2e_server.db_path)


@pytest.fixture
def server_db(_playwright, _server_db_connection: None, django_db_blocker) -> Iterator[None]:
    """ORM access to the server's database (not rolled back: create unique data)."""
    with django_db_blocker.unblock():
        yield
    from django.db import connections

    connections["default"].close()


class Mailbox:
    """The e-mails the e2e server sent (Django's file-based backend)."""

    SEPARATOR = b"\n" + b"-" * 79 + b"\n"

    def __init__(self, path: Path) -> None:
        self.path = path

    def messages(self, *, to: str | None = None) -> list[email.message.EmailMessage]:
        """Every message sent so far, oldest first; only those to `to` when given."""
        found = []
        for file in sorted(self.path.glob("*.log"), key=lambda p: (p.stat().st_mtime, p.name)):
            for raw in file.read_bytes().split(self.SEPARATOR):
                if not raw.strip():
                    continue
                message = email.message_from_bytes(raw, policy=email.policy.default)
                if to is None or to.lower() in str(message.get("To", "")).lower():
                    found.append(message)
        return found

    def last_body(self, *, to: str) -> str:
        """The plain-text body of the latest message to `to`."""
        messages = self.messages(to=to)
        assert messages, f"No e-mail was sent to {to}"
        return messages[-1].get_body(preferencelist=("plain", "html")).get_content()

    @staticmethod
    def links(body: str) -> list[str]:
        return re.findall(r"https?://[^\s<>\"]+", body)


@pytest.fixture
def mailbox(e2e_server: E2EServer) -> Mailbox:
    return Mailbox(e2e_server.mail_dir)


@pytest.fixture(scope="session")
def _playwright():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) "
            "or set CHROMIUM_PATH.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread for the whole session;
    # Django's ORM (server_db, login) refuses to run beside one unless told it is safe here.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    yield playwright
    playwright.stop()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser(_playwright):
    browser = _playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture
def page(browser, live_url: str, request: pytest.FixtureRequest):
    """A fresh browser context (no cookies) and page; relative URLs go to live_url."""
    context = browser.new_context(
        base_url=live_url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)[-150:]
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception as exc:  # noqa: BLE001 - a screenshot must never hide the real failure
            print(f"screenshot failed: {exc}")  # noqa: T201
    context.close()


def axe_violations(page, *, context: str | dict | None = None) -> list[dict]:
    """Every axe-core violation on the page as it is now (optionally within `context`)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context, options={"resultTypes": ["violations"]})
    return results.response["violations"]


def axe_report(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:200]}")
            summary = node.get("failureSummary", "").replace("\n", "\n       ")
            lines.append(f"       {summary}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


@pytest.fixture
def axe_check() -> Callable[..., None]:
    """axe_check(page): assert no serious or critical axe-core violation on the page."""

    def check(page, *, context: str | dict | None = None, impacts=("serious", "critical")):
        violations = [v for v in axe_violations(page, context=context) if v["impact"] in impacts]
        assert not violations, axe_report(page.url, violations)

    return check


@pytest.fixture
def login(live_url: str, server_db: None) -> Callable:
    """login(page, username) -> user: the browser is then logged in as that staff account."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from tests.helpers import staff_login

    def _login(page, username: str):
        user_model = get_user_model()
        user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        client = staff_login(Client(), user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_url}]
        )
        return user

    return _login
