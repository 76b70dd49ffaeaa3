"""Background work of the schakelteam app (ids in, call a service)."""

from django_tasks import task


@task()
def quarterly_report_build_task(report_id: int) -> None:
    from .reports import quarterly_report_build

    quarterly_report_build(report_id=report_id)
