"""Resume and result links: a mailed link resumes the scan; expired, tampered or unknown tokens
give a clear page and lose nothing; the contract link functions of other apps work."""

import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from scan import services
from scan.models import ScanAnswer, ScanResponse
from scan.selectors import scan_company_facts
from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.tokens import magic_link_issue, magic_link_resolve

from .factories import definition_published, small_spec, submitted_scan

pytestmark = pytest.mark.django_db


def _mailed_resume_path(client, django_capture_on_commit_callbacks) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("scan:resume_link"), {"email": "a@example.org", "step": "2"})
    return re.search(r"https?://[^/]+(/\S+)", mail.outbox[-1].body).group(1)


def _started(client) -> ScanResponse:
    definition_published()
    client.post(reverse("scan:intro"))
    client.post(reverse("scan:step", args=[1]), {"size_class": "5-10", "sbi_section": "G"})
    client.post(reverse("scan:step", args=[2]), {"q-g1": "4"})
    return ScanResponse.objects.get()


def test_a_mailed_resume_link_continues_the_scan_in_another_browser(
    client, django_capture_on_commit_callbacks
):
    from django.test import Client

    scan = _started(client)
    path = _mailed_resume_path(client, django_capture_on_commit_callbacks)
    other = Client()

    response = other.get(path)

    assert response.status_code == 302
    assert other.session["scan_uuid"] == str(scan.uuid)
    page = other.get(reverse("scan:step", args=[2])).content.decode()
    assert 'value="4"' in page and "checked" in page
    # The mail is sent from the Dutch site, so it states the expiry in Dutch.
    assert "De link werkt tot " in mail.outbox[-1].body


def test_an_expired_resume_link_shows_a_clear_page_and_the_answers_stay(
    client, django_capture_on_commit_callbacks
):
    _started(client)
    path = _mailed_resume_path(client, django_capture_on_commit_callbacks)

    with time_machine.travel("2099-01-01"):
        response = client.get(path)

    assert response.status_code == 410
    assert "expired" in response.content.decode() or "verlopen" in response.content.decode()
    assert ScanAnswer.objects.filter(question__slug="g1").exists()


@pytest.mark.parametrize("token", ["x" * 43, "%00", "a" * 300, "..%2F..%2Fetc", "ëñ", "\x00abc"])
def test_tampered_or_unknown_tokens_are_a_404_page_not_an_error(client, token):
    definition_published()

    for name in ("scan:result", "scan:resume", "scan:vervolgscan_start"):
        assert client.get(reverse(name, args=[token])).status_code == 404


def test_guessing_tokens_is_rate_limited(client, settings):
    settings.SCHAKELTEAM_RATE_LIMITS = {**settings.SCHAKELTEAM_RATE_LIMITS, "token": "3/3600"}
    definition_published()

    codes = [client.get(reverse("scan:result", args=[f"guess{i}"])).status_code for i in range(5)]

    assert codes[:3] == [404, 404, 404]
    assert codes[-1] == 429


def test_a_result_link_of_another_purpose_does_not_open_the_result(client):
    scan = submitted_scan(definition_published(), {"g1": "3"})
    resume = magic_link_issue(purpose=LinkPurpose.SCAN_RESUME, subject_uuid=scan.uuid)

    assert client.get(reverse("scan:result", args=[resume.raw_token])).status_code == 404


def test_the_result_link_resolves_for_the_cases_app(client):
    scan = submitted_scan(definition_published(), {"g1": "3"})
    token = services.scan_result_link_issue(scan=scan)

    link = magic_link_resolve(purpose=LinkPurpose.SCAN_RESULT, raw_token=token)

    assert link.subject_uuid == scan.uuid
    assert client.get(reverse("scan:result", args=[token])).status_code == 200


def test_the_vervolgscan_link_is_absolute_and_asks_before_it_starts(client, settings):
    settings.SITE_URL = "https://schakelteam.example"
    definition_published()
    definition_published(small_spec("Vervolg", "vervolgscan"))
    scan = submitted_scan(definition_published(), {"g1": "3"})

    url = services.vervolgscan_link_issue(scan=scan)
    path = url.removeprefix("https://schakelteam.example")

    assert url.startswith("https://schakelteam.example/vervolgscan/")
    assert client.get(path).status_code == 200
    assert ScanResponse.objects.count() == 1
    response = client.post(path)
    assert response.url == reverse("scan:step", args=[1])
    follow = ScanResponse.objects.get(previous=scan)
    assert follow.definition.kind == "vervolgscan"
    assert follow.size_class == scan.size_class


def test_research_consent_is_set_and_withdrawn_on_the_result_page(client):
    scan = submitted_scan(definition_published(), {"g1": "3"}, consent=False)
    token = services.scan_result_link_issue(scan=scan)

    page = client.get(reverse("scan:result", args=[token])).content.decode()
    client.post(reverse("scan:consent", args=[token]), {"research": "on"})
    scan.refresh_from_db()
    assert scan.research_consent_at is not None
    client.post(reverse("scan:consent", args=[token]), {})
    scan.refresh_from_db()

    assert 'name="research"' in page and "checked" not in page.split('name="research"')[1][:200]
    assert scan.research_consent_at is None


def test_company_facts_for_the_regelingencheck():
    scan = submitted_scan(
        definition_published(), {"g1": "1", "g2": "1", "g-ambitie": "5"}, size_class="5-10"
    )
    scan.founded_year = 2010
    scan.legal_form = "bv"
    scan.save()

    facts = scan_company_facts(scan)

    assert facts.employees == (5, 10)
    assert facts.sector == "G"
    assert facts.gemeente == "almere"
    assert facts.province == "Flevoland"
    assert facts.legal_form == "bv"
    assert facts.age_years == scan.submitted_at.year - 2010
    assert facts.needed_themes == {"financiering"}
    assert facts.phase == "groeien"
