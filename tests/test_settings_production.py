"""Production settings refuse to start half-configured, and pass `check --deploy` when configured."""

import importlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
MODULE = "schakelteam.settings.production"
REAL_KEY = secrets.token_urlsafe(64)


def production_settings_load():
    sys.modules.pop(MODULE, None)
    try:
        return importlib.import_module(MODULE)
    finally:
        sys.modules.pop(MODULE, None)


@pytest.fixture
def production_env(monkeypatch):
    """A complete production environment; each test removes or spoils one part."""
    for name in ("DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SECRET_KEY", REAL_KEY)
    monkeypatch.setenv("ALLOWED_HOSTS", "mkb.example.org")
    return monkeypatch


def test_complete_environment_loads(production_env):
    settings = production_settings_load()

    assert settings.DEBUG is False
    assert settings.SECRET_KEY == REAL_KEY
    assert settings.ALLOWED_HOSTS == ["mkb.example.org"]
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE


def test_missing_secret_key_refuses_to_start(production_env):
    production_env.delenv("SECRET_KEY")

    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        production_settings_load()


@pytest.mark.parametrize(
    "key",
    [
        "short-but-secret",
        "dev-only-insecure-key-change-me" + "x" * 40,
        "django-insecure-" + "x" * 50,
        "test-secret-key-not-for-production" + "x" * 30,
    ],
)
def test_placeholder_or_short_secret_key_refuses_to_start(production_env, key):
    production_env.setenv("SECRET_KEY", key)

    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        production_settings_load()


def test_debug_on_refuses_to_start(production_env):
    production_env.setenv("DEBUG", "True")

    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        production_settings_load()


@pytest.mark.parametrize("hosts", [None, ""])
def test_missing_or_empty_allowed_hosts_refuses_to_start(production_env, hosts):
    if hosts is None:
        production_env.delenv("ALLOWED_HOSTS")
    else:
        production_env.setenv("ALLOWED_HOSTS", hosts)

    with pytest.raises(ImproperlyConfigured, match="ALLOWED_HOSTS"):
        production_settings_load()


def test_check_deploy_reports_no_warnings_with_a_proper_environment(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DEBUG", "SECURE_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE=MODULE,
        SECRET_KEY=REAL_KEY,
        ALLOWED_HOSTS="mkb.example.org",
        # Before the first migrate, as on a new server: the check must not need tables.
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
    )

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
