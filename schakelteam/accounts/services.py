"""Second factor for staff: TOTP enrolment, verification, recovery codes, admin reset."""

import base64
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.urls import reverse
from django_otp import devices_for_user, user_has_device, verify_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .audit import security_event_record
from .models import SecurityAction
from .policy import allows

logger = logging.getLogger("schakelteam.security")

RECOVERY_DEVICE_NAME = "recovery"
TOTP_DEVICE_NAME = "authenticator"


class SecondFactorError(Exception):
    """The code was wrong, already used or throttled."""


def second_factor_enrolled(user: AbstractBaseUser) -> bool:
    return user_has_device(user, confirmed=True)


def totp_device_pending(*, user: AbstractBaseUser) -> TOTPDevice:
    """The unconfirmed authenticator the user is setting up (created once, then reused)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def totp_secret(device: TOTPDevice) -> str:
    """The secret as base32 text, for typing it into an authenticator app."""
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


@transaction.atomic
def recovery_codes_regenerate(*, user: AbstractBaseUser) -> list[str]:
    """Replace the user's recovery codes by SCHAKELTEAM_RECOVERY_CODES new single-use ones."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.SCHAKELTEAM_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def totp_enrol_confirm(*, user: AbstractBaseUser, token: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the pending authenticator with a first code; returns it and fresh recovery codes."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(token):
        raise SecondFactorError("invalid")
    device.confirmed = True
    device.save()
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    codes = recovery_codes_regenerate(user=user)
    security_event_record(actor=user, subject=user, action=SecurityAction.ENROLLED)
    return device, codes


def second_factor_verify(*, user: AbstractBaseUser, token: str) -> Device:
    """The confirmed device (authenticator or recovery code) that accepts `token`."""
    token = (token or "").strip().replace(" ", "")
    if not token or len(token) > 32:
        raise SecondFactorError("invalid")
    for device in list(devices_for_user(user, confirmed=True)):
        verified = verify_token(user, device.persistent_id, token)
        if verified is not None:
            if isinstance(verified, StaticDevice):
                security_event_record(
                    actor=user, subject=user, action=SecurityAction.RECOVERY_CODE_USED
                )
            return verified
    raise SecondFactorError("invalid")


@transaction.atomic
def second_factor_reset(*, actor: AbstractBaseUser, user: AbstractBaseUser) -> int:
    """Admin only: remove every device of `user`; they enrol again on next login. Logged."""
    if not allows(actor, "security.manage"):
        raise PermissionError("Only admins may reset a second factor.")
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        removed += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    security_event_record(actor=actor, subject=user, action=SecurityAction.DEVICE_RESET)
    logger.warning("Second factor of user %s reset by admin %s", user.pk, actor.pk)
    return removed


def second_factor_url(user, *, next_url: str = "") -> str:
    name = "verify" if second_factor_enrolled(user) else "enrol"
    url = reverse(f"staff_auth:{name}")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url
