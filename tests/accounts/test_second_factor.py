"""Staff log in with password and TOTP; a password-only session reaches no staff URL by any path."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakelteam.accounts.models import SecurityAction, StaffSecurityEvent
from schakelteam.accounts.roles import Role
from tests.helpers import staff_login
from tests.helpers_urls import staff_paths
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-42"
STAFF_ROLES = [
    Role.EDITOR,
    Role.MODERATOR,
    Role.ADVISOR,
    Role.COORDINATOR,
    Role.PROJECTLEIDER,
    Role.PARTNER_CONTACT,
]


def make_user(role: Role):
    if role == Role.ADMIN:
        return UserFactory(superuser=True)
    return UserFactory(role=role)


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def password_step(client, user, next_url="/werkplek/"):
    return client.post(
        reverse("staff_auth:login"),
        {"username": user.username, "password": PASSWORD, "next": next_url},
    )


def test_first_login_enrols_a_totp_device_and_shows_ten_recovery_codes(client):
    user = make_user(Role.ADVISOR)
    response = password_step(client, user)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff_auth:enrol"))

    page = client.get(response["Location"])
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert page.context["secret"] in page.content.decode()
    assert "otpauth://totp/" in page.content.decode()

    done = client.post(reverse("staff_auth:enrol"), {"otp_token": current_code(device)})
    assert done.status_code == 200
    assert len(done.context["codes"]) == 10
    assert StaticToken.objects.filter(device__user=user).count() == 10
    assert client.get("/werkplek/beveiliging/herstelcodes/").status_code == 405  # verified now
    assert StaffSecurityEvent.objects.filter(action=SecurityAction.ENROLLED).count() == 1


def test_a_wrong_enrolment_code_keeps_the_device_unconfirmed(client):
    user = make_user(Role.EDITOR)
    password_step(client, user)
    client.get(reverse("staff_auth:enrol"))
    response = client.post(reverse("staff_auth:enrol"), {"otp_token": "000000x"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_an_enrolled_user_logs_in_with_a_totp_code_and_lands_on_next(client):
    user = make_user(Role.COORDINATOR)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    response = password_step(client, user, next_url="/werkplek/toegangslog/")
    assert response["Location"].startswith(reverse("staff_auth:verify"))
    assert client.get("/werkplek/toegangslog/").status_code == 302

    done = client.post(
        reverse("staff_auth:verify"),
        {"otp_token": current_code(device), "next": "/werkplek/toegangslog/"},
    )
    assert done.status_code == 302
    assert done["Location"] == "/werkplek/toegangslog/"
    assert client.get("/werkplek/toegangslog/").status_code == 200


def test_login_rotates_the_session_key(client):
    user = make_user(Role.COORDINATOR)
    client.get(reverse("staff_auth:login"))
    client.session.save()
    before = client.session.session_key
    password_step(client, user)
    assert client.session.session_key != before


def test_a_recovery_code_works_once(client):
    user = make_user(Role.ADVISOR)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    from schakelteam.accounts.services import recovery_codes_regenerate

    code = recovery_codes_regenerate(user=user)[0]
    password_step(client, user)
    assert client.post(reverse("staff_auth:verify"), {"otp_token": code}).status_code == 302
    assert client.get("/werkplek/toegangslog/").status_code == 403  # verified, but no role access

    client.post(reverse("staff_auth:logout"))
    password_step(client, user)
    again = client.post(reverse("staff_auth:verify"), {"otp_token": code})
    assert again.status_code == 200
    assert again.context["form"].errors


def test_an_open_redirect_in_next_is_ignored(client):
    user = make_user(Role.ADVISOR)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    password_step(client, user, next_url="https://evil.example/")
    done = client.post(
        reverse("staff_auth:verify"),
        {"otp_token": current_code(device), "next": "https://evil.example/"},
    )
    assert done["Location"] == "/werkplek/"


def test_admin_login_pages_send_staff_to_the_one_login(client):
    assert client.get("/admin/login/")["Location"].startswith("/inloggen/")
    assert client.get("/django-admin/login/?next=/django-admin/")["Location"] == (
        "/inloggen/?next=/django-admin/"
    )
    assert client.get("/admin/")["Location"].startswith("/inloggen/")


def test_logout_needs_a_post(client):
    user = make_user(Role.ADVISOR)
    staff_login(client, user)
    client.get(reverse("staff_auth:logout"))
    assert "_auth_user_id" in client.session
    client.post(reverse("staff_auth:logout"))
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("role", [*STAFF_ROLES, Role.ADMIN])
def test_a_password_only_session_reaches_no_staff_url(client, role):
    user = make_user(role)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client.force_login(user)  # password passed, second factor not
    paths = staff_paths()
    assert len(paths) > 100  # the resolver really was walked
    leaks = []
    # Every path by GET for every role; POST (a different code path in many views) for admin.
    methods = (client.get, client.post) if role == Role.ADMIN else (client.get,)
    for path in paths:
        for method in methods:
            response = method(path)
            location = response.get("Location", "")
            if response.status_code != 302 or not location.startswith("/inloggen/verificatie/"):
                leaks.append((method.__name__, path, response.status_code, location))
    assert leaks == []


@pytest.mark.parametrize("role", [Role.ADVISOR, Role.ADMIN])
def test_a_password_only_session_without_device_is_sent_to_enrolment(client, role):
    user = make_user(role)
    client.force_login(user)
    for path in ("/werkplek/", "/admin/pages/", "/admin/snippets/", "/django-admin/", "/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/inloggen/koppelen/"), path


def test_public_pages_and_login_steps_stay_open_for_an_unverified_user_without_role(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/.well-known/security.txt").status_code == 200
    assert client.get("/inloggen/").status_code == 200


def test_staff_login_helper_satisfies_the_second_factor(client):
    user = make_user(Role.COORDINATOR)
    staff_login(client, user)
    assert client.get("/werkplek/toegangslog/").status_code == 200


def test_only_an_admin_resets_a_second_factor_and_it_is_logged(client):
    target = make_user(Role.ADVISOR)
    TOTPDevice.objects.create(user=target, name="phone", confirmed=True)
    coordinator = make_user(Role.COORDINATOR)
    staff_login(client, coordinator)
    data = {"user_id": target.pk, "action": "reset_second_factor"}
    assert client.post("/werkplek/beveiliging/", data).status_code == 403
    assert TOTPDevice.objects.filter(user=target).exists()

    admin = make_user(Role.ADMIN)
    staff_login(client, admin)
    assert client.post("/werkplek/beveiliging/", data).status_code == 302
    assert not TOTPDevice.objects.filter(user=target).exists()
    event = StaffSecurityEvent.objects.get(action=SecurityAction.DEVICE_RESET)
    assert (event.actor_label, event.subject_label) == (admin.username, target.username)


def test_a_reset_device_ends_the_verified_state_of_the_users_session(client):
    user = make_user(Role.COORDINATOR)
    staff_login(client, user)
    assert client.get("/werkplek/toegangslog/").status_code == 200
    TOTPDevice.objects.filter(user=user).delete()
    response = client.get("/werkplek/toegangslog/")
    assert response["Location"].startswith("/inloggen/koppelen/")


def test_an_admin_sees_every_staff_account_with_its_second_factor_state(client):
    enrolled = make_user(Role.ADVISOR)
    TOTPDevice.objects.create(user=enrolled, name="phone", confirmed=True)
    pending = make_user(Role.EDITOR)
    staff_login(client, make_user(Role.ADMIN))
    response = client.get("/werkplek/beveiliging/")
    assert response.status_code == 200
    states = {user.username: state for user, state in response.context["accounts"]}
    assert states[enrolled.username] is True
    assert states[pending.username] is False


def test_renewing_recovery_codes_voids_the_old_ones(client):
    from schakelteam.accounts.services import recovery_codes_regenerate

    user = make_user(Role.ADVISOR)
    old = recovery_codes_regenerate(user=user)
    staff_login(client, user)
    response = client.post("/werkplek/beveiliging/herstelcodes/")
    new = response.context["codes"]
    assert len(new) == 10 and not set(old) & set(new)
    assert set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True)) == (
        set(new)
    )
    assert StaffSecurityEvent.objects.filter(action=SecurityAction.RECOVERY_CODES_RENEWED).exists()
