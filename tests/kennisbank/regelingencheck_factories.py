"""Regelingen with criteria for the regelingencheck tests."""

import pytest
from wagtail.models import Page

from kennisbank.models import HomePage, RegelingCriterion
from tests.kennisbank.factories import RegelingPageFactory


@pytest.fixture
def site_ready(db):
    """Wagtail's own welcome page takes the 'home' slug; our home page replaces it."""
    Page.objects.filter(depth=2).not_type(HomePage).delete()


def regeling_make(*criteria: dict, themes=(), **kwargs):
    """A live regeling with the given criteria (dicts of RegelingCriterion fields)."""
    page = RegelingPageFactory(**kwargs)
    for theme in themes:
        page.themes.add(theme)
    if themes:
        page.save()
    for order, fields in enumerate(criteria):
        RegelingCriterion.objects.create(page=page, sort_order=order, **fields)
    return page
