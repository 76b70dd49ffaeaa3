"""Shared fixtures; per-app factories live in tests/<app>/factories.py."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached roles must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
