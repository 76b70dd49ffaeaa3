"""Monitoring in a real browser: the coordinator's dashboard, the open statistics and the region page."""

import pytest

pytestmark = pytest.mark.e2e


def test_coordinator_opens_the_dashboard_with_charts_and_tables(page, login, axe_check):
    login(page, "coordinator")
    response = page.goto("/werkplek/monitoring/")

    assert response is not None and response.status == 200
    assert page.locator("h1").first.is_visible()
    assert page.locator("svg[role=img] title").count() > 0
    assert page.locator("table.utrecht-table").count() >= 10
    page.locator("#id_periode").select_option(index=1)
    page.locator(".mkb-period-form button[type=submit]").click()
    page.wait_for_url("**periode=**")
    assert "periode=" in page.url
    axe_check(page)


def test_an_advisor_cannot_open_the_dashboard(page, login):
    login(page, "advisor")
    response = page.goto("/werkplek/monitoring/")
    assert response is not None and response.status == 403


def test_open_statistics_are_public_and_accessible(page, axe_check):
    response = page.goto("/open-data/")

    assert response is not None and response.status == 200
    assert page.locator("table.utrecht-table").count() >= 8
    assert "CC-BY-4.0" in page.content()
    axe_check(page)


def test_region_page_shows_figures_with_their_source(page, axe_check):
    response = page.goto("/regio/")

    assert response is not None and response.status == 200
    assert page.locator("svg[role=img]").count() >= 1
    axe_check(page)
