"""Regional indicators: checking and importing an editor's CSV, and the reads for the public pages.

CSV columns (header row, comma or semicolon): indicator, gemeente, period, value, unit, source,
source_date, and optionally label and regio. An empty gemeente means the figure is for the regio.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from schakelteam.organisation.models import Gemeente, Regio

from .models import RegionalIndicator

REQUIRED = ["indicator", "gemeente", "period", "value", "unit", "source", "source_date"]
MAX_ROWS = 5000
MAX_BYTES = 1_000_000


@dataclass
class RowResult:
    line: int
    status: str  # good | duplicate | broken
    message: str = ""
    values: dict = field(default_factory=dict)

    @property
    def area(self) -> str:
        area = self.values.get("gemeente") or self.values.get("regio") or ""
        return str(area)


@dataclass
class CsvReport:
    rows: list[RowResult]
    error: str = ""

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def good(self) -> int:
        return self.count("good")

    @property
    def duplicate(self) -> int:
        return self.count("duplicate")

    @property
    def broken(self) -> int:
        return self.count("broken")


def csv_decode(raw: bytes) -> str:
    text = raw.decode("utf-8-sig", errors="replace")
    return text.replace("\x00", "")


def _decimal(text: str) -> Decimal:
    text = text.strip().replace(" ", "")
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    value = Decimal(text)
    if not value.is_finite() or abs(value) >= Decimal("1e12"):
        raise InvalidOperation
    return value.quantize(Decimal("0.01"))


def indicator_csv_check(text: str) -> CsvReport:
    """Check every row without saving: good, duplicate (in the file or already stored) or broken."""
    if len(text.encode()) > MAX_BYTES:
        return CsvReport([], _("The file is larger than 1 MB."))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:2000]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    headers = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in headers]
    if missing:
        return CsvReport([], _("Missing columns: %(cols)s.") % {"cols": ", ".join(missing)})
    reader.fieldnames = headers
    regios = {r.slug: r for r in Regio.objects.all()}
    gemeenten = {}
    for g in Gemeente.objects.select_related("regio"):
        gemeenten[g.slug] = g
        gemeenten[g.name.lower()] = g
    stored = {
        (i.indicator, i.regio_id, i.gemeente_id, i.period): i.value
        for i in RegionalIndicator.objects.all().only(
            "indicator", "regio", "gemeente", "period", "value"
        )
    }
    seen: set = set()
    rows = []
    try:
        for line, raw in enumerate(reader, start=2):
            if len(rows) >= MAX_ROWS:
                return CsvReport(rows, _("Only the first %(n)s rows are read.") % {"n": MAX_ROWS})
            rows.append(_row_check(line, raw, regios, gemeenten, stored, seen))
    except csv.Error as exc:
        return CsvReport(rows, _("The file is not valid CSV: %(error)s") % {"error": exc})
    return CsvReport(rows)


def _row_check(line, raw, regios, gemeenten, stored, seen) -> RowResult:
    cell = {k: str(v or "").strip()[:300] for k, v in raw.items() if k}
    indicator = slugify(cell.get("indicator", ""))[:80]
    if not indicator:
        return RowResult(line, "broken", _("The indicator is empty."), cell)
    gemeente = None
    if cell.get("gemeente"):
        gemeente = gemeenten.get(cell["gemeente"].lower()) or gemeenten.get(
            slugify(cell["gemeente"])
        )
        if gemeente is None:
            return RowResult(
                line, "broken", _("Unknown municipality “%(g)s”.") % {"g": cell["gemeente"]}, cell
            )
    regio = gemeente.regio if gemeente else None
    if cell.get("regio"):
        regio = regios.get(slugify(cell["regio"]))
        if regio is None or (gemeente and gemeente.regio_id != regio.pk):
            return RowResult(
                line,
                "broken",
                _("Unknown or mismatching region “%(r)s”.") % {"r": cell["regio"]},
                cell,
            )
    if regio is None:
        if len(regios) != 1:
            return RowResult(line, "broken", _("Give a municipality or a region."), cell)
        regio = next(iter(regios.values()))
    period = cell.get("period", "")[:20]
    if not period:
        return RowResult(line, "broken", _("The period is empty."), cell)
    try:
        value = _decimal(cell.get("value", ""))
    except (InvalidOperation, ValueError):
        return RowResult(line, "broken", _("The value is not a number."), cell)
    if not cell.get("source"):
        return RowResult(line, "broken", _("The source is empty."), cell)
    try:
        source_date = datetime.date.fromisoformat(cell.get("source_date", ""))
    except ValueError:
        return RowResult(line, "broken", _("The source date is not a date (YYYY-MM-DD)."), cell)
    key = (indicator, regio.pk, gemeente.pk if gemeente else None, period)
    values = {
        "indicator": indicator,
        "label": cell.get("label", "")[:200],
        "regio": regio,
        "gemeente": gemeente,
        "period": period,
        "value": value,
        "unit": cell.get("unit", "")[:60],
        "source": cell["source"][:200],
        "source_date": source_date,
    }
    if key in seen:
        return RowResult(
            line, "duplicate", _("The same figure appears earlier in the file."), values
        )
    seen.add(key)
    if stored.get(key) == value:
        return RowResult(line, "duplicate", _("This figure is already stored."), values)
    message = _("Replaces the stored value.") if key in stored else _("New figure.")
    return RowResult(line, "good", message, values)


@transaction.atomic
def indicator_csv_import(text: str) -> CsvReport:
    """Store every good row (a new figure, or a changed value for the same key)."""
    report = indicator_csv_check(text)
    for row in report.rows:
        if row.status != "good":
            continue
        v = dict(row.values)
        RegionalIndicator.objects.update_or_create(
            indicator=v.pop("indicator"),
            regio=v.pop("regio"),
            gemeente=v.pop("gemeente"),
            period=v.pop("period"),
            defaults={**v, "is_demo": False},
        )
    return report


def indicator_tables(*, regio: Regio, gemeente: Gemeente | None = None) -> list[dict]:
    """Per indicator: its rows by period (and gemeente on the region page), with source and date."""
    qs = RegionalIndicator.objects.filter(regio=regio).select_related("gemeente")
    qs = qs.filter(gemeente=gemeente) if gemeente else qs
    tables: dict[str, dict] = {}
    for i in qs.order_by("indicator", "period", "gemeente__name"):
        t = tables.setdefault(
            i.indicator,
            {
                "slug": i.indicator,
                "label": i.label or i.indicator,
                "unit": i.unit,
                "rows": [],
                "sources": set(),
                "demo": False,
            },
        )
        t["rows"].append(
            {
                "period": i.period,
                "area": i.gemeente.name if i.gemeente else regio.name,
                "value": i.value,
            }
        )
        t["sources"].add((i.source, i.source_date))
        t["demo"] = t["demo"] or i.is_demo
    for t in tables.values():
        t["sources"] = sorted(t["sources"], key=lambda s: (s[1], s[0]))
    return list(tables.values())
