"""Quarterly reports for the RWF board: who may see them, asking for one and retrying it.

A report is built by a background task (report_build.py) from the events that occurred in its
quarter, and it keeps the figures it was built from, so the board's numbers can always be traced
and rebuilt.
"""

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from schakelteam.accounts.policy import Scope, scope_of
from schakelteam.organisation.models import Regio

from .models import QuarterlyReport, ReportStatus
from .periods import QUARTER_RE, quarter_of, today
from .tasks import quarterly_report_build_task


class ReportError(Exception):
    """A report that cannot be made or retried in its current state."""


def quarterly_report_list(*, user) -> QuerySet[QuarterlyReport]:
    """Every report `user` may see; all report views start here."""
    qs = QuarterlyReport.objects.select_related("regio", "created_by")
    match scope_of(user, "monitoring.view"):
        case Scope.ALL:
            return qs
        case _:
            return qs.none()


def quarter_is_reportable(quarter: str) -> bool:
    return bool(QUARTER_RE.match(quarter or "")) and quarter <= quarter_of(today()).key


@transaction.atomic
def quarterly_report_create(*, regio: Regio, quarter: str, narrative: str, user) -> QuarterlyReport:
    if not quarter_is_reportable(quarter):
        raise ReportError(_("Choose a quarter that has started."))
    report = QuarterlyReport.objects.create(
        regio=regio, quarter=quarter, narrative=narrative.replace("\x00", ""), created_by=user
    )
    _enqueue(report)
    return report


@transaction.atomic
def quarterly_report_retry(*, report: QuarterlyReport) -> QuarterlyReport:
    """Build again (after a failure, or to rebuild a closed quarter from the same events)."""
    report = QuarterlyReport.objects.select_for_update().get(pk=report.pk)
    if report.status in (ReportStatus.PENDING, ReportStatus.RUNNING):
        raise ReportError(_("This report is already being built."))
    report.status = ReportStatus.PENDING
    report.error = ""
    report.save(update_fields=["status", "error"])
    _enqueue(report)
    return report


def _enqueue(report: QuarterlyReport) -> None:
    transaction.on_commit(lambda: quarterly_report_build_task.enqueue(report_id=report.pk))
