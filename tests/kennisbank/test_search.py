"""Site search at /zoeken/ finds every page type, filters by type, pages, and helps when nothing is found."""

import pytest

from tests.kennisbank.factories import (
    BestPracticePageFactory,
    EventPageFactory,
    NewsPageFactory,
    QuestionPageFactory,
    RegelingPageFactory,
    StandardPageFactory,
)
from tests.organisation.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def _titles(response) -> set[str]:
    return {r.title for r in response.context["results"] or []}


def test_search_finds_every_page_type(client):
    pages = [
        RegelingPageFactory(title="Kolibrie regeling"),
        QuestionPageFactory(title="Kolibrie vraag?"),
        BestPracticePageFactory(title="Kolibrie verhaal"),
        EventPageFactory(title="Kolibrie bijeenkomst"),
        NewsPageFactory(title="Kolibrie nieuws"),
        StandardPageFactory(title="Kolibrie pagina"),
    ]

    response = client.get("/zoeken/", {"q": "kolibrie"})

    assert response.status_code == 200
    assert _titles(response) == {p.title for p in pages}


def test_search_looks_in_the_text_not_only_the_title(client):
    RegelingPageFactory(title="Groeifonds", summary="Een lening voor zonnepanelen op uw dak.")

    assert _titles(client.get("/zoeken/", {"q": "zonnepanelen"})) == {"Groeifonds"}


def test_type_filter_limits_the_results(client):
    RegelingPageFactory(title="Kolibrie regeling")
    QuestionPageFactory(title="Kolibrie vraag?")

    response = client.get("/zoeken/", {"q": "kolibrie", "type": "vraag"})

    assert _titles(response) == {"Kolibrie vraag?"}


def test_results_are_paginated_and_keep_the_query(client):
    for n in range(12):
        NewsPageFactory(title=f"Kolibrie bericht {n}")

    first = client.get("/zoeken/", {"q": "kolibrie"})
    second = client.get("/zoeken/", {"q": "kolibrie", "pagina": "2"})

    assert len(first.context["results"]) == 10
    assert len(second.context["results"]) == 2
    assert "q=kolibrie&amp;pagina=2" in first.text


def test_no_results_page_gives_suggestions(client):
    ThemeFactory(slug="financiering", name="Financiering")

    response = client.get("/zoeken/", {"q": "xyzzyonbekend"})

    assert response.status_code == 200
    assert response.context["results"] in (None, [])
    assert "/regelingencheck/" in response.text
    assert "/gesprek-aanvragen/" in response.text
    assert "thema=financiering" in response.text


def test_drafts_are_not_found(client):
    RegelingPageFactory(title="Kolibrie geheim", live=False)

    assert _titles(client.get("/zoeken/", {"q": "kolibrie"})) == set()


def test_an_overlong_query_is_refused_at_the_field_and_kept(client):
    response = client.get("/zoeken/", {"q": "a" * 500})

    assert response.status_code == 200
    assert response.context["form"].errors["q"]
    assert 'aria-invalid="true"' in response.text


@pytest.mark.postgres_only
def test_dutch_full_text_search_matches_word_forms_on_postgresql(client, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
    }
    RegelingPageFactory(title="Subsidie", summary="Voor ondernemers die willen investeren.")

    response = client.get("/zoeken/", {"q": "ondernemer", "type": "regeling"})

    assert _titles(response) == {"Subsidie"}


def test_english_search_finds_english_pages_and_the_dutch_ones_not_yet_translated(client):
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    translated = RegelingPageFactory(title="Kolibrie fonds", slug="kolibrie-fonds")
    translated.get_parent().copy_for_translation(english, copy_parents=True)
    page = translated.copy_for_translation(english).specific
    page.title = "Kolibrie fund"
    page.save_revision().publish()
    QuestionPageFactory(title="Kolibrie vraag?")

    english_results = client.get("/en/zoeken/", {"q": "kolibrie"})
    dutch_results = client.get("/zoeken/", {"q": "kolibrie"})

    assert _titles(english_results) == {"Kolibrie fund", "Kolibrie vraag?"}
    html = english_results.content.decode()
    assert '<h3 class="utrecht-heading-3 mkb-card__title" lang="nl">' in html
    assert html.count("not yet translated, in Dutch") == 1
    assert _titles(dutch_results) == {"Kolibrie fonds", "Kolibrie vraag?"}
