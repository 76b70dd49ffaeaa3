"""Mail that fails to send is retried by the task worker, every failed attempt stays visible
as a failed task, and nothing is dropped silently."""

import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.test import override_settings
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished

from schakelteam.mail import mail_enqueue, retry_delay


@pytest.fixture
def finished():
    results = []

    def collect(sender, task_result, **kwargs):
        results.append(task_result.status)

    task_finished.connect(collect)
    yield results
    task_finished.disconnect(collect)


def flaky_send(failures: int):
    real = EmailMessage.send
    calls = {"n": 0}

    def send(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] <= failures:
            raise smtplib.SMTPServerDisconnected("mail server down")
        return real(self, *args, **kwargs)

    return send


def test_a_message_is_delivered_after_the_mail_server_comes_back(finished):
    with mock.patch.object(EmailMessage, "send", flaky_send(2)):
        first = mail_enqueue(
            subject="Onderwerp",
            body="Tekst",
            to=["ondernemer@example.org"],
            attachments=[("afspraak.ics", b"BEGIN:VCALENDAR", "text/calendar")],
        )
    assert first.status == TaskResultStatus.FAILED  # the failed attempt stays visible
    assert len(mail.outbox) == 1
    assert mail.outbox[0].attachments[0][1] in (b"BEGIN:VCALENDAR", "BEGIN:VCALENDAR")
    assert finished.count(TaskResultStatus.FAILED) == 2
    assert finished.count(TaskResultStatus.SUCCESSFUL) == 1


@override_settings(SCHAKELTEAM_MAIL_MAX_ATTEMPTS=3)
def test_a_message_that_never_goes_out_leaves_failed_tasks_not_silence(finished, caplog):
    with mock.patch.object(EmailMessage, "send", flaky_send(99)):
        mail_enqueue(subject="Onderwerp", body="Tekst", to=["ondernemer@example.org"])
    assert mail.outbox == []
    assert finished == [TaskResultStatus.FAILED] * 3
    assert caplog.text.count("Sending mail failed") == 3


def test_retries_back_off():
    assert [retry_delay(n) for n in (1, 2, 3)] == [
        timedelta(minutes=1),
        timedelta(minutes=4),
        timedelta(minutes=16),
    ]
