"""Background work of the monitoring app (ids in, call a service)."""

from django_tasks import task

from .report_build import quarterly_report_build


@task()
def quarterly_report_build_task(report_id: int) -> None:
    quarterly_report_build(report_id=report_id)
