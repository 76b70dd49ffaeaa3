"""The regelingencheck page: questionnaire, grouped outcome with explanations, deadlines, scan prefill."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from kennisbank.facts import CompanyFacts
from kennisbank.regelingencheck import facts_to_query
from tests.kennisbank.regelingencheck_factories import regeling_make, site_ready  # noqa: F401
from tests.organisation.factories import GemeenteFactory, ThemeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_ready")]

URL = "/regelingencheck/"


def small_only(**kwargs):
    return regeling_make(
        {
            "fact": "medewerkers",
            "operator": "lte",
            "value": 10,
            "explanation_met": "Uw bedrijf is klein genoeg.",
            "explanation_not_met": "Alleen voor bedrijven tot tien mensen.",
        },
        **kwargs,
    )


def test_the_questionnaire_asks_only_the_facts_that_criteria_use(client):
    small_only(title="Klein")

    response = client.get(URL)

    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.fields) == {"medewerkers", "past_niet"}
    # The site answers in Dutch at /.
    assert "Hoeveel mensen werken er in uw bedrijf" in response.content.decode()


def test_fitting_regeling_shows_provider_deadline_explanation_and_links(client):
    small_only(title="Klein", provider="Gemeente Almere", official_url="https://example.org/klein")

    response = client.get(URL, {"medewerkers": "4"})

    html = response.content.decode()
    assert response.status_code == 200
    assert [m.regeling.title for m in response.context["result"].fitting] == ["Klein"]
    assert "Gemeente Almere" in html
    assert "Uw bedrijf is klein genoeg." in html
    assert "https://example.org/klein" in html
    assert "Bekijk regeling" in html
    assert "Doorlopend" in html


def test_not_fitting_appears_only_on_request_with_the_failed_condition(client):
    small_only(title="Klein")

    hidden = client.get(URL, {"medewerkers": "40"})
    shown = client.get(URL, {"medewerkers": "40", "past_niet": "on"})

    assert "Alleen voor bedrijven tot tien mensen." not in hidden.content.decode()
    assert hidden.context["result"].not_fitting == []
    assert "Alleen voor bedrijven tot tien mensen." in shown.content.decode()
    assert "Past niet omdat:</strong> Medewerkers ≤ 10" in shown.content.decode()
    assert [m.regeling.title for m in shown.context["result"].not_fitting] == ["Klein"]


def test_an_unanswered_question_gives_maybe_naming_the_deciding_question(client):
    small_only(title="Klein")
    regeling_make({"fact": "rechtsvorm", "operator": "in", "value": ["bv", "nv"]}, title="Bv")

    response = client.get(URL, {"medewerkers": "3", "rechtsvorm": ""})

    result = response.context["result"]
    assert [m.regeling.title for m in result.maybe] == ["Bv"]
    assert "Beslissende vraag:" in response.content.decode()
    assert "Wat is de rechtsvorm van uw bedrijf?" in response.content.decode()


@time_machine.travel(datetime.datetime(2026, 6, 1, 22, 30, tzinfo=datetime.UTC))
def test_dates_are_judged_in_amsterdam_closed_not_offered_and_closing_soon_marked(client):
    # 22:30 UTC on 1 June is already 2 June in Amsterdam.
    small_only(title="Gesloten", closes_on=datetime.date(2026, 6, 1))
    small_only(title="Bijna", closes_on=datetime.date(2026, 6, 14))
    small_only(title="Straks", opens_on=datetime.date(2026, 9, 1), closes_on=None)
    small_only(title="Ruim", closes_on=datetime.date(2026, 12, 31))

    response = client.get(URL, {"medewerkers": "3", "past_niet": "on"})

    result = response.context["result"]
    by_title = {m.regeling.title: m for m in result.all}
    assert by_title["Gesloten"] in result.not_fitting
    assert by_title["Bijna"].deadline.text == "Sluit over 12 dagen"
    assert by_title["Bijna"].deadline.closing_soon
    assert by_title["Straks"].deadline.text == "Gesloten — opent op 1 september 2026"
    assert by_title["Ruim"].deadline.text == "Open tot 31 december 2026"
    assert [m.regeling.title for m in result.fitting] == ["Bijna", "Ruim", "Straks"]
    assert "Sluit binnenkort:" in response.content.decode()


def test_within_fitting_the_need_themes_sort_first(client):
    export = ThemeFactory(slug="export")
    small_only(title="A zonder thema", level="gemeentelijk")
    small_only(title="Z met thema", level="europees", themes=[export])

    response = client.get(URL, {"medewerkers": "3", "thema_behoefte": ["export"]})

    assert [m.regeling.title for m in response.context["result"].fitting] == [
        "Z met thema",
        "A zonder thema",
    ]


def test_the_gemeente_answer_fills_in_the_province(client):
    GemeenteFactory(slug="almere", name="Almere")
    regeling_make({"fact": "regio", "operator": "eq", "value": "Flevoland"}, title="Flevo")
    regeling_make({"fact": "gemeente", "operator": "eq", "value": "almere"}, title="Almere")

    response = client.get(URL, {"gemeente": "almere", "regio": ""})

    assert {m.regeling.title for m in response.context["result"].fitting} == {"Flevo", "Almere"}


def test_answers_written_as_a_query_open_the_same_outcome(client):
    small_only(title="Klein")

    query = facts_to_query(CompanyFacts(employees=(2, 4), needed_themes=frozenset({"export"})))
    response = client.get(f"{reverse('kennisbank:regelingencheck')}?{query}")

    assert "medewerkers=2-4" in query
    assert [m.regeling.title for m in response.context["result"].fitting] == ["Klein"]


def test_the_english_page_works_too(client):
    small_only(title="Klein")

    response = client.get("/en" + URL, {"medewerkers": "4"})

    assert response.status_code == 200
    assert "Fits you" in response.content.decode()


def test_the_english_page_names_and_links_the_english_regeling_where_there_is_one(client):
    from wagtail.models import Locale

    translated = small_only(title="Klein", slug="klein")
    small_only(title="Alleen Nederlands", slug="alleen-nl")
    english = Locale.objects.get(language_code="en")
    translated.get_parent().copy_for_translation(english, copy_parents=True)
    page = translated.copy_for_translation(english).specific
    page.title, page.slug = "Small firms", "small-firms"
    page.save_revision().publish()

    english_html = client.get("/en" + URL, {"medewerkers": "4"}).content.decode()
    dutch_html = client.get(URL, {"medewerkers": "4"}).content.decode()

    assert 'href="/en/regelingen/small-firms/">Small firms</a>' in english_html
    assert ">Alleen Nederlands</a>" in english_html  # not translated: the Dutch page
    assert 'href="/regelingen/klein/">Klein</a>' in dutch_html
    assert "Small firms" not in dutch_html
