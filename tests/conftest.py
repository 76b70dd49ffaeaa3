"""Shared fixtures; per-app factories live in tests/<app>/factories.py."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached roles must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language (Dutch), whatever an earlier test activated."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
