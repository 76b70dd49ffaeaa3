"""Finished background tasks (whose arguments may name a person) are removed after their period;
tasks still waiting or running are never touched."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from schakelteam.privacy.retention import retention_apply

pytestmark = pytest.mark.django_db


def task_result(*, status: str, finished_days_ago: int | None) -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult.objects.create(
        status=status,
        finished_at=None if finished_days_ago is None else now - timedelta(days=finished_days_ago),
        args_kwargs={"args": [], "kwargs": {"to": ["ondernemer@example.org"]}},
        task_path="schakelteam.mail.mail_deliver",
        backend_name="default",
        run_after=now,
        exception_class_path="",
        traceback="",
    )


def test_finished_tasks_go_after_their_period_and_waiting_ones_stay():
    days = settings.SCHAKELTEAM_TASK_RESULT_RETENTION_DAYS
    old_done = task_result(status="SUCCESSFUL", finished_days_ago=days + 1)
    old_failed = task_result(status="FAILED", finished_days_ago=days + 1)
    recent = task_result(status="SUCCESSFUL", finished_days_ago=days - 1)
    waiting = task_result(status="READY", finished_days_ago=None)

    counts = retention_apply()

    assert counts["django_tasks.finished_results"] == 2
    remaining = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, waiting.pk}
    assert old_done.pk not in remaining and old_failed.pk not in remaining
    assert retention_apply()["django_tasks.finished_results"] == 0
