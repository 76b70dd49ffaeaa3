"""The kennisbank in a real browser: home, filter regelingen, open one, English, register for a meeting."""

import re
import uuid

import pytest

pytestmark = pytest.mark.e2e


def test_home_offers_the_tools_news_and_meetings(page, axe_check):
    page.goto("/")

    for path in ("/bedrijfsscan/", "/regelingencheck/", "/gesprek-aanvragen/"):
        assert page.locator(f'.mkb-actions a[href="{path}"]').is_visible()
    assert page.locator("#events-heading").is_visible()
    assert page.locator("#news-heading").is_visible()
    axe_check(page)


def test_filter_regelingen_and_open_one(page, axe_check):
    page.goto("/regelingen/")
    total = page.locator("#results-heading").inner_text()

    page.locator("select[name=soort]").select_option("programma")
    page.locator("form.mkb-filters button[type=submit]").click()

    page.wait_for_url(re.compile(r"soort=programma"))
    assert page.locator("#results-heading").inner_text() != total
    axe_check(page)

    first = page.locator(".mkb-results article h3 a").first
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title
    assert page.locator(".mkb-facts").is_visible()
    axe_check(page)


def test_switch_a_translated_page_to_english(page, axe_check):
    page.goto("/regelingen/mkb-schakelteam-flevoland/")

    page.locator(".mkb-lang").get_by_role("link", name="English").click()

    page.wait_for_url(re.compile(r"/en/regelingen/mkb-schakelteam-flevoland/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    axe_check(page)


def test_register_for_a_meeting(page, axe_check, server_db):
    from kennisbank.models import EventRegistration

    page.goto("/bijeenkomsten/")
    axe_check(page)
    page.locator(".mkb-card h3 a").first.click()
    axe_check(page)
    email = f"e2e-{uuid.uuid4().hex[:8]}@example.org"

    page.locator("input[name=name]").fill("Els Ondernemer")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=organisation]").fill("Kapsalon Els")
    page.locator("input[name=consent_contact]").check()
    page.locator(".mkb-registration button[type=submit]").click()

    assert page.locator(".mkb-messages .utrecht-alert--ok").is_visible()
    assert EventRegistration.objects.filter(email=email).count() == 1
    axe_check(page)
