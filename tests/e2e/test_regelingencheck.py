"""The regelingencheck filled in with the keyboard only, a regeling opened from the outcome;
axe-core finds no serious or critical problems on the questionnaire and the outcome."""

import re

import pytest

from .keyboard import tab_to

pytestmark = pytest.mark.e2e


def test_the_check_filled_in_by_keyboard_leads_to_a_regeling(page, axe_check):
    page.goto("/regelingencheck/")
    axe_check(page)

    tab_to(page, 'main input[name="medewerkers"]')
    page.keyboard.type("5-10")
    tab_to(page, 'main select[name="gemeente"]')
    page.keyboard.type("Almere")
    tab_to(page, 'main input[name="thema_behoefte"]')
    page.keyboard.press("Space")
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/regelingencheck/\?.*medewerkers=5-10"))

    assert page.locator("h1").inner_text() != ""
    assert "gemeente=almere" in page.url
    axe_check(page)

    first_link = "main section article h3 a"
    assert page.locator(first_link).count() > 0
    title = page.locator(first_link).first.inner_text()
    tab_to(page, first_link)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "/regelingencheck/" not in page.url
    assert page.locator("h1").first.inner_text() == title


def test_a_tampered_outcome_address_shows_a_form_error_not_a_crash(page, axe_check):
    page.goto("/regelingencheck/?medewerkers=veel&onbekend=1")

    summary = page.locator(".mkb-error-summary")
    assert summary.count() == 1
    assert "onbekend" in summary.inner_text()
    axe_check(page)
