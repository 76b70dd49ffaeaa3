"""Import and export of regelingen with their criteria (JSON and CSV), idempotent by external id.

Each row is imported in its own transaction: a bad row is refused whole, never half-imported.
The format is documented in kennisbank/importing_format.md; the open-data catalogue serves it."""

import csv
import datetime
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from kennisbank.constants import RegelingKind, RegelingLevel
from kennisbank.criteria import criterion_value_normalise
from kennisbank.facts import FACTS, PHASES, SBI_DIVISIONS, dynamic_choices_load
from kennisbank.importing_export import (
    FIELDS,
    LIST_FIELDS,
    regeling_export_dict,
    regelingen_export_csv,
    regelingen_export_json,
    regelingen_for_exchange,
)
from kennisbank.models import RegelingCriterion, RegelingIndexPage, RegelingPage
from kennisbank.models.regelingen import CRITERION_FIELDS
from schakelteam.organisation.constants import SbiSection
from schakelteam.organisation.models import Gemeente
from schakelteam.organisation.selectors import theme_list

__all__ = [
    "ImportFileError",
    "ImportReport",
    "ImportStatus",
    "RowReport",
    "regeling_export_dict",
    "regelingen_export_csv",
    "regelingen_export_json",
    "regelingen_import",
    "rows_from_text",
]

TEXT_FIELDS = ("title", "summary", "target_group", "provider", "official_url", "source")


class ImportStatus:
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REFUSED = "refused"


@dataclass
class RowReport:
    row: int
    external_id: str
    status: str
    reason: str = ""


@dataclass
class ImportReport:
    rows: list[RowReport] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def totals(self) -> dict[str, int]:
        statuses = (
            ImportStatus.CREATED,
            ImportStatus.UPDATED,
            ImportStatus.UNCHANGED,
            ImportStatus.REFUSED,
        )
        return {s: self.count(s) for s in statuses}


class ImportFileError(Exception):
    """The file as a whole cannot be read."""


# ---------------------------------------------------------------- reading files


def rows_from_text(text: str, *, fmt: str) -> list[dict]:
    """Rows from a JSON (list of objects) or CSV text; ImportFileError when unreadable."""
    text = text.lstrip("\ufeff")
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportFileError(_("The file is not valid JSON: %(e)s") % {"e": error}) from error
        if isinstance(data, dict) and isinstance(data.get("regelingen"), list):
            data = data["regelingen"]
        if not isinstance(data, list):
            raise ImportFileError(_("The JSON file must hold a list of regelingen."))
        return data
    if fmt == "csv":
        try:
            return [_csv_row(row) for row in csv.DictReader(io.StringIO(text))]
        except csv.Error as error:
            raise ImportFileError(_("The CSV file cannot be read: %(e)s") % {"e": error}) from error
    raise ImportFileError(_("Use a .json or .csv file."))


def _csv_row(row: dict) -> dict:
    result: dict[str, Any] = {k: (v or "").strip() for k, v in row.items() if k}
    for name in LIST_FIELDS:
        if name in result:
            result[name] = [part.strip() for part in result[name].split("|") if part.strip()]
    if result.get("criteria"):
        try:
            result["criteria"] = json.loads(result["criteria"])
        except json.JSONDecodeError:
            result["criteria"] = _CsvBroken(result["criteria"])
    else:
        result["criteria"] = []
    return {k: (None if v == "" else v) for k, v in result.items()}


class _CsvBroken(str):
    """A criteria cell that is not JSON; refused with a clear reason."""


# ---------------------------------------------------------------- validating one row


