"""Load demo content and demo staff accounts; a second run changes nothing."""

from django.core.management.base import BaseCommand

from schakelteam.demo.loader import demo_load


class Command(BaseCommand):
    help = "Load the demo region, content, scans and staff accounts (idempotent)."

    def handle(self, *args, **options):
        demo_load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
