"""Published definitions are frozen; a new draft copies everything; responses keep their version
and their results, also when a newer version is published mid-scan; editors publish in the admin."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from scan import services
from scan.constants import DefinitionStatus
from scan.models import Domain, Option, Question, ScanDefinition, ScanResponse
from scan.scoring import score_response
from scan.selectors import definition_snapshot
from schakelteam.accounts.roles import Role
from tests.helpers import staff_login
from tests.organisation.factories import UserFactory

from .factories import definition_published, small_spec

pytestmark = pytest.mark.django_db


def test_a_published_definition_and_its_parts_cannot_change():
    definition = definition_published()
    question = Question.objects.get(slug="g1")
    option = question.options.first()

    definition.name = "Changed"
    with pytest.raises(ValidationError):
        definition.save()
    with pytest.raises(ValidationError):
        definition.full_clean()
    question.text = "Changed"
    with pytest.raises(ValidationError):
        question.save()
    option.score = 1
    with pytest.raises(ValidationError):
        option.save()
    with pytest.raises(ValidationError):
        Domain.objects.first().delete()


def test_a_new_draft_copies_everything_and_can_be_edited():
    definition = definition_published()

    draft = services.scan_definition_new_draft(definition=definition)

    assert draft.status == DefinitionStatus.DRAFT
    assert draft.based_on == definition
    assert [d.slug for d in draft.domains.all()] == ["geld", "mensen"]
    assert Question.objects.filter(domain__definition=draft).count() == 7
    assert (
        Option.objects.filter(question__domain__definition=draft).count()
        == Option.objects.filter(question__domain__definition=definition).count()
    )
    copied = Question.objects.get(domain__definition=draft, slug="knel-welke")
    assert (copied.condition_question_slug, copied.condition_values) == ("knel", ["ja"])
    option = Option.objects.get(
        question=Question.objects.get(domain__definition=draft, slug="g1"), value="4"
    )
    option.score = 1
    option.save()  # a draft can change


def test_editing_a_new_version_leaves_old_results_unchanged():
    old = definition_published()
    answers = {"g1": "4", "g2": "4", "g-ambitie": "5"}
    before = score_response(definition_snapshot(old.pk), answers, {"size_class": "1"})
    draft = services.scan_definition_new_draft(definition=old)
    Option.objects.filter(
        question__domain__definition=draft, question__slug="g1", value="4"
    ).update(score=1)
    services.scan_definition_publish(definition=draft)

    after_old = score_response(definition_snapshot(old.pk), answers, {"size_class": "1"})
    new = score_response(definition_snapshot(draft.pk), answers, {"size_class": "1"})

    assert after_old == before
    assert before["domains"]["geld"]["now"] == 75
    assert new["domains"]["geld"]["now"] == 38  # (0 + 75) / 2 = 37.5 -> 38


def test_a_scan_started_before_a_new_version_stays_on_its_version(client):
    old = definition_published()
    client.post(reverse("scan:intro"))
    scan = ScanResponse.objects.get()
    draft = services.scan_definition_new_draft(definition=old, name="Mini 2")
    services.scan_definition_publish(definition=draft)

    client.post(reverse("scan:step", args=[1]), {"size_class": "1", "sbi_section": "G"})
    client.post(reverse("scan:step", args=[2]), {"q-g1": "4", "q-g2": "4", "q-g-ambitie": "5"})
    client.post(reverse("scan:review"))

    scan.refresh_from_db()
    assert scan.definition == old
    assert scan.submitted_at is not None
    assert services.definition_current() == draft


def test_a_definition_with_responses_cannot_be_deleted():
    from django.db.models import ProtectedError

    definition = definition_published()
    ScanResponse.objects.create(definition=definition)

    with pytest.raises(ProtectedError):
        ScanDefinition.objects.filter(pk=definition.pk).delete()


def test_an_editor_previews_publishes_and_copies_a_definition_in_the_admin(client):
    draft = services.scan_definition_new_draft(definition=definition_published(small_spec("Base")))
    admin = UserFactory(is_superuser=True, is_staff=True)
    staff_login(client, admin)

    edit = client.get(reverse("wagtailsnippets_scan_scandefinition:edit", args=[draft.pk]))
    question = Question.objects.filter(domain__definition=draft).first()
    question_edit = client.get(reverse("wagtailsnippets_scan_question:edit", args=[question.pk]))
    preview = client.get(reverse("scan_definition_preview", args=[draft.pk]))
    listing = client.get(reverse("wagtailsnippets_scan_scandefinition:list"))
    questions = client.get(
        reverse("wagtailsnippets_scan_question:list"), {"domain__definition": draft.pk}
    )
    publish = client.post(reverse("scan_definition_publish", args=[draft.pk]))
    copy = client.post(reverse("scan_definition_new_draft", args=[draft.pk]))

    assert (edit.status_code, question_edit.status_code, preview.status_code) == (200, 200, 200)
    assert "Zicht op geld?" in preview.content.decode()
    assert listing.status_code == 200
    assert questions.status_code == 200
    assert "Zicht op geld?" in questions.content.decode()
    assert publish.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    assert copy.status_code == 302
    assert ScanDefinition.objects.filter(based_on=draft).exists()


def test_an_advisor_cannot_publish_definitions(client):
    draft = services.scan_definition_new_draft(definition=definition_published())
    staff_login(client, UserFactory(role=Role.ADVISOR, is_staff=True))

    response = client.post(reverse("scan_definition_publish", args=[draft.pk]))

    draft.refresh_from_db()
    assert response.status_code in (302, 403)
    assert not draft.is_published


def test_an_editor_saves_a_draft_question_with_its_options_in_the_admin(client):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    draft = services.scan_definition_new_draft(definition=definition_published())
    question = Question.objects.get(domain__definition=draft, slug="g1")
    staff_login(client, UserFactory(is_superuser=True, is_staff=True))
    options = [
        {"id": o.pk, "order": o.order, "value": o.value, "label": o.label, "score": o.score or ""}
        for o in question.options.all()
    ]
    options[0]["label"] = "Heel slecht"
    data = nested_form_data(
        {
            "domain": question.domain_id,
            "order": question.order,
            "slug": question.slug,
            "text": "Hoe goed ziet u uw geld?",
            "kind": question.kind,
            "horizon": question.horizon,
            "help_text": "",
            "required": "on",
            "weight": 1,
            "condition_question_slug": "",
            "condition_values": "[]",
            "options": inline_formset(options, initial=len(options)),
        }
    )

    response = client.post(reverse("wagtailsnippets_scan_question:edit", args=[question.pk]), data)

    assert response.status_code == 302, response.context["form"].errors
    question.refresh_from_db()
    assert question.text == "Hoe goed ziet u uw geld?"
    assert question.options.first().label == "Heel slecht"
    assert question.options.count() == len(options)


def test_an_editor_saves_a_draft_definition_with_its_domains_in_the_admin(client):
    import json

    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    draft = services.scan_definition_new_draft(definition=definition_published())
    staff_login(client, UserFactory(is_superuser=True, is_staff=True))
    domains = [
        {
            "id": d.pk,
            "order": d.order,
            "slug": d.slug,
            "title": d.title,
            "intro": d.intro,
            "theme": d.theme_id or "",
            "scored": "on" if d.scored else "",
            "condition_size_classes": json.dumps(d.condition_size_classes),
            "advice_attention": d.advice_attention,
            "advice_on_way": d.advice_on_way,
            "advice_strong": d.advice_strong,
        }
        for d in draft.domains.all()
    ]
    domains[0]["title"] = "Geld en financiering"
    rules = [
        {
            "id": r.pk,
            "order": r.order,
            "direction": r.direction,
            "condition": json.dumps(r.condition),
            "reason": r.reason,
            "description": r.description,
            "theme_slugs": json.dumps(r.theme_slugs),
        }
        for r in draft.direction_rules.all()
    ]
    data = nested_form_data(
        {
            "name": draft.name,
            "kind": draft.kind,
            "intro": "Nieuwe inleiding.",
            "domains": inline_formset(domains, initial=len(domains)),
            "direction_rules": inline_formset(rules, initial=len(rules)),
        }
    )

    response = client.post(
        reverse("wagtailsnippets_scan_scandefinition:edit", args=[draft.pk]), data
    )

    assert response.status_code == 302, response.context["form"].errors
    draft.refresh_from_db()
    assert draft.intro == "Nieuwe inleiding."
    assert draft.domains.first().title == "Geld en financiering"
    # Saving a domain leaves its questions (edited elsewhere) alone.
    assert Question.objects.filter(domain__definition=draft).count() == 7


def test_a_question_cannot_be_moved_out_of_a_published_definition():
    published = definition_published()
    draft = services.scan_definition_new_draft(definition=published)
    question = Question.objects.get(domain__definition=published, slug="g2")
    question.domain = draft.domains.first()

    with pytest.raises(ValidationError):
        question.full_clean()
    with pytest.raises(ValidationError):
        question.save()
    assert "g2" in definition_snapshot(published.pk).questions


def test_no_delete_of_any_kind_removes_a_part_of_a_published_definition(client):
    published = definition_published()
    question = Question.objects.get(domain__definition=published, slug="g2")
    staff_login(client, UserFactory(is_superuser=True, is_staff=True))

    with pytest.raises(ValidationError), transaction.atomic():
        Question.objects.filter(pk=question.pk).delete()
    bulk = client.post(
        reverse("wagtail_bulk_action", args=["scan", "question", "delete"]) + f"?id={question.pk}"
    )
    single = client.post(reverse("wagtailsnippets_scan_question:delete", args=[question.pk]))
    whole = client.post(reverse("wagtailsnippets_scan_scandefinition:delete", args=[published.pk]))

    assert (bulk.status_code, single.status_code, whole.status_code) == (302, 302, 302)
    assert Question.objects.filter(pk=question.pk).exists()
    assert ScanDefinition.objects.filter(pk=published.pk).exists()
    listing = client.get(single["Location"]).content.decode()
    assert "gepubliceerd" in listing.lower()


def test_deleting_a_definition_that_scans_were_taken_with_is_refused_with_a_message(client):
    published = definition_published()
    ScanResponse.objects.create(definition=published)
    staff_login(client, UserFactory(is_superuser=True, is_staff=True))

    response = client.post(
        reverse("wagtailsnippets_scan_scandefinition:delete", args=[published.pk])
    )

    assert response.status_code == 302
    assert ScanDefinition.objects.filter(pk=published.pk).exists()
    listing = client.get(response["Location"]).content.decode()
    assert "gepubliceerd" in listing.lower()


def test_a_deleted_draft_takes_its_translations_and_the_next_draft_still_works():
    from wagtail.models import Locale

    from scan.translations import definition_translate

    published = definition_published()
    english = Locale.objects.get(language_code="en")
    definition_translate(published, english, lambda _path, text: f"EN {text}")
    draft = services.scan_definition_new_draft(definition=published)
    assert draft.has_translation(english)

    draft.delete()
    again = services.scan_definition_new_draft(definition=published)

    assert ScanDefinition.objects.filter(name=draft.name).count() == 2  # again, in nl and en
    assert again.get_translation(english).name == again.name
