"""Quarterly report: built by a task into PDF and XLSX with the expected figures; rebuilds are identical;
a failure is shown and can be retried; only coordinators, projectleiders and admins get at it."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from schakelteam.accounts.roles import Role
from schakelteam.monitoring import report_build
from schakelteam.monitoring.models import QuarterlyReport
from tests.helpers import staff_login
from tests.monitoring.factories import monitoring_dataset
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db
LIST = "/werkplek/monitoring/rapportages/"


@pytest.fixture(autouse=True)
def _summer_2025(time_machine):
    time_machine.move_to("2025-08-01 10:00 +02:00", tick=False)


@pytest.fixture
def tmp_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def data(tmp_media):
    return monitoring_dataset()


@pytest.fixture
def coordinator(client):
    user = UserFactory(role=Role.COORDINATOR)
    staff_login(client, user)
    return user


def _create(client, django_capture_on_commit_callbacks, quarter="2025-Q1"):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            LIST, {"quarter": quarter, "narrative": "Een rustig kwartaal in Almere."}
        )
    assert response.status_code == 302
    return QuarterlyReport.objects.get()


def _xlsx(report):
    with report.xlsx.open("rb") as fh:
        return load_workbook(io.BytesIO(fh.read()))


def _pdf_text(report):
    with report.pdf.open("rb") as fh:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(fh.read())).pages)


def test_a_coordinator_builds_a_report_with_pdf_and_xlsx(
    client, data, coordinator, django_capture_on_commit_callbacks
):
    report = _create(client, django_capture_on_commit_callbacks)
    assert report.status == "done", report.error
    assert report.built_at is not None
    assert report.created_by == coordinator
    kpis = {k["slug"]: k["actual"] for k in report.figures["kpis"]}
    assert kpis["bereik"] == 3 and kpis["casussen"] == 4

    wb = _xlsx(report)
    assert len(wb.sheetnames) >= 12
    sheet = wb[wb.sheetnames[0]]
    rows = {r[0]: r for r in sheet.iter_rows(values_only=True)}
    assert rows["casussen"][2] == 4 and rows["bereik"][2] == 3
    events = wb[wb.sheetnames[-1]]
    counts = list(events.iter_rows(values_only=True))[1:]
    assert sum(r[-1] for r in counts) == 21  # every event of Q1, grouped anonymously
    assert ("case_opened", "Almere", "2-4", "G", "web", None, 2) in counts

    text = _pdf_text(report)
    assert "2025-Q1" in text
    assert "Een rustig kwartaal in Almere." in text
    assert "Ondernemersklankbord" in text


def test_regenerating_a_closed_quarter_gives_identical_figures(
    client, data, coordinator, django_capture_on_commit_callbacks, tmp_media
):
    report = _create(client, django_capture_on_commit_callbacks)
    first_figures = report.figures
    first_rows = [list(ws.iter_rows(values_only=True)) for ws in _xlsx(report).worksheets]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("monitoring:report_retry", args=[report.uuid]))
    report.refresh_from_db()
    assert report.status == "done"
    assert (
        len(list((tmp_media / "rapportages" / str(report.uuid)).iterdir())) == 2
    )  # old files replaced
    assert report.figures == first_figures
    assert [list(ws.iter_rows(values_only=True)) for ws in _xlsx(report).worksheets] == first_rows


def test_events_after_the_quarter_do_not_change_its_report(
    client, data, coordinator, django_capture_on_commit_callbacks
):
    report = _create(client, django_capture_on_commit_callbacks, quarter="2025-Q1")
    before = report.figures
    from tests.monitoring.factories import MonitoringEventFactory, at

    MonitoringEventFactory(occurred_at=at(2025, 4, 1, 0), gemeente=data["gemeenten"][0], kvk="late")
    report_build.quarterly_report_build(report_id=report.pk)
    report.refresh_from_db()
    assert report.figures == before


def test_a_failure_is_shown_and_can_be_retried(
    client, data, coordinator, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(report, figures):
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(report_build, "report_pdf", broken)
    report = _create(client, django_capture_on_commit_callbacks)
    assert report.status == "failed"
    page = client.get(reverse("monitoring:report_detail", args=[report.uuid])).content.decode()
    assert "printer on fire" in page
    assert reverse("monitoring:report_retry", args=[report.uuid]) in page

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("monitoring:report_retry", args=[report.uuid]))
    report.refresh_from_db()
    assert report.status == "done" and report.error == ""


def test_a_report_being_built_refreshes_itself(client, data, coordinator):
    report = QuarterlyReport.objects.create(regio=data["regio"], quarter="2025-Q1")
    page = client.get(reverse("monitoring:report_detail", args=[report.uuid])).content.decode()
    assert 'http-equiv="refresh"' in page


def test_a_quarter_that_has_not_started_is_refused(client, data, coordinator):
    response = client.post(LIST, {"quarter": "2026-Q1", "narrative": ""})
    assert response.status_code == 200
    assert not QuarterlyReport.objects.exists()


def test_files_download_for_coordinators(
    client, data, coordinator, django_capture_on_commit_callbacks
):
    report = _create(client, django_capture_on_commit_callbacks)
    response = client.get(reverse("monitoring:report_file", args=[report.uuid, "pdf"]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert str(report.uuid) in report.pdf.name


@pytest.mark.parametrize("role", [Role.ADVISOR, Role.PARTNER_CONTACT, Role.EDITOR, Role.MODERATOR])
def test_other_roles_cannot_see_reports(client, data, role):
    report = QuarterlyReport.objects.create(regio=data["regio"], quarter="2025-Q1", status="done")
    staff_login(client, UserFactory(role=role))
    assert client.get(LIST).status_code == 403
    assert client.get(reverse("monitoring:report_detail", args=[report.uuid])).status_code == 403
    assert (
        client.get(reverse("monitoring:report_file", args=[report.uuid, "pdf"])).status_code == 403
    )
    assert client.post(reverse("monitoring:report_retry", args=[report.uuid])).status_code == 403


def test_projectleiders_may_build_reports(client, data, django_capture_on_commit_callbacks):
    staff_login(client, UserFactory(role=Role.PROJECTLEIDER))
    report = _create(client, django_capture_on_commit_callbacks)
    assert report.status == "done"
