"""Staff sessions: 15 minutes idle and 8 hours absolute (settings), a notice of when the session
ends, safe cookies, and a password change ends every other session."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone

from schakelteam.accounts.roles import Role
from tests.helpers import staff_login
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE = "/werkplek/toegangslog/"


def logged_out(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_an_idle_staff_session_ends_after_the_idle_limit():
    idle = timedelta(minutes=settings.SCHAKELTEAM_STAFF_IDLE_MINUTES)
    start = timezone.now()
    client = Client()
    with time_machine.travel(start, tick=False) as clock:
        staff_login(client, UserFactory(role=Role.COORDINATOR))
        assert client.get(PAGE).status_code == 200
        clock.shift(idle - timedelta(minutes=1))
        assert client.get(PAGE).status_code == 200  # activity extends the session
        clock.shift(idle - timedelta(minutes=1))
        assert client.get(PAGE).status_code == 200
        clock.shift(idle + timedelta(seconds=1))
        response = client.get(PAGE)
        assert logged_out(response)
        assert "verlopen=1" in response["Location"]
        assert "_auth_user_id" not in client.session


def test_an_active_staff_session_ends_after_the_absolute_limit():
    start = timezone.now()
    client = Client()
    with time_machine.travel(start, tick=False) as clock:
        staff_login(client, UserFactory(role=Role.COORDINATOR))
        assert client.get(PAGE).status_code == 200
        steps = settings.SCHAKELTEAM_STAFF_MAX_HOURS * 6
        for _ in range(steps - 1):  # a request every 10 minutes, never idle
            clock.shift(timedelta(minutes=10))
            assert client.get(PAGE).status_code == 200
        clock.shift(timedelta(minutes=10, seconds=1))
        assert logged_out(client.get(PAGE))


def test_staff_pages_say_when_the_session_ends(client):
    staff_login(client, UserFactory(role=Role.COORDINATOR))
    html = client.get(PAGE).content.decode()
    assert 'data-testid="session-notice"' in html
    ends = timezone.localtime(
        timezone.now() + timedelta(minutes=settings.SCHAKELTEAM_STAFF_IDLE_MINUTES)
    )
    assert ends.strftime("%H:%M") in html or (ends - timedelta(minutes=1)).strftime("%H:%M") in html


def test_session_cookies_are_httponly_and_samesite(client):
    user = UserFactory(role=Role.ADVISOR)
    response = client.post(
        "/inloggen/", {"username": user.username, "password": "een-lang-wachtwoord-42"}
    )
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"


def test_a_password_change_ends_every_other_session():
    user = UserFactory(role=Role.COORDINATOR)
    first, second = Client(), Client()
    staff_login(first, user)
    staff_login(second, user)
    assert second.get(PAGE).status_code == 200
    user.set_password("een-heel-ander-wachtwoord-99")
    user.save()
    assert logged_out(second.get(PAGE))
    assert logged_out(first.get(PAGE))
