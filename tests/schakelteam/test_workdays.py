"""Working days skip weekends and Dutch public holidays (Koningsdag, Christmas)."""

import datetime

from schakelteam.workdays import AMSTERDAM, add_working_days, is_working_day

D = datetime.date


def test_two_working_days_from_friday_land_on_tuesday():
    assert add_working_days(D(2025, 3, 7), 2) == D(2025, 3, 11)
    assert not is_working_day(D(2025, 3, 8))


def test_koningsdag_is_not_a_working_day():
    assert not is_working_day(D(2023, 4, 27))  # a Thursday
    assert add_working_days(D(2023, 4, 26), 1) == D(2023, 4, 28)


def test_christmas_days_are_skipped():
    # 24 Dec 2025 is a Wednesday; 25 and 26 are holidays, then the weekend.
    assert add_working_days(D(2025, 12, 24), 2) == D(2025, 12, 30)


def test_a_datetime_keeps_its_wall_clock_time_in_amsterdam():
    start = datetime.datetime(2025, 4, 25, 16, 30, tzinfo=datetime.UTC)  # Friday 18:30 local
    due = add_working_days(start, 2)
    assert due.date() == D(2025, 4, 29)  # Monday 28, Tuesday 29
    assert (due.hour, due.minute) == (18, 30)


def test_two_working_days_after_a_friday_morning_is_tuesday_morning_in_amsterdam():
    friday = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=AMSTERDAM)
    assert add_working_days(friday, 2) == datetime.datetime(2026, 11, 24, 10, 0, tzinfo=AMSTERDAM)


def test_a_request_on_saturday_is_due_two_working_days_later():
    saturday = datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC)
    due = add_working_days(saturday, 2)
    assert due.date() == datetime.date(2026, 11, 24)
    assert due.tzinfo == AMSTERDAM
