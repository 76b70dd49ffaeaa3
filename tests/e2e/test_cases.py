"""The case journey through the real UI: request with consents (from a scan) → coordinator assigns →
advisor plans, advises, refers → partner accepts and reports → advisor closes → the entrepreneur
sees it at /mijn-gegevens/ and withdraws. axe-core checks intake, workspace and partner portal."""

import uuid
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.e2e


def _scan_token(server_db) -> str:
    from django.utils import timezone

    from scan.models import ScanDefinition, ScanResponse
    from schakelteam.accounts.constants import LinkPurpose
    from schakelteam.accounts.tokens import magic_link_issue

    definition = ScanDefinition.objects.order_by("pk").first()
    scan = ScanResponse.objects.create(
        definition=definition,
        size_class="5-10",
        sbi_section="G",
        postcode="1315",
        submitted_at=timezone.now(),
        result={"domains": {"financien": {"now": 40, "future": 60, "need": 20}}},
    )
    return magic_link_issue(purpose=LinkPurpose.SCAN_RESULT, subject_uuid=scan.uuid).raw_token


def _submit(page, selector: str = "main form button.utrecht-button--primary-action") -> None:
    with page.expect_navigation():
        page.locator(selector).first.click()


def test_the_case_journey_through_the_browser(page, server_db, login, mailbox, axe_check):
    from cases.models import Casus

    unique = uuid.uuid4().hex[:8]
    email = f"journey-{unique}@example.nl"
    company = f"Journey {unique} BV"

    # Intake from a scan, with consents.
    page.goto(f"/gesprek-aanvragen/?scan={_scan_token(server_db)}")
    axe_check(page)
    page.fill('input[name="name"]', "Noor Journey")
    page.fill('input[name="email"]', email)
    page.fill('input[name="phone"]', "06 12345678")
    page.check('input[name="preferred_channel"][value="email"]')
    page.fill('input[name="company_name"]', company)
    page.fill('input[name="kvk_nummer"]', "87654321")
    page.fill('input[name="postcode"]', "1315 AB")
    page.fill('textarea[name="question"]', "Ik wil groeien en zoek financiering.")
    for purpose in ("contact", "share_scan", "share_with_partner"):
        page.check(f'input[name="consent_{purpose}"]')
    _submit(page)
    assert "/aanvraag-ontvangen/" in page.url
    mijn_gegevens = next(
        link for link in mailbox.links(mailbox.last_body(to=email)) if "/mijn-gegevens/" in link
    )
    casus = Casus.objects.get(company__name=company)

    # The coordinator assigns the demo advisor.
    login(page, "coordinator")
    page.goto("/werkplek/")
    axe_check(page)
    page.goto(f"/werkplek/casussen/{casus.uuid}/")
    page.select_option('select[name="advisor"]', label="Anouk Adviseur")
    _submit(page, 'form[action$="/toewijzen/"] button')

    # The advisor plans an appointment, gives advice and refers to the demo partner (UWV).
    login(page, "advisor")
    page.goto(f"/werkplek/casussen/{casus.uuid}/")
    axe_check(page)
    assert page.locator("#scan-heading").count() == 1
    page.check('input[name="appointment-kind"][value="video"]')
    page.fill('input[name="appointment-starts_at"]', "2030-05-06T10:00")
    page.fill('input[name="appointment-location"]', "https://video.example/journey")
    _submit(page, 'form[action$="/afspraak/"] button')
    page.fill('textarea[name="advice-text"]', "Begin met een financieringsplan.")
    _submit(page, 'form[action$="/advies/"] button')
    page.goto(f"/werkplek/casussen/{casus.uuid}/doorverwijzen/")
    page.select_option('select[name="partner"]', label="UWV")
    page.fill('textarea[name="reason"]', "Hulp bij het aannemen van personeel.")
    _submit(page)

    # The partner accepts and reports the outcome.
    login(page, "partner")
    page.goto("/partnerportaal/")
    axe_check(page)
    page.get_by_role("link", name=company).click()
    page.check('input[name="respond-decision"][value="accept"]')
    _submit(page, 'form[action$="/beantwoorden/"] button')
    page.select_option('select[name="outcome-outcome"]', "helped")
    _submit(page, 'form[action$="/resultaat/"] button')

    # The advisor closes the case.
    login(page, "advisor")
    page.goto(f"/werkplek/casussen/{casus.uuid}/")
    page.select_option('select[name="close-outcome"]', "doorverwezen")
    _submit(page, 'form[action$="/afsluiten/"] button')
    casus.refresh_from_db()
    assert casus.status == "afgerond"

    # The entrepreneur sees it and withdraws the contact consent.
    page.context.clear_cookies()
    page.goto(urlsplit(mijn_gegevens).path)  # SITE_URL differs from the test server's port
    axe_check(page)
    assert company in page.content()
    _submit(page, 'form:has(input[name="purpose"][value="share_scan"]) button')
    with page.expect_navigation():
        page.locator('main a[href$="/wissen/"]').first.click()
    axe_check(page)
    _submit(page)
    casus.refresh_from_db()
    assert casus.company.name == "" and casus.entrepreneur.email == ""
