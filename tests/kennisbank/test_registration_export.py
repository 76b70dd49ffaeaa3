"""The organiser exports an event's registrations as CSV or XLSX from the Wagtail admin."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import GroupPagePermission

from kennisbank.editorial import editorial_setup
from kennisbank.services import event_register
from schakelteam.accounts.roles import Role
from tests.helpers import staff_login
from tests.kennisbank.factories import EventPageFactory
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    event = EventPageFactory(title="Ontbijt Almere")
    event_register(
        event=event,
        name="Anna de Vries",
        email="anna@example.org",
        organisation="Bakkerij",
        consent_contact=True,
    )
    event_register(event=event, name='=HYPERLINK("x")', email="b@example.org")
    return event


def _url(event, fmt):
    return reverse("kennisbank_event_registrations_export", args=[event.pk, fmt])


@pytest.fixture
def editor(event):
    editorial_setup(roots=[event.get_parent().get_parent().specific])
    return UserFactory(role=Role.EDITOR)


def test_csv_export_lists_every_registration(client, event, editor):
    staff_login(client, editor)

    response = client.get(_url(event, "csv"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 3
    assert lines[1].startswith("Anna de Vries;anna@example.org;Bakkerij;")
    assert lines[2].startswith("\"'=HYPERLINK")  # no formula injection


def test_xlsx_export_reads_back_with_openpyxl(client, event, editor):
    staff_login(client, editor)

    response = client.get(_url(event, "xlsx"))

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 3
    assert rows[1][:3] == ("Anna de Vries", "anna@example.org", "Bakkerij")
    assert rows[2][0].startswith("'=")


def test_a_user_without_edit_rights_on_the_page_gets_no_export(client, event):
    GroupPagePermission.objects.all().delete()
    outsider = UserFactory(role=Role.ADVISOR)
    outsider.user_permissions.add(
        __import__("django.contrib.auth.models", fromlist=["Permission"]).Permission.objects.get(
            codename="access_admin"
        )
    )
    staff_login(client, outsider)

    response = client.get(_url(event, "csv"))

    assert response.status_code in (302, 403)
    assert b"anna@example.org" not in response.content


def test_anonymous_visitors_are_sent_to_the_login(client, event):
    response = client.get(_url(event, "xlsx"))

    assert response.status_code == 302


def test_the_event_page_in_the_admin_offers_the_export(client, event, editor):
    staff_login(client, editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))

    assert _url(event, "csv") in response.text
    assert _url(event, "xlsx") in response.text
