"""Load demo content and demo staff accounts; a second run changes nothing."""

from importlib import import_module

from django.core.management.base import BaseCommand

# Order matters: each app's demo builds on the ones before it.
DEMO_MODULES = [
    "schakelteam.organisation.demo",
    "kennisbank.demo",
    "scan.demo",
    "cases.demo",
    "schakelteam.monitoring.demo",
]


class Command(BaseCommand):
    help = "Load the demo region, content, scans and staff accounts (idempotent)."

    def handle(self, *args, **options):
        for name in DEMO_MODULES:
            try:
                module = import_module(name)
            except ModuleNotFoundError as exc:
                if exc.name != name:
                    raise
                continue
            module.load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
