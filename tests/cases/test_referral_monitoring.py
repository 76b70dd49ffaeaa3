"""Referral answers are counted with the days since sending, so the funnel can show median days."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from cases.services.referrals import referral_complete, referral_respond
from schakelteam.constants import EventKind
from schakelteam.monitoring import MonitoringEvent
from tests.cases.factories import ReferralFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_accepting_and_completing_record_the_days_since_the_referral_was_sent():
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False):
        referral = ReferralFactory()
    with time_machine.travel(datetime.datetime(2026, 3, 5, 9, 0, tzinfo=datetime.UTC), tick=False):
        referral_respond(referral=referral, accept=True)
    with time_machine.travel(
        datetime.datetime(2026, 3, 12, 21, 0, tzinfo=datetime.UTC), tick=False
    ):
        referral_complete(referral=referral, outcome="helped")

    accepted = MonitoringEvent.objects.get(kind=EventKind.REFERRAL_ACCEPTED)
    completed = MonitoringEvent.objects.get(kind=EventKind.REFERRAL_COMPLETED)
    assert accepted.value == Decimal("3.00")
    assert completed.value == Decimal("10.50")
    assert accepted.partner == referral.partner
