"""Double submit, the back button after submitting and two tabs on one scan have one defined
outcome each: nothing is lost and nothing is stored twice.

The intake form carries an idempotency key (a hidden UUID): the same form sent again, by a
double click or by going back and sending it once more, gives the first casus. The scan lives in
the browser session; two tabs share that session and so edit the same scan: the last answer
saved wins, there is one answer row per question, and once one tab has sent the scan the other
tab's steps lead to the result instead of changing it.
"""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from cases.models import Casus, Consent, Entrepreneur
from scan.models import ScanAnswer, ScanResponse
from tests.cases.conftest import intake_post_data
from tests.organisation.factories import GemeenteFactory
from tests.scan.factories import definition_published

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def almere():
    return GemeenteFactory()


def form_key(html: str) -> str:
    return re.search(r'name="idempotency_key" value="([0-9a-f-]{36})"', html).group(1)


def test_a_double_click_on_the_intake_form_makes_one_casus(client, almere):
    data = intake_post_data()

    first = client.post("/gesprek-aanvragen/", data)
    second = client.post("/gesprek-aanvragen/", data)

    assert first.status_code == second.status_code == 302
    assert first.url == second.url == reverse("cases:intake_done")
    assert Casus.objects.count() == 1
    assert Entrepreneur.objects.count() == 1
    assert Consent.objects.filter(casus=Casus.objects.get()).count() == 1


def test_the_intake_form_page_gives_every_visit_its_own_key(client, almere):
    first = form_key(client.get("/gesprek-aanvragen/").content.decode())
    second = form_key(client.get("/gesprek-aanvragen/").content.decode())
    assert first != second


def test_back_after_the_intake_and_sending_the_same_page_again_adds_nothing(client, almere):
    key = form_key(client.get("/gesprek-aanvragen/").content.decode())
    data = intake_post_data(idempotency_key=key)
    client.post("/gesprek-aanvragen/", data)
    casus = Casus.objects.get()

    # The back button shows the filled-in page from the browser's cache, with the same key.
    again = client.post("/gesprek-aanvragen/", {**data, "question": "Toch nog iets anders."})

    assert again.status_code == 302 and again.url == reverse("cases:intake_done")
    assert list(Casus.objects.all()) == [casus]
    casus.refresh_from_db()
    assert casus.question == data["question"]  # the first submission is what was stored


def test_a_new_request_from_a_freshly_loaded_form_is_a_new_casus(client, almere):
    for _ in range(2):
        key = form_key(client.get("/gesprek-aanvragen/").content.decode())
        client.post("/gesprek-aanvragen/", intake_post_data(idempotency_key=key))
    assert Casus.objects.count() == 2
    assert Entrepreneur.objects.count() == 1  # the same person, known by e-mail


def test_the_same_question_sent_twice_makes_one_question_casus(client, almere):
    data = intake_post_data(preferred_channel=None, preferred_times=None)
    client.post("/vraag-stellen/", data)
    client.post("/vraag-stellen/", data)
    assert Casus.objects.count() == 1


# ---- the scan ---------------------------------------------------------------------------------

FACTS = {"size_class": "5-10", "sbi_section": "G", "postcode": "1315 AB", "nav": "next"}
STEP_2 = {"q-g1": "4", "q-g2": "2", "q-g-ambitie": "5"}
STEP_3 = {"q-m1": "3", "q-knel": "nee", "q-m-ambitie": "3"}


def scan_started(client) -> ScanResponse:
    definition_published()
    client.post(reverse("scan:intro"))
    client.post(reverse("scan:step", args=[1]), FACTS)
    return ScanResponse.objects.get()


def answers(scan) -> dict:
    return dict(ScanAnswer.objects.filter(response=scan).values_list("question__slug", "value"))