def _row_normalise(row: Any, dynamic: dict) -> dict[str, Any]:
    """The row in export form, or ValidationError naming what is wrong."""
    if not isinstance(row, dict):
        raise ValidationError(_("A row must be an object with named fields."))
    unknown = set(row) - set(FIELDS)
    if unknown:
        raise ValidationError(
            _("Unknown fields: %(f)s.") % {"f": ", ".join(sorted(map(str, unknown)))[:200]}
        )
    external_id = row.get("external_id")
    if not isinstance(external_id, str) or not external_id or slugify(external_id) != external_id:
        raise ValidationError(_("external_id must be a slug (lowercase letters, digits, hyphens)."))
    if len(external_id) > 120:
        raise ValidationError(_("external_id is longer than 120 characters."))
    data: dict[str, Any] = {"external_id": external_id}
    for name in TEXT_FIELDS:
        value = row.get(name) or ""
        if not isinstance(value, str) or "\x00" in value:
            raise ValidationError(_("%(f)s must be text.") % {"f": name})
        data[name] = value.strip()
    for name in ("title", "summary"):
        if not data[name]:
            raise ValidationError(_("%(f)s is required.") % {"f": name})
    if len(data["title"]) > 255 or len(data["provider"]) > 200 or len(data["official_url"]) > 500:
        raise ValidationError(_("title, provider or official_url is too long."))
    data["level"] = _choice(row, "level", RegelingLevel.values)
    data["kind"] = _choice(row, "kind", RegelingKind.values)
    data["themes"] = _slugs(row, "themes", {v for v, _l in dynamic["theme"]})
    data["phases"] = _slugs(row, "phases", {v for v, _l in PHASES})
    data["sectors"] = _slugs(
        row, "sectors", set(SbiSection.values) | set(SBI_DIVISIONS), upper=True
    )
    data["gemeenten"] = _slugs(row, "gemeenten", {v for v, _l in dynamic["gemeente"]})
    for name in ("size_min", "size_max", "max_amount"):
        data[name] = _number(row, name)
    for name in ("opens_on", "closes_on", "facts_checked_on"):
        data[name] = _date(row, name)
    if (
        data["size_min"] is not None
        and data["size_max"] is not None
        and data["size_min"] > data["size_max"]
    ):
        raise ValidationError(_("size_max must not be below size_min."))
    if data["opens_on"] and data["closes_on"] and data["opens_on"] > data["closes_on"]:
        raise ValidationError(_("closes_on must not be before opens_on."))
    data["criteria"] = [_criterion(c, i, dynamic) for i, c in enumerate(_criteria_list(row), 1)]
    return data


def _choice(row: dict, name: str, allowed: list[str]) -> str:
    value = row.get(name) or ""
    if value not in allowed and value != "":
        raise ValidationError(
            _("%(f)s “%(v)s” is not one of: %(a)s.")
            % {"f": name, "v": str(value)[:40], "a": ", ".join(allowed)}
        )
    return value


def _slugs(row: dict, name: str, allowed: set[str], *, upper: bool = False) -> list[str]:
    values = row.get(name) or []
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValidationError(_("%(f)s must be a list of texts.") % {"f": name})
    values = [v.strip().upper() if upper else v.strip() for v in values]
    unknown = sorted(set(values) - allowed)
    if unknown:
        raise ValidationError(
            _("%(f)s: unknown %(v)s.") % {"f": name, "v": ", ".join(unknown)[:200]}
        )
    return sorted(set(values))


def _number(row: dict, name: str) -> int | None:
    value = row.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 15:
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10**15:
        raise ValidationError(_("%(f)s must be a whole number of at least 0.") % {"f": name})
    return value


def _date(row: dict, name: str) -> str | None:
    value = row.get(name)
    if value in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(str(value)).isoformat()
    except ValueError as error:
        raise ValidationError(_("%(f)s must be a date like 2026-12-31.") % {"f": name}) from error


def _criteria_list(row: dict) -> list:
    criteria = row.get("criteria") or []
    if isinstance(criteria, _CsvBroken) or not isinstance(criteria, list):
        raise ValidationError(_("criteria must be a list of objects (JSON in a CSV cell)."))
    return criteria


def _criterion(item: Any, number: int, dynamic: dict) -> dict:
    if not isinstance(item, dict) or set(item) - set(CRITERION_FIELDS):
        raise ValidationError(
            _("criterion %(n)s: use the fields %(f)s.")
            % {"n": number, "f": ", ".join(CRITERION_FIELDS)}
        )
    fact, operator = item.get("fact"), item.get("operator")
    if fact not in FACTS:
        raise ValidationError(
            _("criterion %(n)s: unknown fact “%(f)s”.") % {"n": number, "f": str(fact)[:40]}
        )
    try:
        value = criterion_value_normalise(fact, str(operator), item.get("value"), dynamic=dynamic)
    except ValidationError as error:
        raise ValidationError(
            _("criterion %(n)s: %(e)s") % {"n": number, "e": " ".join(error.messages)}
        ) from error
    knockout = item.get("knockout", True)
    if not isinstance(knockout, bool):
        knockout = str(knockout).lower() not in {"false", "0", "no", "nee"}
    texts = {}
    for name in ("explanation_met", "explanation_not_met"):
        text = item.get(name) or ""
        if not isinstance(text, str) or len(text) > 300:
            raise ValidationError(
                _("criterion %(n)s: %(f)s must be text up to 300 characters.")
                % {"n": number, "f": name}
            )
        texts[name] = text.strip()
    return {"fact": fact, "operator": operator, "value": value, "knockout": knockout, **texts}


