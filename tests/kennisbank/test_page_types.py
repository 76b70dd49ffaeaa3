"""Every page type can be created under its parent, is served at its URL and renders its facts."""

import datetime

import pytest
from django.utils import translation
from wagtail.models import Page

from kennisbank.constants import RegelingKind, RegelingLevel
from kennisbank.models import EventPage, RegelingPage
from schakelteam.organisation.constants import SbiSection
from tests.kennisbank.factories import (
    BestPracticePageFactory,
    EventPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    QuestionPageFactory,
    RegelingPageFactory,
    StandardPageFactory,
    best_practice_index_ensure,
    event_index_ensure,
    home_page_ensure,
    news_index_ensure,
    question_index_ensure,
)
from tests.organisation.factories import GemeenteFactory, PartnerFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_home_page_is_served_at_the_root_with_links_to_the_tools(client):
    home = home_page_ensure()

    response = client.get("/")

    assert response.status_code == 200
    assert home.title in response.text
    for path in ("/bedrijfsscan/", "/regelingencheck/", "/gesprek-aanvragen/"):
        assert f'href="{path}"' in response.text


@pytest.mark.parametrize(
    ("make", "url"),
    [
        (
            lambda: RegelingPageFactory(title="Groeiregeling", slug="groeiregeling"),
            "/regelingen/groeiregeling/",
        ),
        (
            lambda: QuestionPageFactory(title="Wat kost het?", slug="wat-kost-het"),
            "/vragen/wat-kost-het/",
        ),
        (
            lambda: BestPracticePageFactory(title="De bakker", slug="de-bakker"),
            "/praktijkverhalen/de-bakker/",
        ),
        (
            lambda: EventPageFactory(title="Ontbijtsessie", slug="ontbijtsessie"),
            "/bijeenkomsten/ontbijtsessie/",
        ),
        (lambda: NewsPageFactory(title="Nieuw loket", slug="nieuw-loket"), "/nieuws/nieuw-loket/"),
        (lambda: StandardPageFactory(title="Privacyverklaring", slug="privacy"), "/privacy/"),
        (lambda: PartnerIndexPageFactory(), "/partners/"),
    ],
)
def test_each_page_type_is_served_at_its_url(client, make, url):
    page = make()

    response = client.get(url)

    assert page.url == url
    assert response.status_code == 200
    assert page.title in response.text


@pytest.mark.parametrize(
    "ensure",
    [question_index_ensure, best_practice_index_ensure, event_index_ensure, news_index_ensure],
)
def test_each_index_page_lists_its_children(client, ensure):
    index = ensure()
    factory = {
        "vragen": QuestionPageFactory,
        "praktijkverhalen": BestPracticePageFactory,
        "bijeenkomsten": EventPageFactory,
        "nieuws": NewsPageFactory,
    }[index.slug]
    child = factory(title="Het kind van deze index")

    response = client.get(index.url)

    assert response.status_code == 200
    assert child.title in response.text


def test_a_draft_is_not_served_until_it_is_published(client):
    regeling = RegelingPageFactory(slug="concept", live=False)

    assert client.get("/regelingen/concept/").status_code == 404

    regeling.save_revision().publish()

    assert client.get("/regelingen/concept/").status_code == 200


def test_regeling_page_shows_all_its_structured_data(client):
    almere = GemeenteFactory()
    theme = ThemeFactory(slug="financiering", name="Financiering")
    regeling = RegelingPageFactory(
        title="Groeifonds",
        provider="Horizon Flevoland",
        size_min=2,
        size_max=10,
        sectors=["C"],
        max_amount=250000,
        official_url="https://example.org/groeifonds",
        closes_on=datetime.date(2099, 12, 31),
        facts_checked_on=datetime.date(2019, 12, 31),
        themes=[theme],
    )
    regeling.gemeenten.add(almere)
    regeling.criteria.create(
        fact="medewerkers", operator="lte", value=10, explanation_met="Voor kleine bedrijven."
    )
    regeling.save_revision().publish()

    text = client.get(regeling.url).text

    with translation.override("nl"):
        labels = [
            str(RegelingKind.SUBSIDIE.label),
            str(RegelingLevel.PROVINCIAAL.label),
            str(SbiSection.C.label),
        ]
    for expected in (
        *labels,
        "Horizon Flevoland",
        "Financiering",
        "Almere",
        "31 december 2099",
        "250.000",
        "https://example.org/groeifonds",
        "Voor kleine bedrijven.",
        "2019",
    ):
        assert expected in text, expected


def test_partner_overview_groups_partners_by_kind_with_gemeente_and_expertise(client):
    PartnerFactory(
        name="Ondernemersvereniging Almere",
        kind="ondernemersvereniging",
        gemeente=GemeenteFactory(),
    )
    partner = PartnerFactory(name="Horizon Flevoland", kind="financier")
    partner.themes.add(ThemeFactory(slug="financiering", name="Financiering"))
    PartnerIndexPageFactory()

    text = client.get("/partners/").text

    assert text.index("Ondernemersvereniging Almere") < text.index("Horizon Flevoland")
    assert "Almere" in text
    assert "Financiering" in text


def test_event_page_requires_an_address_unless_online():
    event = EventPageFactory.build(address="", is_online=False, gemeente=GemeenteFactory())
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        event.clean()


def test_page_types_only_go_under_their_own_index():
    assert RegelingPage.parent_page_types == ["kennisbank.RegelingIndexPage"]
    assert EventPage.can_create_at(event_index_ensure())
    assert not EventPage.can_create_at(Page.get_first_root_node())


def test_unknown_page_gives_the_styled_404_with_a_search_form(client):
    home_page_ensure()

    response = client.get("/bestaat-echt-niet/")

    assert response.status_code == 404
    assert 'action="/zoeken/"' in response.text
    assert "mkb-skip-link" in response.text


def test_footer_links_to_the_statements_and_contact(client):
    home_page_ensure()

    text = client.get("/").text

    for path in ("/privacy/", "/toegankelijkheid/", "/contact/"):
        assert f'href="{path}"' in text
