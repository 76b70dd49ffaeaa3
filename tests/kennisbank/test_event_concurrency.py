"""Under real parallel load (PostgreSQL row locks): ten people take the last two places at once;
exactly two get in and the rest are told the event is full."""

import pytest
from django.db import connection

from kennisbank.models import EventRegistration
from kennisbank.services import RegistrationClosed, event_register
from tests.helpers import run_parallel
from tests.kennisbank.factories import EventPageFactory

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_ten_people_at_once_for_the_last_two_places():
    assert connection.vendor == "postgresql"
    event = EventPageFactory(capacity=3)
    event_register(event=event, name="Eerste", email="eerste@example.org")

    results = run_parallel(
        10,
        lambda i: event_register(event=event, name=f"Deelnemer {i}", email=f"d{i}@example.org"),
    )

    placed = [r for r in results if isinstance(r, tuple) and r[1]]
    refused = [r for r in results if isinstance(r, RegistrationClosed)]
    assert (len(placed), len(refused)) == (2, 8), results
    assert EventRegistration.objects.filter(event=event).count() == 3
