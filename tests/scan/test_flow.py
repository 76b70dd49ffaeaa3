"""The scan flow without login: start, facts, domain steps (autosave, back/forward keep answers),
conditional follow-ups, submit with missing list, result; double submit and back after submit."""

import pytest
from django.core import mail
from django.urls import reverse

from scan.models import ScanAnswer, ScanResponse
from schakelteam.events import EventKind
from schakelteam.monitoring.models import MonitoringEvent
from tests.organisation.factories import GemeenteFactory

from .factories import definition_published

pytestmark = pytest.mark.django_db


def _start(client) -> ScanResponse:
    response = client.post(reverse("scan:intro"))
    assert response.status_code == 302
    return ScanResponse.objects.get(uuid=client.session["scan_uuid"])


def _facts(client, size="5-10", **extra):
    data = {
        "size_class": size,
        "sbi_section": "G",
        "postcode": "8232 AB",
        "founded_year": "2009",
        **extra,
    }
    return client.post(reverse("scan:step", args=[1]), data)


def test_intro_shows_the_scan_and_starting_creates_an_anonymous_response(client):
    definition_published()

    page = client.get(reverse("scan:intro"))
    scan = _start(client)

    assert page.status_code == 200
    assert scan.definition.name == "Mini 1"
    assert scan.submitted_at is None


def test_facts_are_saved_with_only_the_postcode_digits_and_the_gemeente(
    client, django_capture_on_commit_callbacks
):
    definition_published()
    lelystad = GemeenteFactory(slug="lelystad", name="Lelystad", postcode_ranges=[[8200, 8249]])
    scan = _start(client)

    with django_capture_on_commit_callbacks(execute=True):
        response = _facts(client)

    scan.refresh_from_db()
    assert response.status_code == 302
    assert response.url == reverse("scan:step", args=[2])
    assert (scan.postcode, scan.gemeente, scan.founded_year) == ("8232", lelystad, 2009)
    event = MonitoringEvent.objects.get(kind=EventKind.SCAN_STARTED)
    assert (event.gemeente, event.size_class, event.sbi_section) == (lelystad, "5-10", "G")


def test_a_postcode_outside_the_region_gives_no_gemeente_and_a_bad_one_an_error(client):
    definition_published()
    scan = _start(client)

    _facts(client, postcode="9999 ZZ")
    scan.refresh_from_db()
    assert scan.gemeente is None

    response = _facts(client, postcode="not a postcode")
    assert response.status_code == 400
    assert "postcode" in response.content.decode().lower()


def test_each_step_is_saved_at_once_and_back_keeps_the_answers(client):
    definition_published()
    scan = _start(client)
    _facts(client)

    client.post(reverse("scan:step", args=[2]), {"q-g1": "4", "q-g2": "2", "nav": "next"})
    response = client.post(reverse("scan:step", args=[3]), {"q-m1": "3", "nav": "back"})

    assert response.url == reverse("scan:step", args=[2])
    assert dict(
        ScanAnswer.objects.filter(response=scan).values_list("question__slug", "value")
    ) == {
        "g1": "4",
        "g2": "2",
        "m1": "3",
    }
    page = client.get(reverse("scan:step", args=[2])).content.decode()
    assert (
        'value="4" id="id_q-g1_3" class="utrecht-radio-button utrecht-radio-button--html-input utrecht-radio-button--custom" checked'
        in page
    )


def test_progress_says_which_step_of_how_many(client):
    definition_published()
    _start(client)
    _facts(client)

    page = client.get(reverse("scan:step", args=[2])).content.decode()

    assert "Step 2 of 3" in page or "Stap 2 van 3" in page


def test_a_one_person_business_skips_the_staff_domain(client):
    definition_published()
    _start(client)
    _facts(client, size="1")

    assert client.get(reverse("scan:step", args=[3])).status_code == 404
    response = client.post(reverse("scan:step", args=[2]), {"q-g1": "4", "nav": "next"})
    assert response.url == reverse("scan:review")


def test_a_conditional_follow_up_appears_on_the_same_step(client):
    definition_published()
    _start(client)
    _facts(client)

    response = client.post(
        reverse("scan:step", args=[3]), {"q-m1": "3", "q-knel": "ja", "nav": "next"}
    )

    assert response.url.startswith(reverse("scan:step", args=[3]))
    assert "q-knel-welke" in client.get(reverse("scan:step", args=[3])).content.decode()