# ---------------------------------------------------------------- writing


def _page_apply(page: RegelingPage, data: dict, themes: dict, gemeenten: dict) -> None:
    for name in (
        "title",
        "summary",
        "target_group",
        "provider",
        "level",
        "kind",
        "official_url",
        "source",
    ):
        setattr(page, name, data[name])
    for name in ("size_min", "size_max", "max_amount"):
        setattr(page, name, data[name])
    for name in ("opens_on", "closes_on", "facts_checked_on"):
        setattr(page, name, datetime.date.fromisoformat(data[name]) if data[name] else None)
    page.external_id = data["external_id"]
    page.phases = data["phases"]
    page.sectors = data["sectors"]
    page.themes = [themes[s] for s in data["themes"]]
    page.gemeenten = [gemeenten[s] for s in data["gemeenten"]]
    page.criteria = [RegelingCriterion(sort_order=i, **c) for i, c in enumerate(data["criteria"])]


def _slug_free(wanted: str, taken: set[str]) -> str:
    slug, n = wanted[:80], 2
    while slug in taken:
        slug, n = f"{wanted[:76]}-{n}", n + 1
    taken.add(slug)
    return slug


def regelingen_import(rows: Iterable[Any], *, dry_run: bool = False) -> ImportReport:
    """Create, update or leave each regeling by external_id; refuse bad rows whole, with the reason."""
    locale = Locale.get_default()
    parent = RegelingIndexPage.objects.filter(locale=locale).first()
    if parent is None:
        raise ImportFileError(
            _("Create the regeling overview page first; imported regelingen go under it.")
        )
    dynamic = dynamic_choices_load()
    themes = {t.slug: t for t in theme_list()}
    gemeenten = {g.slug: g for g in Gemeente.objects.all()}
    existing: dict[str, RegelingPage] = {}
    for page in regelingen_for_exchange(live_only=False):
        existing.setdefault(page.external_id or page.slug, page)
    taken = set(parent.get_children().values_list("slug", flat=True))
    seen: set[str] = set()
    report = ImportReport()
    for number, row in enumerate(rows, 1):
        external_id = str(row.get("external_id", ""))[:120] if isinstance(row, dict) else ""
        try:
            data = _row_normalise(row, dynamic)
        except ValidationError as error:
            report.rows.append(
                RowReport(number, external_id, ImportStatus.REFUSED, " ".join(error.messages))
            )
            continue
        if external_id in seen:
            report.rows.append(
                RowReport(
                    number,
                    external_id,
                    ImportStatus.REFUSED,
                    _("Duplicate external_id earlier in this file."),
                )
            )
            continue
        seen.add(external_id)
        page = existing.get(external_id)
        if page is not None and regeling_export_dict(page) == data:
            report.rows.append(RowReport(number, external_id, ImportStatus.UNCHANGED))
            continue
        status = ImportStatus.CREATED if page is None else ImportStatus.UPDATED
        if dry_run:
            report.rows.append(RowReport(number, external_id, status))
            continue
        try:
            with transaction.atomic():
                if page is None:
                    page = RegelingPage(slug=_slug_free(external_id, taken), locale=locale)
                    _page_apply(page, data, themes, gemeenten)
                    parent.add_child(instance=page)
                else:
                    page = page.specific
                    _page_apply(page, data, themes, gemeenten)
                    page.full_clean()
                revision = page.save_revision()
                if status == ImportStatus.CREATED or page.live:
                    revision.publish()  # an editor's unpublished regeling stays a draft
        except (ValidationError, IntegrityError, ValueError) as error:
            reason = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            report.rows.append(RowReport(number, external_id, ImportStatus.REFUSED, reason[:300]))
            continue
        existing[external_id] = page
        report.rows.append(RowReport(number, external_id, status))
    return report
