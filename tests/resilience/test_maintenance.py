"""Database or Redis unreachable: a clear 503 maintenance page (never a stack trace) that goes
away by itself when the database is back; a dead Redis only costs cache misses."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client, override_settings

from schakelteam.accounts.roles import Role
from tests.helpers import staff_login
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db


def database_down(error=OperationalError):
    """Every new cursor fails, as when PostgreSQL is stopped or the network is gone."""
    return mock.patch.object(
        BaseDatabaseWrapper, "cursor", side_effect=error("could not connect to server")
    )


def assert_maintenance(response):
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    html = response.content.decode()
    assert "niet beschikbaar" in html and "Traceback" not in html
    assert "Content-Security-Policy" in response
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_public_page_answers_503_while_the_database_is_down_and_recovers(error):
    client = Client(raise_request_exception=False)
    with database_down(error):
        assert_maintenance(client.get("/bedrijfsscan/"))
        assert_maintenance(client.get("/"))
    assert client.get("/inloggen/").status_code == 200


def test_a_staff_page_answers_503_when_the_database_fails_in_middleware():
    client = Client(raise_request_exception=False)
    staff_login(client, UserFactory(role=Role.COORDINATOR))
    with database_down():
        # The user is loaded by middleware, before any view: still a 503, not a 500.
        assert_maintenance(client.get("/werkplek/toegangslog/"))
    assert client.get("/werkplek/toegangslog/").status_code == 200


def test_a_login_post_answers_503_while_the_database_is_down():
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.post("/inloggen/", {"username": "a", "password": "b"})
    assert_maintenance(response)


def test_the_maintenance_page_renders_without_the_database():
    from schakelteam.middleware import maintenance_response

    with database_down():
        assert maintenance_response().status_code == 503


DEAD_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
    }
}


@override_settings(CACHES=DEAD_REDIS)
def test_a_dead_redis_does_not_break_pages_or_sessions():
    from django.core.cache import cache

    assert cache.get("anything") is None  # no exception
    client = Client(raise_request_exception=False)
    user = UserFactory(role=Role.ADVISOR)
    response = client.post(
        "/inloggen/", {"username": user.username, "password": "een-lang-wachtwoord-42"}
    )
    assert response.status_code == 302  # session saved in the database instead
    assert client.get(response["Location"]).status_code == 200


def test_production_configuration_ignores_redis_errors(monkeypatch):
    import importlib

    import schakelteam.settings.base as base

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    try:
        reloaded = importlib.reload(base)
        assert reloaded.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"
        assert reloaded.CACHES["default"]["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    finally:
        monkeypatch.delenv("REDIS_URL")
        importlib.reload(base)
