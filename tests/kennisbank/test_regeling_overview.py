"""The regeling overview filters by theme, kind, level, gemeente and "open now" through shareable GET URLs."""

import datetime

import pytest

from kennisbank.constants import RegelingKind, RegelingLevel
from tests.kennisbank.factories import RegelingIndexPageFactory, RegelingPageFactory
from tests.organisation.factories import GemeenteFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return RegelingIndexPageFactory()


def _titles(response) -> set[str]:
    return {r.shown.title for r in response.context["regelingen"]}


def test_theme_filter_shows_only_regelingen_with_that_theme(client, index):
    finance = ThemeFactory(slug="financiering", name="Financiering")
    RegelingPageFactory(title="Lening", themes=[finance])
    RegelingPageFactory(title="Cursus")

    response = client.get("/regelingen/?thema=financiering")

    assert _titles(response) == {"Lening"}


def test_kind_filter(client, index):
    RegelingPageFactory(title="Lening", kind=RegelingKind.LENING)
    RegelingPageFactory(title="Subsidie", kind=RegelingKind.SUBSIDIE)

    assert _titles(client.get("/regelingen/?soort=lening")) == {"Lening"}


def test_level_filter(client, index):
    RegelingPageFactory(title="Landelijk", level=RegelingLevel.NATIONAAL)
    RegelingPageFactory(title="Provinciaal", level=RegelingLevel.PROVINCIAAL)

    assert _titles(client.get("/regelingen/?niveau=nationaal")) == {"Landelijk"}


def test_gemeente_filter_shows_listed_and_nationwide_regelingen(client, index):
    almere = GemeenteFactory(slug="almere", name="Almere")
    urk = GemeenteFactory(slug="urk", name="Urk", postcode_ranges=[[8320, 8323]])
    RegelingPageFactory(title="Almeerse regeling", level="gemeentelijk", gemeenten=[almere])
    RegelingPageFactory(title="Urker regeling", level="gemeentelijk", gemeenten=[urk])
    RegelingPageFactory(title="Landelijke regeling", level=RegelingLevel.NATIONAAL)
    RegelingPageFactory(title="Regionaal elders", level=RegelingLevel.REGIONAAL)

    assert _titles(client.get("/regelingen/?gemeente=almere")) == {
        "Almeerse regeling",
        "Landelijke regeling",
    }


def test_open_now_filter_hides_closed_and_future_regelingen(client, index):
    today = datetime.date.today()
    RegelingPageFactory(title="Open", opens_on=None, closes_on=None)
    RegelingPageFactory(title="Gesloten", closes_on=today - datetime.timedelta(days=1))
    RegelingPageFactory(title="Toekomst", opens_on=today + datetime.timedelta(days=1))

    assert _titles(client.get("/regelingen/?open=on")) == {"Open"}
    assert _titles(client.get("/regelingen/")) == {"Open", "Gesloten", "Toekomst"}


def test_filters_combine_and_survive_paging(client, index):
    finance = ThemeFactory(slug="financiering", name="Financiering")
    for n in range(25):
        RegelingPageFactory(title=f"Lening {n:02d}", kind=RegelingKind.LENING, themes=[finance])
    RegelingPageFactory(title="Subsidie", kind=RegelingKind.SUBSIDIE, themes=[finance])

    response = client.get("/regelingen/?thema=financiering&soort=lening")

    assert response.context["page_obj"].paginator.count == 25
    assert "thema=financiering&amp;soort=lening&amp;pagina=2" in response.text
    second = client.get("/regelingen/?thema=financiering&soort=lening&pagina=2")
    assert len(second.context["regelingen"]) == 5


def test_unknown_filter_value_is_ignored_with_a_message_at_the_field(client, index):
    RegelingPageFactory(title="Lening", kind=RegelingKind.LENING)

    response = client.get("/regelingen/?soort=bestaat-niet&niveau=nationaal")

    assert response.status_code == 200
    assert response.context["filter_form"].errors["soort"]
    assert 'aria-invalid="true"' in response.text
