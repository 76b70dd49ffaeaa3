"""Delete anonymous scans that were never sent and not touched for the retention period."""

from django.conf import settings
from django.core.management.base import BaseCommand

from scan.services import scans_unfinished_purge


class Command(BaseCommand):
    help = "Delete unfinished scans older than SCHAKELTEAM_SCAN_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the retention days.")

    def handle(self, *args, **options):
        days = options["days"] or settings.SCHAKELTEAM_SCAN_RETENTION_DAYS
        count = scans_unfinished_purge(older_than_days=days)
        self.stdout.write(f"Deleted {count} unfinished scans older than {days} days.")