def test_submit_lists_missing_required_questions_with_links_to_their_step(client):
    definition_published()
    _start(client)
    _facts(client)
    client.post(reverse("scan:step", args=[2]), {"q-g1": "4", "nav": "next"})

    page = client.get(reverse("scan:review")).content.decode()
    response = client.post(reverse("scan:review"))

    assert reverse("scan:step", args=[2]) + "#id_q-g2_group" in page
    assert reverse("scan:step", args=[3]) + "#id_q-m1_group" in page
    assert response.url == reverse("scan:review")
    assert ScanResponse.objects.get().submitted_at is None


def _complete(client):
    _facts(client)
    client.post(reverse("scan:step", args=[2]), {"q-g1": "4", "q-g2": "2", "q-g-ambitie": "5"})
    client.post(reverse("scan:step", args=[3]), {"q-m1": "3", "q-knel": "nee", "q-m-ambitie": "3"})


def test_a_complete_scan_is_submitted_scored_and_shows_the_result(
    client, django_capture_on_commit_callbacks
):
    definition_published()
    _start(client)
    _complete(client)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("scan:review"))
    result = client.get(response.url)

    scan = ScanResponse.objects.get()
    assert scan.submitted_at is not None
    # g: (75 + 25) / 2 = 50 now, 100 future; m: (50 + 100) / 2 = 75 now, 50 future
    assert scan.result["domains"]["geld"] == {"now": 50, "future": 100, "need": 50}
    assert scan.result["attention"] == ["geld"]
    assert result.status_code == 200
    content = result.content.decode()
    assert "Maak een kasoverzicht." not in content  # band of 50 is 'on the way'
    assert "Bouw een buffer." in content
    assert f"/gesprek-aanvragen/?scan={response.url.rstrip('/').rsplit('/', 1)[-1]}" in content
    assert MonitoringEvent.objects.filter(kind=EventKind.SCAN_SUBMITTED).count() == 1


def test_a_double_submit_keeps_one_result_and_shows_it(client):
    definition_published()
    _start(client)
    _complete(client)

    first = client.post(reverse("scan:review"))
    second = client.post(reverse("scan:review"))

    assert second.status_code == 302
    assert second.url == first.url
    assert MonitoringEvent.objects.filter(kind=EventKind.SCAN_SUBMITTED).count() <= 1


def test_going_back_after_submit_shows_the_result_and_does_not_reopen(client):
    definition_published()
    _start(client)
    _complete(client)
    result_url = client.post(reverse("scan:review")).url

    response = client.post(reverse("scan:step", args=[2]), {"q-g1": "1"})

    assert response.status_code == 302
    assert response.url == result_url
    assert ScanAnswer.objects.get(question__slug="g1").value == "4"


def test_no_scan_in_the_session_sends_you_to_the_start(client):
    definition_published()

    response = client.get(reverse("scan:step", args=[2]))

    assert response.url == reverse("scan:intro")


def test_resume_link_mail_gives_the_same_answer_for_any_address(
    client, django_capture_on_commit_callbacks
):
    definition_published()
    _start(client)
    _facts(client)

    with django_capture_on_commit_callbacks(execute=True):
        good = client.post(
            reverse("scan:resume_link"),
            {"email": "ondernemer@example.org", "step": "2"},
            follow=True,
        )
        bad = client.post(
            reverse("scan:resume_link"), {"email": "not-an-address", "step": "2"}, follow=True
        )

    assert len(mail.outbox) == 1
    assert [str(m) for m in good.context["messages"]] == [str(m) for m in bad.context["messages"]]
    assert "ondernemer@example.org" not in str(list(ScanResponse.objects.values()))


def test_the_facts_step_can_be_saved_again_with_the_kept_four_digits(client):
    definition_published()
    lelystad = GemeenteFactory(slug="lelystad", name="Lelystad", postcode_ranges=[[8200, 8249]])
    scan = _start(client)
    _facts(client)
    initial = client.get(reverse("scan:step", args=[1])).context["form"].initial

    response = _facts(client, postcode=initial["postcode"])

    scan.refresh_from_db()
    assert response.status_code == 302
    assert (scan.postcode, scan.gemeente) == ("8232", lelystad)
