"""Every retention period in one registry, applied by `manage.py apply_retention` (daily, via the
task worker: `retention_apply_task`). Rules return counts only and must be idempotent.

Apps add a rule with `@retention_rule("name")`; the scan and cases rules are registered here
by import path so this module does not depend on those apps being ready."""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

logger = logging.getLogger("schakelteam.retention")

RuleResult = int | dict[str, int]
_RULES: dict[str, Callable[[datetime], RuleResult]] = {}


def retention_rule(name: str):
    """Register `fn(now) -> int | dict[str, int]` as retention rule `name`."""

    def register(fn: Callable[[datetime], RuleResult]):
        _RULES[name] = fn
        return fn

    return register


def retention_rules() -> dict[str, Callable[[datetime], RuleResult]]:
    return dict(_RULES)


def _optional(path: str) -> Callable | None:
    try:
        return import_string(path)
    except ImportError:
        return None


@retention_rule("scan.unfinished")
def _scans_unfinished(now: datetime) -> RuleResult:
    purge = _optional("scan.services.scans_unfinished_purge")
    return purge() if purge else 0


@retention_rule("cases.closed")
def _cases_closed(now: datetime) -> RuleResult:
    apply = _optional("cases.services.privacy.casus_retention_apply")
    return apply(now=now) if apply else 0


@retention_rule("schakelteam.access_log")
def _access_log(now: datetime) -> RuleResult:
    from .audit import PersonalDataAccess

    cutoff = now - timedelta(days=settings.SCHAKELTEAM_ACCESS_LOG_RETENTION_DAYS)
    return PersonalDataAccess.objects.filter(created_at__lt=cutoff).delete()[0]


@retention_rule("schakelteam.magic_links")
def _magic_links(now: datetime) -> RuleResult:
    """Links that expired a full link lifetime ago only tell who once had a link: remove them."""
    from .models import MagicLink

    cutoff = now - timedelta(days=settings.SCHAKELTEAM_MAGIC_LINK_DAYS)
    return MagicLink.objects.filter(expires_at__lt=cutoff).delete()[0]


@retention_rule("django_tasks.finished_results")
def _finished_task_results(now: datetime) -> RuleResult:
    """Finished tasks keep their arguments (some mails name a person): keep them only so long."""
    from django_tasks_db.models import DBTaskResult

    cutoff = now - timedelta(days=settings.SCHAKELTEAM_TASK_RESULT_RETENTION_DAYS)
    return DBTaskResult.objects.filter(finished_at__lt=cutoff).delete()[0]


@retention_rule("axes.login_logs")
def _login_logs(now: datetime) -> RuleResult:
    from axes.models import AccessFailureLog, AccessLog

    cutoff = now - timedelta(days=settings.SCHAKELTEAM_ACCESS_LOG_RETENTION_DAYS)
    return (
        AccessLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
        + AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    )


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
