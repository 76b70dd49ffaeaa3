"""The scan's matching and the regelingencheck give the same answer for the same facts (they call
the same function), and a scan result link pre-fills the check without personal data."""

import datetime

import pytest
from django.urls import reverse

from kennisbank.regelingencheck import facts_to_query
from scan.results import regelingen_for
from scan.selectors import scan_company_facts
from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.tokens import magic_link_issue
from tests.kennisbank.regelingencheck_factories import regeling_make, site_ready  # noqa: F401
from tests.scan.factories import definition_published, submitted_scan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_ready")]


@pytest.fixture
def scan():
    return submitted_scan(definition_published(), {}, size_class="5-10", sbi_section="G")


@pytest.fixture
def regelingen():
    regeling_make({"fact": "medewerkers", "operator": "lte", "value": 10}, title="Klein")
    regeling_make({"fact": "medewerkers", "operator": "lte", "value": 8}, title="Heel klein")
    regeling_make({"fact": "sector_sbi", "operator": "eq", "value": "C"}, title="Industrie")
    regeling_make({"fact": "gemeente", "operator": "eq", "value": "almere"}, title="Almere")
    regeling_make({"fact": "rechtsvorm", "operator": "eq", "value": "bv"}, title="Bv")
    regeling_make(title="Gesloten", closes_on=datetime.date(2020, 2, 1))


def titles(matches):
    return sorted(m.regeling.title for m in matches)


def test_the_scan_result_and_the_check_agree_for_the_scan_facts(client, scan, regelingen):
    from_scan = regelingen_for(scan_company_facts(scan), [])

    query = facts_to_query(scan_company_facts(scan))
    response = client.get(f"{reverse('kennisbank:regelingencheck')}?{query}")
    from_check = response.context["result"]

    assert response.status_code == 200
    assert titles(from_scan["fitting"]) == titles(from_check.fitting) == ["Almere", "Klein"]
    assert titles(from_scan["maybe"]) == titles(from_check.maybe) == ["Bv", "Heel klein"]


def test_a_scan_result_link_prefills_the_questionnaire(client, scan, regelingen):
    issued = magic_link_issue(purpose=LinkPurpose.SCAN_RESULT, subject_uuid=scan.uuid, days=30)

    response = client.get(reverse("scan:regelingencheck_prefilled", args=[issued.raw_token]))

    form = response.context["form"]
    assert response.context["from_scan"]
    assert 'value="5-10"' in response.content.decode()
    assert form["sector_sbi"].value() == "G"
    assert form["gemeente"].value() == "almere"
    assert 'action="/regelingencheck/"' in response.content.decode()  # answers only, no token


def test_an_invalid_scan_link_prefills_nothing_and_says_so(client):
    response = client.get(reverse("scan:regelingencheck_prefilled", args=["not-a-token"]))

    assert response.status_code == 404
    assert "regelingencheck" not in response.templates[0].name


def test_guessing_scan_tokens_for_the_check_is_rate_limited(client, settings):
    settings.SCHAKELTEAM_RATE_LIMITS = {**settings.SCHAKELTEAM_RATE_LIMITS, "token": "2/3600"}
    codes = [
        client.get(reverse("scan:regelingencheck_prefilled", args=[f"gok-{n}"])).status_code
        for n in range(3)
    ]

    assert codes == [404, 404, 429]


def test_the_scan_result_offers_the_prefilled_check(client, scan):
    issued = magic_link_issue(purpose=LinkPurpose.SCAN_RESULT, subject_uuid=scan.uuid, days=30)

    response = client.get(reverse("scan:result", args=[issued.raw_token]))

    prefilled = reverse("scan:regelingencheck_prefilled", args=[issued.raw_token])
    assert f'href="{prefilled}"' in response.content.decode()
