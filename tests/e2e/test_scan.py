"""A whole bedrijfsscan with the keyboard only, its result, then a vervolgscan; axe-core finds
no serious or critical problems on the step and result pages."""

import re

import pytest

from .keyboard import press_button, tab_to

pytestmark = pytest.mark.e2e

STEP_URL = re.compile(r"/bedrijfsscan/stap/\d+/")
RESULT_URL = re.compile(r"/bedrijfsscan/resultaat/[^/#]+/(#.*)?$")  # a fragment may carry over


def choose(page, name: str, index: int) -> None:
    """Select option `index` of a radio group: Tab into it, Space, then arrow keys."""
    tab_to(page, f'main input[type="radio"][name="{name}"]')
    page.keyboard.press("Space")
    for _ in range(index):
        page.keyboard.press("ArrowDown")


def open_radio_groups(page) -> list[str]:
    return page.evaluate(
        """() => {
          const names = [...new Set([...document.querySelectorAll('main form input[type=radio]')]
            .map(r => r.name))];
          return names.filter(n => !document.querySelector(`main input[name="${n}"]:checked`));
        }"""
    )


def fill_in_facts(page) -> None:
    """Step 1, the company facts, with the keyboard; then on to the next step."""
    choose(page, "size_class", 2)  # 5 to 10 people
    tab_to(page, 'select[name="sbi_section"]')
    page.keyboard.type("G")
    tab_to(page, 'input[name="postcode"]')
    page.keyboard.type("8232 AB")
    tab_to(page, 'input[name="founded_year"]')
    page.keyboard.type("2009")
    press_button(page, 'main form button[name="nav"][value="next"]')


def answer_steps(page, index: int, axe_check=None) -> None:
    """Answer every step until the check-and-send page; `index` picks the option per group."""
    checked = False
    for _ in range(40):
        if not STEP_URL.search(page.url):
            return
        if axe_check is not None and not checked and "/stap/2/" in page.url:
            axe_check(page)
            checked = True
        for name in open_radio_groups(page):
            count = page.locator(f'main input[name="{name}"]').count()
            choose(page, name, min(index, count - 1))
        page.keyboard.press("Shift+Tab")  # start searching for the button from the fields
        press_button(page, 'main form button[name="nav"][value="next"]')
    raise AssertionError("The scan did not reach the last step")


def test_a_full_scan_and_a_vervolgscan_with_the_keyboard_only(page, axe_check):
    page.goto("/bedrijfsscan/")
    axe_check(page)
    press_button(page, "main form button.utrecht-button--primary-action")

    # Step 1: company facts.
    assert "/bedrijfsscan/stap/1/" in page.url
    axe_check(page)
    fill_in_facts(page)
    assert (
        page.locator(".mkb-scan-progress__label").inner_text().strip().endswith("14")
    )  # facts, 12 subjects, closing

    answer_steps(page, 2, axe_check)

    # Check and send.
    assert "/bedrijfsscan/versturen/" in page.url
    axe_check(page)
    press_button(page, "main form button.utrecht-button--primary-action")

    assert RESULT_URL.search(page.url)
    assert page.locator("svg.mkb-chart__svg title").count() == 1
    assert page.locator("table.mkb-scan-table tbody tr").count() == 12
    assert page.locator(".mkb-attention__item").count() <= 3
    assert page.locator('a[href^="/gesprek-aanvragen/?scan="]').count() == 1
    axe_check(page)
    first_result = page.url.split("#")[0]

    # Going back does not reopen the scan: the step shows the result again.
    page.goto("/bedrijfsscan/stap/2/")
    assert page.url.split("#")[0] == first_result

    # Vervolgscan from the result page.
    press_button(page, 'form[action*="vervolgscan"] button')
    assert "/bedrijfsscan/stap/1/" in page.url
    press_button(page, 'main form button[name="nav"][value="next"]')  # facts were carried over
    answer_steps(page, 4)
    press_button(page, "main form button.utrecht-button--primary-action")

    assert RESULT_URL.search(page.url)
    assert page.locator("#compare-heading").count() == 1
    assert page.locator("#history-heading").count() == 1
    axe_check(page)


def test_the_english_scan_asks_in_english(page, axe_check):
    page.goto("/en/bedrijfsscan/")
    press_button(page, "main form button.utrecht-button--primary-action")
    fill_in_facts(page)

    assert "/en/bedrijfsscan/stap/2/" in page.url
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("main h1, main h2").first.inner_text().strip() != ""
    main = page.locator("main").inner_text()
    assert "Strongly disagree" in main and "Helemaal mee oneens" not in main
    axe_check(page)
