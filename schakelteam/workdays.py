"""Working days in the Netherlands: weekends and Dutch public holidays don't count (SLA, monitoring).

The SLA of a casus and the monitoring figures both count with this one module.
"""

import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@lru_cache(maxsize=32)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("NL", years=year)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: datetime.datetime | datetime.date, n: int):
    """`start` moved forward by `n` working days, same wall-clock time in Amsterdam.

    A datetime comes back aware (Europe/Amsterdam); a date comes back a date. Work that arrives
    on a weekend or holiday starts counting from the next working day.
    """
    if isinstance(start, datetime.datetime):
        local = start.astimezone(AMSTERDAM) if start.tzinfo else start.replace(tzinfo=AMSTERDAM)
        day = _add(local.date(), n)
        return datetime.datetime.combine(day, local.time().replace(tzinfo=None), AMSTERDAM)
    return _add(start, n)


def _add(day: datetime.date, n: int) -> datetime.date:
    added = 0
    while added < n:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            added += 1
    return day
