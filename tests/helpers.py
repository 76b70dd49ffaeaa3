"""Helpers shared by the test modules of every app."""

import threading

from django.test import Client

# The Django app labels of our own apps (the ones that hold data).
OUR_APP_LABELS = ("organisation", "accounts", "kennisbank", "scan", "cases", "monitoring")


def staff_login(client: Client, user) -> Client:
    """Log a staff user in the way the app requires: password and second factor.

    Gives the user a confirmed TOTP device and marks the session verified the way
    `django_otp.login` does, so RequireSecondFactorMiddleware lets the session through.
    """
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def run_parallel(n: int, work) -> list:
    """Run work(i) for i < n in n threads that start together; results or raised exceptions."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def run(i):
        from django.db import connections

        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as exc:  # noqa: BLE001  (collected and asserted on below)
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results
