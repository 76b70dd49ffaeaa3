"""The kennisbank demo content loads completely, and a second run changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Revision, Site

from kennisbank.models import (
    BestPracticePage,
    EventPage,
    HomePage,
    NewsPage,
    QuestionPage,
    RegelingPage,
    StandardPage,
)
from schakelteam.demo.loader import kennisbank_load, organisation_load

pytestmark = pytest.mark.django_db


def test_demo_content_is_complete_idempotent_and_served(client):
    organisation_load()
    kennisbank_load()
    revisions = Revision.objects.count()

    kennisbank_load()

    assert Revision.objects.count() == revisions
    nl = Locale.objects.get(language_code="nl")
    assert Site.objects.get(is_default_site=True).root_page.specific.__class__ is HomePage
    assert RegelingPage.objects.filter(locale=nl).count() >= 60
    assert QuestionPage.objects.filter(locale=nl).count() >= 10
    assert BestPracticePage.objects.filter(locale=nl).count() >= 4
    assert NewsPage.objects.filter(locale=nl).count() >= 3
    events = EventPage.objects.filter(locale=nl)
    assert events.count() == 12
    assert {e.gemeente.slug for e in events} == {
        "almere",
        "lelystad",
        "dronten",
        "zeewolde",
        "noordoostpolder",
        "urk",
    }
    assert (
        StandardPage.objects.filter(
            locale=nl, slug__in=["privacy", "toegankelijkheid", "contact"]
        ).count()
        == 3
    )
    flevoland = RegelingPage.objects.get(external_id="mkb-schakelteam-flevoland", locale=nl)
    assert flevoland.criteria.count() == 3
    assert (flevoland.size_min, flevoland.size_max) == (2, 10)
    assert flevoland.facts_checked_on.year == 2024
    for url in (
        "/",
        "/en/",
        "/regelingen/",
        "/en/regelingen/",
        "/bijeenkomsten/",
        "/partners/",
        "/en/privacy/",
    ):
        assert client.get(url).status_code == 200, url


def test_load_demo_command_includes_the_kennisbank():
    call_command("load_demo", stdout=None)

    assert HomePage.objects.filter(locale__language_code="en").exists()
