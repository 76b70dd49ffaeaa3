"""No query string, page number or filter value makes a kennisbank page answer 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.kennisbank.factories import (
    EventPageFactory,
    QuestionPageFactory,
    RegelingIndexPageFactory,
    RegelingPageFactory,
)

pytestmark = pytest.mark.django_db

HOSTILE = [
    "x" * 10_000,
    "' OR 1=1; DROP TABLE wagtailcore_page; --",
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "ünïcödé 🚀 مرحبا 中文",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "%00",
    'AND "fts" MATCH * NEAR(',
    "*",
    '"',
    "()",
]
PARAMS = ["thema", "soort", "niveau", "gemeente", "open", "pagina", "q", "type", "verleden"]


@pytest.fixture
def pages():
    RegelingIndexPageFactory()
    RegelingPageFactory(title="Groeiregeling")
    QuestionPageFactory(title="Wat is een regeling?")
    EventPageFactory(title="Ontbijt")


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("url", ["/regelingen/", "/zoeken/", "/vragen/", "/bijeenkomsten/", "/"])
def test_hostile_values_in_every_parameter_never_give_a_server_error(client, pages, url, value):
    query = dict.fromkeys(PARAMS, value)

    response = client.get(url, query)

    assert response.status_code == 200
    assert "<script>alert" not in response.text


def test_repeated_parameters_and_nul_bytes_are_handled(client, pages):
    response = client.get("/regelingen/?soort=lening&soort=subsidie&thema=%00&pagina=-5")
    assert response.status_code == 200
    response = client.get("/zoeken/?q=regel%00ing&q=x")
    assert response.status_code == 200


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_any_search_text_gives_a_page(client, pages, text):
    response = client.get("/zoeken/", {"q": text.replace("\x00", ""), "pagina": text[:20]})

    assert response.status_code == 200


@pytest.mark.parametrize(
    "text", ["AND", "OR NOT", "NEAR(a b)", 'a"b', "x*", "a:b", "^begin", "{a b}"]
)
def test_full_text_operators_in_a_search_are_plain_words(client, pages, text):
    assert client.get("/zoeken/", {"q": text}).status_code == 200
