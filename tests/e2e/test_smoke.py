"""The demo site opens in a real browser: home page, skip link, language switch."""

import re

import pytest

pytestmark = pytest.mark.e2e


def test_home_page_opens_with_a_heading_and_passes_axe(page, axe_check):
    response = page.goto("/")

    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").first.is_visible()
    assert "MKB Schakelteam" in page.title()
    axe_check(page)


def test_skip_link_is_the_first_thing_tab_reaches_and_moves_focus_to_the_main_content(page):
    page.goto("/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "mkb-skip-link" in focused
    assert page.locator(".mkb-skip-link").is_visible()

    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_turns_the_home_page_into_english(page, axe_check):
    page.goto("/")

    # A link to the page's translation on Wagtail pages, a set_language button elsewhere.
    page.locator(".mkb-lang").get_by_text("English", exact=True).click()

    page.wait_for_url(re.compile(r"/en/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".mkb-lang [aria-current]").inner_text() == "English"
    axe_check(page)
