"""manage.py export_regelingen [FILE]: every live regeling with its criteria as JSON or CSV."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from kennisbank.importing import regelingen_export_csv, regelingen_export_json


class Command(BaseCommand):
    help = "Export live regelingen with their criteria (the format import_regelingen reads)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, nargs="?", help="Default: standard output.")
        parser.add_argument(
            "--format", choices=["json", "csv"], help="Default: from the file name, else json."
        )
        parser.add_argument("--all", action="store_true", help="Include unpublished regelingen.")

    def handle(self, *args, file: Path | None, format: str | None, all: bool, **options):
        fmt = format or (file.suffix.lstrip(".").lower() if file else "json")
        rows = regelingen_export_json(live_only=not all)
        if fmt == "csv":
            text = regelingen_export_csv(rows)
        else:
            text = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
        if file:
            file.write_text(text, encoding="utf-8")
            self.stderr.write(f"{len(rows)} regelingen written to {file}")
        else:
            self.stdout.write(text, ending="")
