"""Editors submit, moderators approve and publish; scheduled publishing goes live on time."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from kennisbank.editorial import editorial_setup
from kennisbank.models import NewsPage
from schakelteam.accounts.roles import Role
from tests.kennisbank.factories import NewsPageFactory, home_page_ensure, news_index_ensure
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def workflow():
    home = home_page_ensure()
    return editorial_setup(roots=[home])


def test_setup_is_idempotent(workflow):
    again = editorial_setup(roots=[home_page_ensure()])

    assert again.pk == workflow.pk
    assert again.workflow_tasks.count() == 1


def test_editors_edit_but_only_moderators_publish(workflow):
    page = NewsPageFactory()
    editor = UserFactory(role=Role.EDITOR)
    moderator = UserFactory(role=Role.MODERATOR)

    assert page.permissions_for_user(editor).can_edit()
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(moderator).can_publish()
    assert editor.has_perm("wagtailadmin.access_admin")


def test_submit_approve_publish(workflow):
    editor = UserFactory(role=Role.EDITOR)
    moderator = UserFactory(role=Role.MODERATOR)
    page = NewsPage(title="Nieuw bericht", intro="Tekst", live=False)
    news_index_ensure().add_child(instance=page)
    page.save_revision(user=editor)

    state = page.get_workflow().start(page, editor)
    assert not NewsPage.objects.get(pk=page.pk).live

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    assert NewsPage.objects.get(pk=page.pk).live


def test_scheduled_publishing_goes_live_at_the_set_time(workflow):
    go_live = timezone.now() + datetime.timedelta(days=2)
    page = NewsPage(title="Later", intro="Tekst", live=False, go_live_at=go_live)
    news_index_ensure().add_child(instance=page)
    page.save_revision().publish()

    assert not NewsPage.objects.get(pk=page.pk).live

    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")

    assert NewsPage.objects.get(pk=page.pk).live
