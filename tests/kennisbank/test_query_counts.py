"""Home, the regeling overview (60+ regelingen) and a regeling page render in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kennisbank.models import RegelingIndexPage
from tests.kennisbank.factories import (
    EventPageFactory,
    NewsPageFactory,
    RegelingIndexPageFactory,
    RegelingPageFactory,
    home_page_ensure,
)
from tests.organisation.factories import GemeenteFactory, ThemeFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 25


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _regelingen(count: int, themes, gemeente) -> None:
    for _ in range(count):
        regeling = RegelingPageFactory(themes=themes, gemeenten=[gemeente])
        regeling.criteria.create(fact="medewerkers", operator="lte", value=10)


@pytest.fixture
def content():
    home_page_ensure()
    RegelingIndexPageFactory()
    themes = [ThemeFactory(slug="financiering"), ThemeFactory(slug="innovatie")]
    gemeente = GemeenteFactory()
    for _ in range(3):
        EventPageFactory()
        NewsPageFactory()
    return themes, gemeente


def test_overview_queries_do_not_grow_with_the_number_of_regelingen(
    client, content, django_assert_max_num_queries
):
    _regelingen(5, *content)
    client.get("/regelingen/")  # warm the site-root cache, as on a running server
    few = _queries(client, "/regelingen/?thema=financiering")

    _regelingen(60, *content)
    with django_assert_max_num_queries(MAX_QUERIES):
        many = _queries(client, "/regelingen/?thema=financiering&pagina=2")

    assert many == few


def test_regeling_page_and_home_queries_are_bounded(client, content, django_assert_max_num_queries):
    _regelingen(3, *content)
    regeling = RegelingPageFactory(themes=content[0], gemeenten=[content[1]])
    for n in range(5):
        regeling.criteria.create(fact="medewerkers", operator="gte", value=n)
    client.get("/")

    with django_assert_max_num_queries(MAX_QUERIES):
        page = _queries(client, regeling.url)
    with django_assert_max_num_queries(MAX_QUERIES):
        home = _queries(client, "/")
    _regelingen(20, *content)

    assert _queries(client, regeling.url) == page
    assert _queries(client, "/") == home


def test_english_overview_stays_bounded(client, content, django_assert_max_num_queries):
    from wagtail.models import Locale

    en = Locale.objects.get(language_code="en")
    home = home_page_ensure()
    home.copy_for_translation(en).save_revision().publish()
    index = home.get_children().type(RegelingIndexPage).first().specific
    index.copy_for_translation(en).save_revision().publish()
    _regelingen(25, *content)
    client.get("/en/")

    with django_assert_max_num_queries(MAX_QUERIES + 5):
        response = client.get("/en/regelingen/")

    assert response.status_code == 200
