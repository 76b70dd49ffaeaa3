"""Hostile input never gives a 500: CSV uploads of any text, any period in the dashboard URL,
any report form input."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schakelteam.accounts.roles import Role
from schakelteam.monitoring.models import QuarterlyReport
from schakelteam.monitoring.regional_data import indicator_csv_check
from tests.helpers import staff_login
from tests.organisation.factories import GemeenteFactory, UserFactory

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
HEADER = "indicator,gemeente,period,value,unit,source,source_date\n"


@pytest.fixture
def gemeente():
    return GemeenteFactory()


@FUZZ
@given(st.text(max_size=400))
def test_any_csv_text_gets_a_report_not_an_exception(gemeente, text):
    report = indicator_csv_check(HEADER + text)
    assert report.good + report.duplicate + report.broken == len(report.rows)


@FUZZ
@given(st.text(max_size=60))
def test_any_period_in_the_dashboard_url_is_handled(client, gemeente, periode):
    staff_login(client, UserFactory(role=Role.COORDINATOR))
    response = client.get("/werkplek/monitoring/", {"periode": periode.replace("\x00", "")})
    assert response.status_code == 200


@FUZZ
@given(st.text(max_size=30), st.text(max_size=2000))
def test_any_report_form_input_is_handled(client, gemeente, quarter, narrative):
    staff_login(client, UserFactory(role=Role.COORDINATOR))
    response = client.post(
        "/werkplek/monitoring/rapportages/", {"quarter": quarter, "narrative": narrative}
    )
    assert response.status_code in (200, 302)
    assert response.status_code == 200 or QuarterlyReport.objects.exists()


def test_a_huge_narrative_and_nul_bytes_are_refused_with_a_message(client, gemeente):
    staff_login(client, UserFactory(role=Role.COORDINATOR))
    response = client.post(
        "/werkplek/monitoring/rapportages/", {"quarter": "2025-Q1", "narrative": "a\x00" * 6000}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not QuarterlyReport.objects.exists()
