"""The SLA counts Dutch working days: weekends and public holidays are skipped."""

import datetime

from cases.workdays import AMSTERDAM, add_working_days, is_working_day, working_days_between


def test_two_working_days_after_a_friday_is_the_tuesday():
    friday = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=AMSTERDAM)
    assert add_working_days(friday, 2) == datetime.datetime(2026, 11, 24, 10, 0, tzinfo=AMSTERDAM)


def test_christmas_and_boxing_day_do_not_count():
    assert add_working_days(datetime.date(2026, 12, 24), 1) == datetime.date(2026, 12, 28)


def test_kingsday_is_not_a_working_day():
    assert not is_working_day(datetime.date(2026, 4, 27))


def test_a_request_on_saturday_is_due_two_working_days_later():
    saturday = datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC)
    due = add_working_days(saturday, 2)
    assert due.date() == datetime.date(2026, 11, 24) and due.tzinfo == AMSTERDAM


def test_working_days_between_counts_only_working_days():
    assert working_days_between(datetime.date(2026, 11, 20), datetime.date(2026, 11, 24)) == 2
