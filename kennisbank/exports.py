"""The organiser's export of an event's registrations, as CSV or XLSX."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from kennisbank.models import EventPage
from kennisbank.services import event_canonical


def registration_rows(event: EventPage) -> list[list[str]]:
    """Header plus one row per registration, oldest first."""
    event = event_canonical(event)
    rows = [
        [
            _("Name"),
            _("E-mail address"),
            _("Organisation"),
            _("May be contacted"),
            _("Registered at"),
        ]
    ]
    for r in event.registrations.order_by("created_at", "pk"):
        rows.append(
            [
                r.name,
                r.email,
                r.organisation,
                _("yes") if r.consent_contact else _("no"),
                timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return rows


def _safe_cell(value: str) -> str:
    # A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection).
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def registrations_csv(event: EventPage) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in registration_rows(event):
        writer.writerow([_safe_cell(str(v)) for v in row])
    # BOM so Excel opens the UTF-8 file with the right characters.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def registrations_xlsx(event: EventPage) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Registrations")[:31]
    for row in registration_rows(event):
        sheet.append([_safe_cell(str(v)) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
