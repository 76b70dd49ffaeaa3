"""Pages translate to English, are served under /en/, and the language switcher leads to the translation."""

import pytest
from wagtail.models import Locale

from tests.kennisbank.factories import (
    RegelingIndexPageFactory,
    RegelingPageFactory,
    home_page_ensure,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def en():
    return Locale.objects.get(language_code="en")


def _translate(page, locale, **fields):
    translated = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()  # a changed slug updates url_path here
    translated.save_revision().publish()
    return translated


def test_an_english_translation_is_served_under_en(client, en):
    home = home_page_ensure()
    _translate(home, en, title="Small business team")
    regeling = RegelingPageFactory(slug="groeifonds", title="Groeifonds")
    _translate(regeling.get_parent(), en, title="Schemes")
    _translate(regeling, en, title="Growth fund", summary="A loan for growing companies.")

    home_response = client.get("/en/")
    response = client.get("/en/regelingen/groeifonds/")

    assert home_response.status_code == 200
    assert "Small business team" in home_response.text
    assert response.status_code == 200
    assert "Growth fund" in response.text
    assert '<html lang="en"' in response.text


def test_language_switcher_links_to_the_translated_page(client, en):
    _translate(home_page_ensure(), en, title="Home")
    regeling = RegelingPageFactory(slug="groeifonds")
    _translate(regeling.get_parent(), en, title="Schemes")
    english = _translate(regeling, en, title="Growth fund", slug="growth-fund")

    dutch_page = client.get("/regelingen/groeifonds/").text
    english_page = client.get("/en/regelingen/growth-fund/").text

    assert english.url == "/en/regelingen/growth-fund/"
    assert 'href="/en/regelingen/growth-fund/" hreflang="en"' in dutch_page
    assert 'href="/regelingen/groeifonds/" hreflang="nl"' in english_page


def test_without_a_translation_the_switcher_leads_to_the_english_home(client, en):
    _translate(home_page_ensure(), en, title="Home")
    RegelingPageFactory(slug="alleen-nederlands")

    text = client.get("/regelingen/alleen-nederlands/").text

    assert 'href="/en/" hreflang="en"' in text


def test_english_overview_lists_dutch_regelingen_with_translations_swapped_in(client, en):
    _translate(home_page_ensure(), en, title="Home")
    index = RegelingIndexPageFactory()
    _translate(index, en, title="Schemes")
    translated = RegelingPageFactory(title="Groeifonds")
    _translate(translated, en, title="Growth fund")
    RegelingPageFactory(title="Alleen Nederlands")

    response = client.get("/en/regelingen/")

    titles = {r.shown.title for r in response.context["regelingen"]}
    assert titles == {"Growth fund", "Alleen Nederlands"}
