import pytest

from scan import selectors


@pytest.fixture(autouse=True)
def _no_cached_snapshots():
    """Each test builds its own definitions; ids may repeat across tests."""
    selectors._FROZEN_SNAPSHOTS.clear()
    selectors._TRANSLATED_SNAPSHOTS.clear()
    yield
    selectors._FROZEN_SNAPSHOTS.clear()
    selectors._TRANSLATED_SNAPSHOTS.clear()
