"""`manage.py apply_retention`: apply every retention period (idempotent; counts only).

Daily schedule (production): cron runs `manage.py apply_retention --enqueue` once a day; the
task worker (`manage.py db_worker`) runs it, so a failed run is a failed task admins can see
and retry. `manage.py apply_retention` without --enqueue runs it inline."""

from django.core.management.base import BaseCommand, CommandError

from ...retention import retention_apply, retention_apply_task


class Command(BaseCommand):
    help = "Delete or anonymise everything past its retention period; prints counts only."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Hand the run to the task worker."
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = retention_apply_task.enqueue()
            self.stdout.write(f"enqueued: {result.id}")
            return
        results = retention_apply()
        for name, count in results.items():
            self.stdout.write(f"{name}: {count}")
        if any(v == -1 for v in results.values()):
            raise CommandError("One or more retention rules failed; see the log.")
