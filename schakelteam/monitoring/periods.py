"""Reporting periods: a quarter ("2025-Q3"), a year ("2025") or the whole deal ("deal")."""

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
QUARTER_RE = re.compile(r"^(20\d\d)-Q([1-4])$")
YEAR_RE = re.compile(r"^(20\d\d)$")


@dataclass(frozen=True)
class Period:
    kind: str  # quarter | year | deal
    key: str
    start: datetime.date
    end: datetime.date  # exclusive

    @property
    def label(self) -> str:
        if self.kind == "deal":
            return _("Whole deal")
        if self.kind == "year":
            return self.key
        return self.key.replace("-", " ")

    @property
    def start_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.start, datetime.time(), AMSTERDAM)

    @property
    def end_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.end, datetime.time(), AMSTERDAM)

    def quarters(self) -> list["Period"]:
        """The quarters that make up this period, oldest first."""
        out, day = [], self.start
        while day < self.end:
            q = quarter_of(day)
            out.append(q)
            day = q.end
        return out


def quarter_of(day: datetime.date) -> Period:
    q = (day.month - 1) // 3 + 1
    start = datetime.date(day.year, 3 * q - 2, 1)
    end = datetime.date(day.year + (q == 4), 1 if q == 4 else 3 * q + 1, 1)
    return Period("quarter", f"{day.year}-Q{q}", start, end)


def today() -> datetime.date:
    return timezone.localtime(timezone.now(), AMSTERDAM).date()


def deal_period(start: datetime.date | None, end: datetime.date | None = None) -> Period:
    """From the first quarter of `start` up to the end of the current (or `end`'s) quarter."""
    end_day = min(end, today()) if end else today()
    start = start or datetime.date(end_day.year - 1, 1, 1)
    return Period("deal", "deal", quarter_of(start).start, quarter_of(end_day).end)


def period_parse(value: str, deal: Period) -> Period | None:
    """`value` as a Period; None when it is not one we can report on."""
    value = (value or "").strip()
    if value == "deal":
        return deal
    if match := QUARTER_RE.match(value):
        year, q = int(match.group(1)), int(match.group(2))
        return quarter_of(datetime.date(year, 3 * q - 2, 1))
    if match := YEAR_RE.match(value):
        year = int(match.group(1))
        return Period("year", value, datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1))
    return None


def period_choices(deal: Period) -> list[Period]:
    """What the dashboard offers: the whole deal, each year, each quarter (newest first)."""
    quarters = deal.quarters()
    years = sorted({q.start.year for q in quarters}, reverse=True)
    return [
        deal,
        *(period_parse(str(y), deal) for y in years),
        *reversed(quarters),
    ]
