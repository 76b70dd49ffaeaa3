"""Hostile input to the staff login and second-factor forms: never a 500, never a session."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schakelteam.accounts.roles import Role
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.sampled_from(["\x00", "\u202e", "\u200f", "😀", "'", '"', "<", "%"])),
    st.just("a" * 10_000),
    st.just("\x00"),
    st.just("admin\x00"),
)
FIELD = st.one_of(HOSTILE, st.lists(HOSTILE, max_size=3), st.integers().map(str), st.none())


def post_data(username, password, extra):
    data = {"username": username, "password": password, **extra}
    return {k: v for k, v in data.items() if v is not None}  # None = key missing


LOGIN_EXAMPLES = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}


def check_login(username, password, extra):
    client = Client(raise_request_exception=False)
    response = client.post("/inloggen/", post_data(username, password, extra))
    assert response.status_code in (200, 429), response.status_code
    assert "_auth_user_id" not in client.session


def check_second_factor(user, token):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    data = {} if token is None else {"otp_token": token}
    response = client.post("/inloggen/verificatie/", data)
    assert response.status_code == 200, response.status_code
    assert not client.session.get("otp_device_id")


EXTRA = st.dictionaries(st.sampled_from(["next", "csrfmiddlewaretoken", "x\x00"]), HOSTILE)


@settings(max_examples=100, **LOGIN_EXAMPLES)
@given(username=FIELD, password=FIELD, extra=EXTRA)
def test_hostile_login_input_never_errors_or_logs_in(username, password, extra):
    check_login(username, password, extra)


@pytest.mark.fuzz
@settings(max_examples=1000, **LOGIN_EXAMPLES)
@given(username=FIELD, password=FIELD, extra=EXTRA)
def test_hostile_login_input_never_errors_or_logs_in_long_run(username, password, extra):
    check_login(username, password, extra)


@pytest.fixture
def enrolled_user():
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = UserFactory(role=Role.ADVISOR)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user


@settings(max_examples=100, **LOGIN_EXAMPLES)
@given(token=FIELD)
def test_hostile_second_factor_input_never_errors_or_verifies(enrolled_user, token):
    check_second_factor(enrolled_user, token)


@pytest.mark.fuzz
@settings(max_examples=1000, **LOGIN_EXAMPLES)
@given(token=FIELD)
def test_hostile_second_factor_input_never_errors_or_verifies_long_run(enrolled_user, token):
    check_second_factor(enrolled_user, token)
