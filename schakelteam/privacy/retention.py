"""Every retention period in one list, applied by `manage.py apply_retention` (daily, via the
task worker: `retention_apply_task`). Each rule takes `now`, returns counts only and is idempotent.
Privacy sits on top of the apps, so it names each app's purge function directly."""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from axes.models import AccessFailureLog, AccessLog
from django.conf import settings
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from cases.services.privacy import casus_retention_apply
from kennisbank.retention import event_registrations_purge
from scan.services import scans_unfinished_purge
from schakelteam.accounts.models import MagicLink, PersonalDataAccess

logger = logging.getLogger("schakelteam.retention")

RuleResult = int | dict[str, int]


def _access_log(now: datetime) -> RuleResult:
    cutoff = now - timedelta(days=settings.SCHAKELTEAM_ACCESS_LOG_RETENTION_DAYS)
    return PersonalDataAccess.objects.filter(created_at__lt=cutoff).delete()[0]


def _magic_links(now: datetime) -> RuleResult:
    """Links that expired a full link lifetime ago only tell who once had a link: remove them."""
    cutoff = now - timedelta(days=settings.SCHAKELTEAM_MAGIC_LINK_DAYS)
    return MagicLink.objects.filter(expires_at__lt=cutoff).delete()[0]


def _finished_task_results(now: datetime) -> RuleResult:
    """Finished tasks keep their arguments (some mails name a person): keep them only so long."""
    cutoff = now - timedelta(days=settings.SCHAKELTEAM_TASK_RESULT_RETENTION_DAYS)
    return DBTaskResult.objects.filter(finished_at__lt=cutoff).delete()[0]


def _login_logs(now: datetime) -> RuleResult:
    cutoff = now - timedelta(days=settings.SCHAKELTEAM_ACCESS_LOG_RETENTION_DAYS)
    return (
        AccessLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
        + AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    )


_RULES: dict[str, Callable[[datetime], RuleResult]] = {
    "scan.unfinished": lambda now: scans_unfinished_purge(),
    "cases.closed": lambda now: casus_retention_apply(now=now),
    "kennisbank.event_registrations": event_registrations_purge,
    "schakelteam.access_log": _access_log,
    "schakelteam.magic_links": _magic_links,
    "django_tasks.finished_results": _finished_task_results,
    "axes.login_logs": _login_logs,
}


def retention_rules() -> dict[str, Callable[[datetime], RuleResult]]:
    return dict(_RULES)


def retention_apply(*, now: datetime | None = None) -> dict[str, RuleResult]:
    """Run every rule; one failing rule is logged and does not stop the others."""
    now = now or timezone.now()
    results: dict[str, RuleResult] = {}
    for name, rule in retention_rules().items():
        try:
            results[name] = rule(now)
        except Exception:
            logger.exception("Retention rule %s failed", name)
            results[name] = -1
    logger.info("Retention applied: %s", results)
    return results


@task()
def retention_apply_task() -> dict[str, RuleResult]:
    results = retention_apply()
    if any(v == -1 for v in results.values()):
        # Re-raise so the failed run is visible in the task results and can be retried.
        raise RuntimeError(f"Some retention rules failed: {results}")
    return results
