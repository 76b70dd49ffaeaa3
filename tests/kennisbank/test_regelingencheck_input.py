"""Tampered outcome URLs (unknown fact, wrong type, huge numbers, unicode, NUL, missing) give a
form error and never a 500; the result page's query count does not grow with the regelingen."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kennisbank.facts import FACTS
from tests.kennisbank.regelingencheck_factories import regeling_make, site_ready  # noqa: F401
from tests.organisation.factories import GemeenteFactory, ThemeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_ready")]

URL = "/regelingencheck/"


@pytest.fixture
def criteria_on_every_fact():
    GemeenteFactory(slug="almere", name="Almere")
    ThemeFactory(slug="innovatie")
    regeling_make(
        {"fact": "medewerkers", "operator": "between", "value": [2, 10]},
        {"fact": "omzet", "operator": "lte", "value": 2_000_000},
        {"fact": "rechtsvorm", "operator": "ne", "value": "stichting"},
        {"fact": "sector_sbi", "operator": "in", "value": ["C", "F"]},
        {"fact": "gemeente", "operator": "eq", "value": "almere"},
        {"fact": "thema_behoefte", "operator": "eq", "value": "innovatie", "knockout": False},
        {"fact": "bedrijfsleeftijd_jaren", "operator": "gte", "value": 1},
        title="Alles",
    )


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"medewerkers": "veel"}, "medewerkers"),
        ({"medewerkers": "9" * 40}, "medewerkers"),
        ({"medewerkers": "10-2"}, "medewerkers"),
        ({"medewerkers": "-5"}, "medewerkers"),
        ({"omzet": "1e9"}, "omzet"),
        ({"omzet": "9" * 20}, "omzet"),
        ({"rechtsvorm": "bvba"}, "rechtsvorm"),
        ({"sector_sbi": "Ω"}, "sector_sbi"),
        ({"gemeente": "atlantis"}, "gemeente"),
        ({"thema_behoefte": "geen-thema"}, "thema_behoefte"),
        ({"medewerkers": "4\x00"}, "medewerkers"),
        ({"rechtsvorm": "x" * 10_000}, "rechtsvorm"),
        ({"onbekend": "1"}, "__all__"),
        ({"medewerkers": "4", "<script>": "x"}, "__all__"),
    ],
)
def test_a_tampered_parameter_is_a_form_error_at_its_question(
    client, criteria_on_every_fact, params, field
):
    response = client.get(URL, params)

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert "result" not in response.context


def test_missing_answers_are_not_an_error_but_maybe(client, criteria_on_every_fact):
    response = client.get(URL, {"past_niet": "on"})

    assert response.status_code == 200
    assert [m.regeling.title for m in response.context["result"].maybe] == ["Alles"]


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    params=st.dictionaries(
        st.sampled_from([*FACTS, "past_niet", "scan", "x"]) | st.text(max_size=12),
        st.text(max_size=60) | st.integers().map(str),
        max_size=6,
    )
)
def test_no_combination_of_parameters_gives_a_server_error(client, criteria_on_every_fact, params):
    response = client.get(URL, params)

    assert response.status_code in {200, 400}


def test_the_result_page_query_count_does_not_grow_with_the_regelingen(client):
    GemeenteFactory(slug="almere", name="Almere")
    theme = ThemeFactory(slug="innovatie")
    params = {"medewerkers": "4", "gemeente": "almere", "thema_behoefte": "innovatie"}

    def make(start, n):
        for i in range(start, start + n):
            regeling_make(
                {"fact": "medewerkers", "operator": "lte", "value": 10},
                {"fact": "gemeente", "operator": "eq", "value": "almere"},
                themes=[theme],
                title=f"R{i}",
                size_min=1,
                sectors=["C"],
            )

    make(0, 2)
    client.get(URL, params)  # warm the site root cache
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL, params).status_code == 200
    make(2, 8)
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL, params)

    assert len(response.context["result"]) == 10
    assert len(many) == len(few)
    assert len(many) <= 15
