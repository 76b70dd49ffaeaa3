"""Referral answers are counted with the days since sending, so the funnel can show median days."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from cases.services.referrals import referral_complete, referral_respond
from schakelteam.events import EventKind
from schakelteam.monitoring.models import MonitoringEvent
from tests.cases.factories import ReferralFactory

pytestmark = pytest.mark.django_db


def at(day: int, hour: int):
    moment = datetime.datetime(2026, 3, day, hour, 0, tzinfo=datetime.UTC)
    return time_machine.travel(moment, tick=False)


def test_accepting_and_completing_record_the_days_since_the_referral_was_sent(
    django_capture_on_commit_callbacks,
):
    with at(2, 9):
        referral = ReferralFactory()
    with at(5, 9), django_capture_on_commit_callbacks(execute=True):
        referral_respond(referral=referral, accept=True)
    with at(12, 21), django_capture_on_commit_callbacks(execute=True):
        referral_complete(referral=referral, outcome="helped")

    accepted = MonitoringEvent.objects.get(kind=EventKind.REFERRAL_ACCEPTED)
    completed = MonitoringEvent.objects.get(kind=EventKind.REFERRAL_COMPLETED)
    assert accepted.value == Decimal("3.00")
    assert completed.value == Decimal("10.50")
    assert accepted.partner == referral.partner
