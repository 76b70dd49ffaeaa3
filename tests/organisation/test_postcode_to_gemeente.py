"""A postcode leads to its gemeente; anything outside the known regions gives none."""

import pytest

from schakelteam.organisation.selectors import gemeente_for_postcode, postcode_normalise
from tests.organisation.factories import GemeenteFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1315ab", "1315 AB"),
        (" 8232 xz ", "8232 XZ"),
        ("0123 AB", None),
        ("1315 SS", None),
        ("<script>", None),
        ("", None),
    ],
)
def test_postcodes_are_normalised_or_refused(raw, expected):
    assert postcode_normalise(raw) == expected


def test_postcode_in_a_range_finds_its_gemeente():
    almere = GemeenteFactory()
    GemeenteFactory(slug="urk", name="Urk", postcode_ranges=[[8320, 8329]])

    assert gemeente_for_postcode("1315 AB") == almere
    assert gemeente_for_postcode("8321AA").slug == "urk"


def test_postcode_outside_every_region_finds_nothing():
    GemeenteFactory()

    assert gemeente_for_postcode("3511 AB") is None
