"""Export of regelingen with their criteria in the exchange format (kennisbank/importing_format.md).

`regelingen_export_json()` is what the export command and the open-data catalogue serve."""

import csv
import datetime
import io
import json
from typing import Any

from django.db.models import QuerySet

from kennisbank.models import RegelingPage
from kennisbank.models.regelingen import CRITERION_FIELDS
from kennisbank.selectors import regeling_list

LIST_FIELDS = ("themes", "phases", "sectors", "gemeenten")
FIELDS = (
    "external_id",
    "title",
    "summary",
    "target_group",
    "provider",
    "level",
    "kind",
    "themes",
    "phases",
    "size_min",
    "size_max",
    "sectors",
    "gemeenten",
    "opens_on",
    "closes_on",
    "max_amount",
    "official_url",
    "source",
    "facts_checked_on",
    "criteria",
)


def regeling_export_dict(page: RegelingPage) -> dict[str, Any]:
    """One regeling in the exchange format (criteria, themes and gemeenten prefetched)."""
    return {
        "external_id": page.external_id or page.slug,
        "title": page.title,
        "summary": page.summary,
        "target_group": page.target_group,
        "provider": page.provider,
        "level": page.level,
        "kind": page.kind,
        "themes": sorted(t.slug for t in page.themes.all()),
        "phases": sorted(page.phases or []),
        "size_min": page.size_min,
        "size_max": page.size_max,
        "sectors": sorted(page.sectors or []),
        "gemeenten": sorted(g.slug for g in page.gemeenten.all()),
        "opens_on": _iso(page.opens_on),
        "closes_on": _iso(page.closes_on),
        "max_amount": page.max_amount,
        "official_url": page.official_url,
        "source": page.source,
        "facts_checked_on": _iso(page.facts_checked_on),
        "criteria": [
            {name: getattr(c, name) for name in CRITERION_FIELDS}
            for c in sorted(page.criteria.all(), key=lambda c: (c.sort_order or 0, c.pk or 0))
        ],
    }


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def regelingen_for_exchange(*, live_only: bool = True) -> QuerySet[RegelingPage]:
    """The regelingen an export holds (live and offered, or drafts too), with what it writes."""
    return (
        regeling_list(published=live_only)
        .prefetch_related("criteria", "themes", "gemeenten")
        .order_by("title")
    )


def regelingen_export_json(*, live_only: bool = True) -> list[dict]:
    """Every (live) regeling in the exchange format: the open-data catalogue and the export command."""
    return [regeling_export_dict(page) for page in regelingen_for_exchange(live_only=live_only)]


def regelingen_export_csv(rows: list[dict]) -> str:
    """CSV with one regeling per line: lists joined by '|', criteria as a JSON array."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    for row in rows:
        flat = dict(row)
        for name in LIST_FIELDS:
            flat[name] = "|".join(row[name])
        flat["criteria"] = json.dumps(row["criteria"], ensure_ascii=False)
        writer.writerow({k: "" if v is None else v for k, v in flat.items()})
    return out.getvalue()
