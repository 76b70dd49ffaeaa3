"""`manage.py apply_retention`: apply every retention period (idempotent; counts only)."""

from django.core.management.base import BaseCommand, CommandError

from schakelteam.retention import retention_apply


class Command(BaseCommand):
    help = "Delete or anonymise everything past its retention period; prints counts only."

    def handle(self, *args, **options):
        results = retention_apply()
        for name, count in results.items():
            self.stdout.write(f"{name}: {count}")
        if any(v == -1 for v in results.values()):
            raise CommandError("One or more retention rules failed; see the log.")
