"""Scan definitions in English through wagtail-localize: words translate, scores never do."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import Translation

from scan import services
from scan.models import DefinitionFrozen, Option, Question, ScanDefinition, ScanResponse
from scan.selectors import definition_snapshot
from scan.translations import definition_translate
from schakelteam.organisation.models import Theme
from tests.helpers import staff_login
from tests.kennisbank.regelingencheck_factories import regeling_make, site_ready  # noqa: F401
from tests.organisation.factories import UserFactory

from .factories import definition_published, small_spec

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Geld": "Money",
    "Zicht op geld?": "Insight into money?",
    "Goed": "Good",
    "Maak een kasoverzicht.": "Draw up a cash overview.",
    "Standaard.": "By default.",
    "Mensen": "People",
}


def _english() -> Locale:
    return Locale.objects.get(language_code="en")


def _translated(definition: ScanDefinition, words: dict | None = None) -> ScanDefinition:
    words = ENGLISH if words is None else words
    return definition_translate(definition, _english(), lambda _path, text: words.get(text))


def _url(name: str, language: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


def _fill_in(client, language: str) -> ScanResponse:
    client.post(_url("scan:intro", language))
    client.post(_url("scan:step", language, 1), {"size_class": "1", "sbi_section": "G"})
    client.post(_url("scan:step", language, 2), {"q-g1": "1", "q-g2": "1", "q-g-ambitie": "5"})
    client.post(_url("scan:review", language))
    return ScanResponse.objects.get(uuid=client.session["scan_uuid"])


def test_the_english_scan_asks_in_english_and_stores_answers_on_the_original(client):
    definition = definition_published()
    _translated(definition)
    client.post(_url("scan:intro", "en"))
    client.post(_url("scan:step", "en", 1), {"size_class": "1", "sbi_section": "G"})

    english = client.get(_url("scan:step", "en", 2)).content.decode()
    dutch = client.get(_url("scan:step", "nl", 2)).content.decode()

    assert "Insight into money?" in english and ">Good<" in english.replace("\n", "")
    # A word the translation lacks stays Dutch rather than disappearing.
    assert "Buffer?" in english
    assert "Zicht op geld?" in dutch and "Insight into money?" not in dutch
    scan = ScanResponse.objects.get(uuid=client.session["scan_uuid"])
    assert scan.definition == definition


def test_the_result_reads_in_the_reader_language_and_scores_the_same(client):
    definition = definition_published()
    _translated(definition)
    scan = _fill_in(client, "en")
    dutch_scan = _fill_in(client.__class__(), "nl")
    token = services.scan_result_link_issue(scan=scan)

    english = client.get(_url("scan:result", "en", token)).content.decode()
    dutch = client.get(_url("scan:result", "nl", token)).content.decode()

    assert scan.result == dutch_scan.result
    assert scan.result["direction_reason"] == "Standaard."
    assert "Draw up a cash overview." in english and "By default." in english
    assert "Maak een kasoverzicht." in dutch and "Standaard." in dutch
    assert scan.definition == dutch_scan.definition == definition


def test_a_published_original_stays_frozen_while_its_translation_words_change(client):
    definition = definition_published()
    _translated(definition)
    question = Question.objects.get(domain__definition=definition, slug="g1")
    assert definition_snapshot(definition.pk, "en").questions["g1"].text == "Insight into money?"

    question.text = "Iets anders?"
    with pytest.raises(DefinitionFrozen):
        question.save()
    _translated(definition, {**ENGLISH, "Zicht op geld?": "A view of your money?"})

    assert definition_snapshot(definition.pk, "en").questions["g1"].text == (
        "A view of your money?"
    )
    assert definition_snapshot(definition.pk, "nl").questions["g1"].text == "Zicht op geld?"


def test_a_translation_can_change_words_but_never_scores_or_structure():
    definition = definition_published()
    english = _translated(definition)
    Option.objects.filter(question__domain__definition=english).update(score=5)
    Question.objects.filter(domain__definition=english, slug="g2").delete()

    snapshot = definition_snapshot(definition.pk, "en")

    original = definition_snapshot(definition.pk, "nl")
    assert [o.score for o in snapshot.questions["g1"].options] == [1, 2, 3, 4, 5, None]
    assert set(snapshot.questions) == set(original.questions)


def test_an_editor_translates_a_definition_with_wagtail_localize(client):
    definition = definition_published(small_spec("Vertaalbaar"))
    staff_login(client, UserFactory(is_superuser=True, is_staff=True))
    submit = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["scan", "scandefinition", definition.pk],
    )

    form = client.get(submit)
    response = client.post(submit, {"locales": [_english().pk]})

    assert form.status_code == 200
    assert response.status_code == 302
    english = definition.get_translation(_english())
    assert Question.objects.filter(domain__definition=english).count() == 7
    editor = client.get(reverse("wagtailsnippets_scan_scandefinition:edit", args=[english.pk]))
    assert editor.status_code == 200
    assert "Zicht op geld?" in editor.content.decode()
    assert Translation.objects.filter(source__object_id=definition.translation_key).exists()


def test_a_new_draft_keeps_the_translations_and_publishing_brings_them_up_to_date():
    definition = definition_published()
    _translated(definition)
    draft = services.scan_definition_new_draft(definition=definition)

    assert definition_snapshot(draft.pk, "en").questions["g1"].text == "Insight into money?"
    domain = draft.domains.get(slug="geld")
    Question.objects.create(domain=domain, order=9, slug="g9", text="Nieuw?", kind="text")
    services.scan_definition_publish(definition=draft)

    english = draft.get_translation(_english())
    assert Question.objects.filter(domain__definition=english, slug="g9").exists()
    assert definition_snapshot(draft.pk, "en").questions["g9"].text == "Nieuw?"
    assert definition_snapshot(draft.pk, "en").domains[0].title == "Money"


def test_only_originals_are_published_or_copied(client):
    english = _translated(definition_published())
    staff_login(client, UserFactory(is_superuser=True, is_staff=True))

    publish = client.post(reverse("scan_definition_publish", args=[english.pk]))
    copy = client.post(reverse("scan_definition_new_draft", args=[english.pk]))
    preview = client.get(reverse("scan_definition_preview", args=[english.pk]))

    assert (publish.status_code, copy.status_code) == (404, 404)
    assert preview.status_code == 200 and "Insight into money?" in preview.content.decode()
    assert services.definition_current() != english


def test_the_english_step_page_costs_one_query_more_than_the_dutch_one(client):
    _translated(definition_published())
    client.post(_url("scan:intro", "en"))
    client.post(_url("scan:step", "en", 1), {"size_class": "1", "sbi_section": "G"})
    counts = {}
    for language in ("nl", "en", "en"):  # the second English visit finds the words cached
        with CaptureQueriesContext(connection) as queries:
            response = client.get(_url("scan:step", language, 2))
        assert response.status_code == 200
        counts[language] = len(queries)

    assert counts["en"] == counts["nl"] + 1


def test_a_definition_can_only_be_created_in_dutch(client):
    staff_login(client, UserFactory(is_superuser=True, is_staff=True))
    add = reverse("wagtailsnippets_scan_scandefinition:add")
    data = {
        "name": "Only English",
        "kind": "bedrijfsscan",
        "intro": "",
        "domains-TOTAL_FORMS": 0,
        "domains-INITIAL_FORMS": 0,
        "direction_rules-TOTAL_FORMS": 0,
        "direction_rules-INITIAL_FORMS": 0,
    }

    english = client.post(f"{add}?locale=en", data)
    dutch = client.post(f"{add}?locale=nl", {**data, "name": "Alleen Nederlands"})

    assert english.status_code == 200
    assert "Maak een scandefinitie in het Nederlands" in english.content.decode()
    assert not ScanDefinition.objects.filter(name="Only English").exists()
    assert dutch.status_code == 302
    assert ScanDefinition.objects.get(name="Alleen Nederlands").is_original


@pytest.mark.usefixtures("site_ready")
def test_the_english_result_links_the_english_regeling(client):
    definition_published()
    regeling = regeling_make(
        themes=[Theme.objects.get(slug="financiering", locale__language_code="nl")],
        title="Kasgeld",
        slug="kasgeld",
    )
    regeling.get_parent().copy_for_translation(_english(), copy_parents=True)
    english = regeling.copy_for_translation(_english()).specific
    english.title, english.slug = "Cash money", "cash-money"
    english.save_revision().publish()
    scan = _fill_in(client, "en")
    token = services.scan_result_link_issue(scan=scan)

    english_page = client.get(_url("scan:result", "en", token)).content.decode()
    dutch_page = client.get(_url("scan:result", "nl", token)).content.decode()

    assert 'href="/en/regelingen/cash-money/">Cash money</a>' in english_page
    assert 'href="/regelingen/kasgeld/">Kasgeld</a>' in dutch_page


def test_a_question_is_not_translated_on_its_own(client):
    draft = services.scan_definition_new_draft(definition=definition_published())
    question = Question.objects.get(domain__definition=draft, slug="g1")
    staff_login(client, UserFactory(is_superuser=True, is_staff=True))
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["scan", "question", question.pk]
    )

    response = client.post(submit, {"locales": [_english().pk]})
    listing = client.get(reverse("wagtailsnippets_scan_question:list")).content.decode()

    assert response.status_code == 302
    assert Question.objects.filter(domain__definition=draft, slug="g1").count() == 1
    assert "submit/snippet/scan/question/" not in listing
    definition_submit = "submit/snippet/scan/scandefinition/"
    assert (
        definition_submit
        in client.get(reverse("wagtailsnippets_scan_scandefinition:list")).content.decode()
    )


def test_a_translated_question_edited_on_its_own_shows_at_once():
    definition = definition_published()
    english = _translated(definition)
    assert definition_snapshot(definition.pk, "en").questions["g1"].text == "Insight into money?"

    question = Question.objects.get(domain__definition=english, slug="g1")
    question.text = "How clear are your finances?"
    question.save()

    assert definition_snapshot(definition.pk, "en").questions["g1"].text == (
        "How clear are your finances?"
    )


def test_translators_get_words_only_and_no_structure_to_override():
    from wagtail_localize.models import OverridableSegment, StringSegment, TranslationSource

    definition = definition_published()
    _translated(definition)
    source = TranslationSource.objects.get(object_id=definition.translation_key)

    assert StringSegment.objects.filter(source=source).exists()
    assert not OverridableSegment.objects.filter(source=source).exists()


def test_each_language_keeps_one_cached_snapshot_however_often_it_changes():
    from scan import selectors

    definition = definition_published()
    for word in ("Money", "Cash", "Funds"):
        _translated(definition, {**ENGLISH, "Geld": word})
        assert definition_snapshot(definition.pk, "en").domains[0].title == word

    assert len(selectors._TRANSLATED_SNAPSHOTS) == 1
