"""Anonymise closed casussen older than SCHAKELTEAM_CASE_RETENTION_DAYS (safe to run daily)."""

from django.core.management.base import BaseCommand

from cases.services.privacy import casus_retention_apply


class Command(BaseCommand):
    help = "Anonymise closed cases past the retention period, and people with nothing left."

    def handle(self, *args, **options) -> None:
        counts = casus_retention_apply()
        self.stdout.write(
            f"Anonymised {counts['casussen']} case(s) and {counts['entrepreneurs']} person(s)."
        )
