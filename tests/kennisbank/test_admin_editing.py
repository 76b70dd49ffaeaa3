"""Editors can open every kennisbank page type in the Wagtail admin, add one, and translate it."""

import pytest
from django.urls import reverse

from kennisbank.editorial import editorial_setup
from schakelteam.accounts.roles import Role
from tests.helpers import staff_login
from tests.kennisbank.factories import (
    BestPracticePageFactory,
    EventPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    QuestionPageFactory,
    RegelingPageFactory,
    StandardPageFactory,
    home_page_ensure,
)
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db

FACTORIES = [
    RegelingPageFactory,
    QuestionPageFactory,
    BestPracticePageFactory,
    EventPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    PartnerIndexPageFactory,
]


@pytest.fixture
def editor(client):
    editorial_setup(roots=[home_page_ensure()])
    user = UserFactory(role=Role.EDITOR)
    staff_login(client, user)
    return user


@pytest.mark.parametrize("factory", FACTORIES)
def test_every_page_type_opens_in_the_editor(client, editor, factory):
    page = factory()

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == 200


@pytest.mark.parametrize("factory", FACTORIES[:-1])  # one partner overview is the maximum
def test_every_page_type_has_an_add_form_under_its_parent(client, editor, factory):
    page = factory()
    parent = page.get_parent()
    model = page.specific_class

    response = client.get(
        reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )
    )

    assert response.status_code == 200


def test_editors_may_submit_translations(editor):
    assert editor.has_perm("wagtail_localize.submit_translation")


def test_the_translate_action_is_offered_in_the_admin(client, editor):
    page = NewsPageFactory()

    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[page.pk]))

    assert response.status_code == 200
