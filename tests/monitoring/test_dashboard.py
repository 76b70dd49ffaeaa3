"""The monitoring dashboard: who may see it, what it shows, CSV per figure, fixed query count."""

import csv
import io

import pytest
from django.urls import reverse

from schakelteam.accounts.roles import Role
from schakelteam.events import EventKind
from tests.helpers import staff_login
from tests.monitoring.factories import MonitoringEventFactory, at, monitoring_dataset
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/werkplek/monitoring/"


@pytest.fixture
def data():
    return monitoring_dataset()


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.PROJECTLEIDER])
def test_coordinators_and_projectleiders_see_the_dashboard(client, data, role):
    staff_login(client, UserFactory(role=role))
    response = client.get(URL, {"periode": "2025"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "<title" in html and "<desc" in html
    assert "utrecht-table" in html


def test_admins_see_the_dashboard(client, data):
    staff_login(client, UserFactory(superuser=True))
    assert client.get(URL).status_code == 200


@pytest.mark.parametrize(
    "role", [Role.ADVISOR, Role.PARTNER_CONTACT, Role.MODERATOR, Role.EDITOR, None]
)
def test_other_staff_get_403(client, data, role):
    staff_login(client, UserFactory(role=role))
    assert client.get(URL).status_code == 403
    assert client.get(reverse("monitoring:monitoring_csv", args=["kpis"])).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, data):
    response = client.get(URL)
    assert response.status_code == 302
    assert "werkplek/monitoring" in response["Location"]


def test_the_chosen_period_drives_the_figures(client, data):
    staff_login(client, UserFactory(role=Role.COORDINATOR))
    q2 = client.get(URL, {"periode": "2025-Q2"}).context["figures"]
    assert {k["slug"]: k["actual"] for k in q2["kpis"]}["bereik"] == 2
    assert q2["sla"]["share"] == 100.0


def test_an_unknown_period_falls_back_to_the_whole_deal(client, data):
    staff_login(client, UserFactory(role=Role.COORDINATOR))
    response = client.get(URL, {"periode": "'; drop table\x00"})
    assert response.status_code == 200
    assert response.context["period"].kind == "deal"


def test_every_figure_downloads_as_csv(client, data):
    staff_login(client, UserFactory(role=Role.COORDINATOR))
    sections = client.get(URL, {"periode": "2025"}).context["sections"]
    assert len(sections) >= 12
    for section in sections:
        response = client.get(section["csv_url"])
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert len(rows[0]) == len(section["headers"])
    kpis = client.get(reverse("monitoring:monitoring_csv", args=["kpis"]), {"periode": "2025"})
    rows = {r[0]: r for r in csv.reader(io.StringIO(kpis.content.decode()))}
    assert rows["casussen"][2:5] == ["6", "12", "50.0"]


def test_an_unknown_figure_is_404(client, data):
    staff_login(client, UserFactory(role=Role.COORDINATOR))
    assert client.get(reverse("monitoring:monitoring_csv", args=["nope"])).status_code == 404


def _more_events(data, n):
    almere = data["gemeenten"][0]
    partner = data["partners"][0]
    for i in range(n):
        MonitoringEventFactory(
            kind=[EventKind.CASE_OPENED, EventKind.REFERRAL_ACCEPTED, EventKind.FIRST_CONTACT][
                i % 3
            ],
            occurred_at=at(2025, 1 + i % 12, 1 + i % 27),
            gemeente=almere,
            partner=partner if i % 3 == 1 else None,
            value=i % 9 if i % 3 == 1 else None,
            kvk=f"extra-{i}",
            theme_slugs=["financiering", "innovatie"][: i % 3],
            origin="web",
        )


def test_query_count_does_not_grow_with_the_number_of_events(
    client, data, django_assert_max_num_queries
):
    staff_login(client, UserFactory(role=Role.COORDINATOR))
    client.get(URL)  # warm up the session and role caches
    with django_assert_max_num_queries(30) as small:
        client.get(URL, {"periode": "2025"})
    _more_events(data, 120)
    with django_assert_max_num_queries(30) as large:
        client.get(URL, {"periode": "2025"})
    assert len(large.captured_queries) == len(small.captured_queries)
