"""manage.py import_regelingen FILE: load regelingen with criteria from JSON or CSV, by external id."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kennisbank.importing import ImportFileError, ImportStatus, regelingen_import, rows_from_text


class Command(BaseCommand):
    help = (
        "Import regelingen with their criteria from a JSON or CSV file (idempotent by external_id)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--format", choices=["json", "csv"], help="Default: from the file name."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; change nothing."
        )

    def handle(self, *args, file: Path, format: str | None, dry_run: bool, **options):
        fmt = format or file.suffix.lstrip(".").lower()
        try:
            rows = rows_from_text(file.read_text(encoding="utf-8"), fmt=fmt)
            report = regelingen_import(rows, dry_run=dry_run)
        except (OSError, UnicodeDecodeError, ImportFileError) as error:
            raise CommandError(str(error)) from error
        for row in report.rows:
            line = f"{row.row:>5} {row.external_id or '-'}: {row.status}"
            if row.reason:
                line += f" — {row.reason}"
            style = self.style.ERROR if row.status == ImportStatus.REFUSED else self.style.SUCCESS
            self.stdout.write(style(line) if row.status != ImportStatus.UNCHANGED else line)
        totals = ", ".join(f"{n} {status}" for status, n in report.totals.items())
        self.stdout.write(("Dry run: " if dry_run else "") + totals)
