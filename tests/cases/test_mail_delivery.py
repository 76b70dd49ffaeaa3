"""Case e-mails survive a mail server that is down for a while: the failed attempt is a failed task
(visible to admins), a later attempt delivers. Messages with a personal link are retried by id,
so no raw magic-link token is ever stored with a task."""

import json
import re
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.test import override_settings
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_enqueued, task_finished

from cases.services import handling
from cases.services.intake import IntakeRequest, casus_intake

from .factories import CasusFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks():
    """Every task enqueued (name, stored arguments) and every finished task's status."""
    seen = {"enqueued": [], "finished": []}

    def enqueued(sender, task_result, **kwargs):
        seen["enqueued"].append((task_result.task.name, task_result.args, task_result.kwargs))

    def finished(sender, task_result, **kwargs):
        seen["finished"].append((task_result.task.name, task_result.status))

    task_enqueued.connect(enqueued)
    task_finished.connect(finished)
    yield seen
    task_enqueued.disconnect(enqueued)
    task_finished.disconnect(finished)


def mail_server_down_for(failures: int):
    real = EmailMessage.send
    calls = {"n": 0}

    def send(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] <= failures:
            raise smtplib.SMTPServerDisconnected("mail server down")
        return real(self, *args, **kwargs)

    return mock.patch.object(EmailMessage, "send", send)


def _intake() -> None:
    casus_intake(
        request=IntakeRequest(
            name="Fatima de Vries",
            email="fatima@bakkerij.example",
            company_name="Bakkerij De Vries",
            postcode="1315 AB",
            question="Ik zoek financiering voor een tweede winkel.",
            language="nl",
        ),
        consents=["contact"],
        origin="web",
    )


def test_a_staff_notification_that_fails_is_retried_and_delivered(tasks, advisor_a, committed):
    casus = CasusFactory()
    with mail_server_down_for(1), committed():
        handling.casus_assign(casus=casus, advisor=advisor_a)
    assert [m.to for m in mail.outbox] == [[advisor_a.user.email]]
    assert ("mail_deliver", TaskResultStatus.FAILED) in tasks["finished"]
    assert ("mail_deliver", TaskResultStatus.SUCCESSFUL) in tasks["finished"]


def test_a_confirmation_with_a_personal_link_is_retried_and_its_token_is_never_stored(
    tasks, coordinator, committed
):
    with mail_server_down_for(2), committed():
        _intake()
    confirmation = next(m for m in mail.outbox if m.to == ["fatima@bakkerij.example"])
    token = re.search(r"/mijn-gegevens/([^/\s]+)/", confirmation.body).group(1)
    assert ("mail_intake_confirmation", TaskResultStatus.FAILED) in tasks["finished"]
    assert ("mail_intake_confirmation", TaskResultStatus.SUCCESSFUL) in tasks["finished"]
    stored = json.dumps(tasks["enqueued"], default=str)
    assert token not in stored and "mijn-gegevens" not in stored
    assert "mail_deliver" in stored  # the staff notification did go through the mail queue


@override_settings(SCHAKELTEAM_MAIL_MAX_ATTEMPTS=3)
def test_a_closing_mail_that_never_goes_out_leaves_failed_tasks_not_silence(
    tasks, advisor_a, caplog, committed
):
    casus = CasusFactory(advisor=advisor_a, status="toegewezen")
    with mail_server_down_for(99), committed():
        handling.casus_close(casus=casus, outcome="geholpen")
    assert mail.outbox == []
    assert tasks["finished"].count(("mail_status", TaskResultStatus.FAILED)) == 3
    assert caplog.text.count("Sending mail_status failed") == 3
