"""Brute force: 5 failed logins per username+IP lock that pair out, with a clear page, until
the cool-off passes or an admin lifts the block; unknown usernames get the same answers."""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from schakelteam.accounts.models import SecurityAction, StaffSecurityEvent
from schakelteam.accounts.roles import Role
from tests.helpers import staff_login
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-42"
WRONG = "fout-wachtwoord"


def attempt(client, username, password=WRONG, ip="10.0.0.1"):
    return client.post(
        reverse("staff_auth:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def fail_five_times(client, username, ip="10.0.0.1"):
    responses = [attempt(client, username, ip=ip) for _ in range(settings.AXES_FAILURE_LIMIT)]
    return responses


def test_the_fifth_failure_locks_out_with_a_readable_429_page(client):
    user = UserFactory(role=Role.ADVISOR)
    responses = fail_five_times(client, user.username)
    assert [r.status_code for r in responses[:4]] == [200] * 4
    assert responses[4].status_code == 429
    assert "accounts/auth/lockout.html" in [t.name for t in responses[4].templates]
    # Even the right password is refused while locked.
    assert attempt(client, user.username, PASSWORD).status_code == 429


def test_the_lockout_is_per_username_and_ip(client):
    user = UserFactory(role=Role.ADVISOR)
    fail_five_times(client, user.username, ip="10.0.0.1")
    assert attempt(client, user.username, PASSWORD, ip="10.0.0.2").status_code == 302
    other = UserFactory(role=Role.ADVISOR)
    assert attempt(client, other.username, PASSWORD, ip="10.0.0.1").status_code == 302


def test_unknown_and_known_usernames_get_the_same_answers(client):
    user = UserFactory(role=Role.ADVISOR)
    known = fail_five_times(client, user.username)
    unknown = fail_five_times(client, "niemand-bekend")
    assert [r.status_code for r in known] == [r.status_code for r in unknown]
    assert known[0].context["form"].errors == unknown[0].context["form"].errors
    assert main_text(known[4]) == main_text(unknown[4])


def main_text(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_an_inactive_account_gets_the_same_error_as_a_wrong_password(client):
    user = UserFactory(role=Role.ADVISOR, is_active=False)
    inactive = attempt(client, user.username, PASSWORD)
    wrong = attempt(client, "niemand-bekend")
    assert inactive.context["form"].errors == wrong.context["form"].errors


def test_the_lockout_releases_after_the_cool_off(client):
    """The block lasts AXES_COOLOFF_TIME after the last attempt (a try while locked restarts it)."""
    user = UserFactory(role=Role.ADVISOR)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fail_five_times(client, user.username)
        assert attempt(client, user.username, PASSWORD).status_code == 429
    probe = start + settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    with time_machine.travel(probe, tick=False):
        assert attempt(client, user.username, PASSWORD).status_code == 429
    with time_machine.travel(probe + settings.AXES_COOLOFF_TIME + timedelta(minutes=1), tick=False):
        assert attempt(client, user.username, PASSWORD).status_code == 302


def test_an_admin_lifts_the_block_and_it_is_logged(client):
    user = UserFactory(role=Role.ADVISOR)
    fail_five_times(client, user.username)
    admin_client = client.__class__()
    admin = UserFactory(superuser=True)
    staff_login(admin_client, admin)
    response = admin_client.post("/werkplek/beveiliging/", {"user_id": user.pk, "action": "unlock"})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username=user.username).exists()
    assert StaffSecurityEvent.objects.filter(action=SecurityAction.UNLOCKED).exists()
    assert attempt(client, user.username, PASSWORD).status_code == 302


def test_the_axes_reset_command_lifts_the_block(client):
    user = UserFactory(role=Role.ADVISOR)
    fail_five_times(client, user.username)
    call_command("axes_reset_username", user.username)
    assert attempt(client, user.username, PASSWORD).status_code == 302


def test_password_validators_refuse_a_common_password():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("password1234")
    with pytest.raises(ValidationError):
        validate_password("kort")
    validate_password("paars-konijn-fietst-7-bergen")


def test_behind_a_trusted_proxy_the_forwarded_address_counts(rf, settings):
    from schakelteam.security import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.7", REMOTE_ADDR="10.0.0.8")
    settings.SCHAKELTEAM_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.8"  # no proxy configured: the header is ignored
    settings.SCHAKELTEAM_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "10.0.0.7"
    settings.SCHAKELTEAM_TRUSTED_PROXY_COUNT = 2
    assert client_ip(request) == "203.0.113.9"


def test_an_overlong_username_is_refused_at_the_field_before_anything_is_logged(client):
    from axes.models import AccessAttempt

    response = client.post("/inloggen/", {"username": "a" * 300, "password": "x"})

    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert not AccessAttempt.objects.exists()