def test_a_double_click_on_a_scan_step_saves_each_answer_once(client):
    scan = scan_started(client)
    first = client.post(reverse("scan:step", args=[2]), STEP_2)
    second = client.post(reverse("scan:step", args=[2]), STEP_2)
    assert first.url == second.url
    assert ScanAnswer.objects.filter(response=scan).count() == 3
    assert answers(scan) == {"g1": "4", "g2": "2", "g-ambitie": "5"}


def test_a_double_click_on_send_gives_one_result(client):
    scan = scan_started(client)
    client.post(reverse("scan:step", args=[2]), STEP_2)
    client.post(reverse("scan:step", args=[3]), STEP_3)

    first = client.post(reverse("scan:review"))
    second = client.post(reverse("scan:review"))

    assert first.status_code == second.status_code == 302
    assert second.url == first.url
    assert ScanResponse.objects.count() == 1
    scan.refresh_from_db()
    assert scan.is_submitted


def test_back_after_sending_the_scan_shows_the_result_and_changes_nothing(client):
    scan = scan_started(client)
    client.post(reverse("scan:step", args=[2]), STEP_2)
    client.post(reverse("scan:step", args=[3]), STEP_3)
    result_url = client.post(reverse("scan:review")).url
    scan.refresh_from_db()
    result_before = scan.result

    for number in (1, 2, 3):
        assert client.get(reverse("scan:step", args=[number])).url == result_url
    stale = client.post(reverse("scan:step", args=[2]), {**STEP_2, "q-g1": "1"})
    stale_facts = client.post(reverse("scan:step", args=[1]), {**FACTS, "size_class": "1"})

    assert stale.url == stale_facts.url == result_url
    scan.refresh_from_db()
    assert scan.result == result_before and scan.size_class == "5-10"
    assert answers(scan)["g1"] == "4"


def test_two_tabs_on_one_scan_edit_the_same_scan_and_the_last_save_wins(client):
    scan = scan_started(client)
    # Both tabs share the browser session; each shows step 2 and saves it in turn.
    tab_1 = client.post(reverse("scan:step", args=[2]), STEP_2)
    tab_2 = client.post(reverse("scan:step", args=[2]), {**STEP_2, "q-g1": "1"})

    assert tab_1.status_code == tab_2.status_code == 302
    assert ScanResponse.objects.count() == 1
    assert answers(scan) == {"g1": "1", "g2": "2", "g-ambitie": "5"}


def test_a_second_tab_that_starts_again_keeps_the_scan_in_progress(client):
    scan = scan_started(client)
    client.post(reverse("scan:step", args=[2]), STEP_2)

    page = client.get(reverse("scan:intro"))  # the other tab opens the start page

    assert page.status_code == 200
    assert page.context["in_progress"] == scan
    assert client.get(reverse("scan:step", args=[2])).status_code == 200
    assert answers(scan) == {"g1": "4", "g2": "2", "g-ambitie": "5"}


def test_when_one_tab_has_sent_the_scan_the_other_tab_gets_the_result(client):
    scan = scan_started(client)
    client.post(reverse("scan:step", args=[2]), STEP_2)
    client.post(reverse("scan:step", args=[3]), STEP_3)
    result_url = client.post(reverse("scan:review")).url  # tab 1 sends

    late = client.post(reverse("scan:step", args=[3]), {**STEP_3, "q-m1": "1"})  # tab 2

    assert late.url == result_url
    assert answers(scan)["m1"] == "3"
    assert ScanResponse.objects.count() == 1


def test_starting_a_new_scan_on_purpose_keeps_the_old_answers_stored(client):
    old = scan_started(client)
    client.post(reverse("scan:step", args=[2]), STEP_2)

    client.post(reverse("scan:intro"))  # "Start a new scan", shown next to "go on"

    assert ScanResponse.objects.count() == 2
    assert client.session["scan_uuid"] != str(old.uuid)
    assert answers(old) == {"g1": "4", "g2": "2", "g-ambitie": "5"}  # still there for a resume link
