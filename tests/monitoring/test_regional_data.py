"""Regional figures: CSV upload with preview and a report per row; public pages per region and gemeente."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from schakelteam.accounts.roles import Role
from schakelteam.monitoring.models import RegionalIndicator
from schakelteam.monitoring.regional_data import indicator_csv_check, indicator_csv_import
from tests.helpers import staff_login
from tests.monitoring.factories import RegionalIndicatorFactory
from tests.organisation.factories import GemeenteFactory, RegioFactory, UserFactory

pytestmark = pytest.mark.django_db

CSV = """indicator,gemeente,period,value,unit,source,source_date,label
vestigingen-2-10,Almere,2024,4200,vestigingen,CBS demo,2025-01-15,Vestigingen 2-10
vestigingen-2-10,lelystad,2024,"1.900,5",vestigingen,CBS demo,2025-01-15,Vestigingen 2-10
werkloosheid,,2024,"3,9",%,CBS demo,2025-01-15,Werkloosheid
vestigingen-2-10,Almere,2024,4200,vestigingen,CBS demo,2025-01-15,Vestigingen 2-10
banen,Atlantis,2024,10,banen,CBS demo,2025-01-15,Banen
banen,Almere,2024,veel,banen,CBS demo,2025-01-15,Banen
banen,Almere,2024,10,banen,CBS demo,15-01-2025,Banen
,Almere,2024,10,banen,CBS demo,2025-01-15,Banen
banen,Almere,2023,98000,banen,CBS demo,2025-01-15,Banen
"""


@pytest.fixture
def region():
    regio = RegioFactory()
    GemeenteFactory(slug="almere", name="Almere", regio=regio)
    GemeenteFactory(slug="lelystad", name="Lelystad", regio=regio)
    return regio


def test_every_row_gets_a_verdict(region):
    RegionalIndicatorFactory(
        indicator="banen", gemeente=GemeenteFactory(slug="almere"), period="2023", value=98000
    )
    report = indicator_csv_check(CSV)
    assert [r.status for r in report.rows] == [
        "good",
        "good",
        "good",
        "duplicate",  # repeats line 2
        "broken",  # unknown gemeente
        "broken",  # not a number
        "broken",  # not an ISO date
        "broken",  # no indicator
        "duplicate",  # already stored with this value
    ]
    assert (report.good, report.duplicate, report.broken) == (3, 2, 4)
    assert "Atlantis" in report.rows[4].message
    assert report.rows[1].values["value"] == 1900.5


def test_import_stores_only_good_rows_and_a_region_figure_has_no_gemeente(region):
    report = indicator_csv_import(CSV)
    assert report.good == 4  # the stored banen row did not exist yet here
    assert RegionalIndicator.objects.count() == 4
    region_row = RegionalIndicator.objects.get(indicator="werkloosheid")
    assert region_row.gemeente is None and region_row.regio == region
    again = indicator_csv_import(CSV)
    assert again.good == 0 and RegionalIndicator.objects.count() == 4


def test_missing_columns_are_reported_not_crashed(region):
    report = indicator_csv_check("indicator;value\nbanen;3\n")
    assert "period" in report.error and report.rows == []
    assert indicator_csv_check("\x00\x00garbage,,\n\n").error


def test_upload_preview_and_confirm_in_the_wagtail_admin(client, region):
    editor = UserFactory(role=Role.EDITOR)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff_login(client, editor)
    url = reverse("indicator_upload")
    preview = client.post(url, {"file": SimpleUploadedFile("cijfers.csv", CSV.encode())})
    assert preview.status_code == 200
    report = preview.context["report"]
    assert (report.good, report.duplicate, report.broken) == (4, 1, 4)
    assert "Atlantis" in preview.content.decode()
    assert not RegionalIndicator.objects.exists()
    done = client.post(url, {"content": preview.context["content"], "confirm": "1"})
    assert done.status_code == 200
    assert RegionalIndicator.objects.count() == 4


def test_advisors_may_not_upload(client, region):
    advisor = UserFactory(role=Role.ADVISOR)
    advisor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff_login(client, advisor)
    response = client.post(reverse("indicator_upload"), {"content": CSV, "confirm": "1"})
    assert response.status_code in (302, 403)
    assert not RegionalIndicator.objects.exists()


def test_kpi_and_indicator_snippets_are_in_the_admin(client, region):
    staff_login(client, UserFactory(superuser=True))
    assert client.get(reverse("wagtailsnippets_monitoring_kpidefinition:list")).status_code == 200
    assert client.get(reverse("wagtailsnippets_monitoring_kpidefinition:add")).status_code == 200
    assert (
        client.get(reverse("wagtailsnippets_monitoring_regionalindicator:list")).status_code == 200
    )


def test_region_and_gemeente_pages_show_chart_table_source_and_date(client, region):
    indicator_csv_import(CSV)
    page = client.get("/regio/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "<desc" in html and "utrecht-table" in html
    assert "CBS demo" in html and "15 januari 2025" in html
    assert "/regio/almere/" in html
    gemeente = client.get("/regio/almere/").content.decode()
    assert "Vestigingen 2-10" in gemeente and "Werkloosheid" not in gemeente
    assert client.get("/regio/atlantis/").status_code == 404


def test_demo_figures_are_labelled_as_demo(client, region):
    RegionalIndicatorFactory(
        gemeente=GemeenteFactory(slug="almere"), is_demo=True, source_date=datetime.date(2025, 1, 1)
    )
    assert "not official statistics" in client.get("/en/regio/").content.decode()
