"""Under real parallel load (PostgreSQL row locks): fifty coordinators assigning one casus at once —
exactly one wins and the rest are told who has it; ten identical submissions make one casus."""

import uuid

import pytest
from django.db import connection

from cases.exceptions import CasusAlreadyAssigned
from cases.models import Casus, Entrepreneur
from cases.services.handling import casus_assign
from cases.services.intake import IntakeRequest, casus_intake
from tests.helpers import run_parallel

from .factories import AdvisorFactory, CasusFactory

pytestmark = [
    pytest.mark.postgres_only,
    # serialized_rollback: the flush after this test must not recreate content types (with new
    # ids) nor lose the data-migration rows that later tests rely on.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_fifty_parallel_assignments_have_exactly_one_winner():
    assert connection.vendor == "postgresql"
    casus = CasusFactory()
    advisors = [AdvisorFactory() for _ in range(50)]

    results = run_parallel(50, lambda i: casus_assign(casus=casus, advisor=advisors[i]))

    winners = [r for r in results if isinstance(r, Casus)]
    losers = [r for r in results if isinstance(r, CasusAlreadyAssigned)]
    assert len(winners) == 1 and len(losers) == 49
    casus.refresh_from_db()
    assert all(loser.holder == casus.advisor for loser in losers)


def test_ten_parallel_identical_submissions_make_one_casus(almere):
    key = uuid.uuid4()
    request = IntakeRequest(
        name="Parallel",
        email="parallel@example.nl",
        company_name="P BV",
        postcode="1315 AB",
        question="Tien keer tegelijk.",
    )

    results = run_parallel(
        10,
        lambda i: casus_intake(
            request=request, consents={"contact"}, origin="web", idempotency_key=key
        ),
    )

    assert all(isinstance(r, Casus) for r in results), results
    assert Casus.objects.count() == 1 and Entrepreneur.objects.count() == 1
    assert {r.pk for r in results} == {Casus.objects.get().pk}
