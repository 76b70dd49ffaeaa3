"""`manage.py apply_retention` runs every registered retention rule at its boundary, reports
counts only and is idempotent."""

import uuid
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from schakelteam.accounts.audit import personal_data_access_record
from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.models import MagicLink, PersonalDataAccess, SubjectType
from schakelteam.accounts.roles import Role
from schakelteam.accounts.tokens import magic_link_issue
from schakelteam.privacy.retention import retention_apply, retention_apply_task, retention_rules
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db


def access_at(when):
    with time_machine.travel(when, tick=False):
        return personal_data_access_record(
            user=UserFactory(role=Role.ADVISOR),
            action="view",
            subject_type=SubjectType.CASUS,
            subject_uuid=uuid.uuid4(),
        )


def test_every_known_rule_is_registered():
    assert {
        "scan.unfinished",
        "cases.closed",
        "schakelteam.access_log",
        "schakelteam.magic_links",
        "axes.login_logs",
    } <= set(retention_rules())


def test_the_access_log_is_kept_exactly_its_retention_period():
    now = timezone.now()
    days = timedelta(days=settings.SCHAKELTEAM_ACCESS_LOG_RETENTION_DAYS)
    kept = access_at(now - days + timedelta(minutes=1))
    access_at(now - days - timedelta(minutes=1))
    results = retention_apply(now=now)
    assert results["schakelteam.access_log"] == 1
    assert list(PersonalDataAccess.objects.all()) == [kept]
    assert retention_apply(now=now)["schakelteam.access_log"] == 0  # idempotent


def test_expired_links_go_one_link_lifetime_after_expiry():
    now = timezone.now()
    lifetime = timedelta(days=settings.SCHAKELTEAM_MAGIC_LINK_DAYS)
    with time_machine.travel(now - 2 * lifetime - timedelta(days=2), tick=False):
        magic_link_issue(purpose=LinkPurpose.SCAN_RESULT, subject_uuid=uuid.uuid4())
    with time_machine.travel(now - 2 * lifetime + timedelta(days=2), tick=False):
        recent = magic_link_issue(purpose=LinkPurpose.SCAN_RESULT, subject_uuid=uuid.uuid4())
    assert retention_apply(now=now)["schakelteam.magic_links"] == 1
    assert list(MagicLink.objects.all()) == [recent.link]


def test_the_command_prints_counts_only_and_a_failing_rule_does_not_stop_the_others(monkeypatch):
    from schakelteam.privacy import retention

    def broken(now):
        raise RuntimeError("boom")

    monkeypatch.setitem(retention._RULES, "test.broken", broken)
    access_at(timezone.now() - timedelta(days=10_000))
    out = StringIO()
    with pytest.raises(Exception, match="failed"):
        call_command("apply_retention", stdout=out)
    lines = dict(line.split(": ", 1) for line in out.getvalue().splitlines())
    assert lines["schakelteam.access_log"] == "1"
    assert lines["test.broken"] == "-1"
    assert all(v.lstrip("-").isdigit() or v.startswith("{") for v in lines.values())


def test_the_daily_task_runs_the_rules():
    access_at(timezone.now() - timedelta(days=10_000))
    result = retention_apply_task.enqueue()
    assert result.return_value["schakelteam.access_log"] == 1


def test_the_command_can_hand_the_run_to_the_task_worker():
    out = StringIO()
    call_command("apply_retention", "--enqueue", stdout=out)
    assert out.getvalue().startswith("enqueued: ")
