"""A gunicorn worker killed (SIGKILL) in the middle of an intake loses nothing and duplicates
nothing: the request sent before the kill is stored whole, the form the entrepreneur had open can
be sent after the restart, and sending it again (the browser retrying) gives no second casus,
thanks to the form's idempotency key."""

import os
import re
import signal
import time

import pytest

from cases.models import Casus, Consent
from tests.cases.conftest import intake_post_data
from tests.organisation.factories import GemeenteFactory

from .test_kill_worker import Browser, server, wait_until_up, worker_pids  # noqa: F401 (fixture)

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def form_key(html: str) -> str:
    tag = re.search(r'<input[^>]*name="idempotency_key"[^>]*>', html).group(0)
    return re.search(r'value="([0-9a-f-]{36})"', tag).group(1)


def send(browser: Browser, key: str, **fields) -> tuple[int, str]:
    data = intake_post_data(idempotency_key=key, **fields)
    status, _, location = browser.request(
        "/gesprek-aanvragen/", {**data, "csrfmiddlewaretoken": browser.csrf()}
    )
    return status, location


def kill_the_worker(master) -> None:
    (worker,) = worker_pids(master.pid)
    os.kill(worker, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while worker_pids(master.pid) in ([], [worker]) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert worker not in worker_pids(master.pid)


def test_a_killed_worker_loses_no_intake_and_the_retry_makes_no_duplicate(server):  # noqa: F811
    master, base = server
    GemeenteFactory()
    browser = Browser(base)

    status, html, _ = browser.request("/gesprek-aanvragen/")
    assert status == 200
    status, location = send(browser, form_key(html), question="Eerste vraag: personeel.")
    assert status == 302 and location.endswith("/aanvraag-ontvangen/")
    first = Casus.objects.get()
    consents_before = set(Consent.objects.values_list("pk", "purpose", "casus_id"))

    # The entrepreneur opens the form for a second request; the worker dies before they send it.
    status, html, _ = browser.request("/gesprek-aanvragen/")
    open_key = form_key(html)
    kill_the_worker(master)
    wait_until_up(base)

    first_again = Casus.objects.get(pk=first.pk)
    assert (first_again.question, first_again.company_id, first_again.entrepreneur_id) == (
        "Eerste vraag: personeel.",
        first.company_id,
        first.entrepreneur_id,
    )
    assert set(Consent.objects.values_list("pk", "purpose", "casus_id")) == consents_before

    status, location = send(browser, open_key, question="Tweede vraag: financiering.")
    assert status == 302 and location.endswith("/aanvraag-ontvangen/")
    status, location = send(browser, open_key, question="Tweede vraag: financiering.")  # retry
    assert status == 302 and location.endswith("/aanvraag-ontvangen/")

    questions = sorted(Casus.objects.values_list("question", flat=True))
    assert questions == ["Eerste vraag: personeel.", "Tweede vraag: financiering."]
