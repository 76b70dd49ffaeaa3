"""Editors upload a regelingen file in the admin and see the per-row report; the editors' report
lists regelingen closing within 30 days, closed ones still published and unchecked ones."""

import datetime
import json

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from kennisbank.models import RegelingPage
from schakelteam.accounts.roles import Role
from tests.helpers import staff_login
from tests.kennisbank.factories import RegelingIndexPageFactory
from tests.kennisbank.regelingencheck_factories import regeling_make, site_ready  # noqa: F401
from tests.organisation.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_ready")]


@pytest.fixture
def admin_client(client):
    RegelingIndexPageFactory()
    return staff_login(client, UserFactory(superuser=True))


def upload(rows, name="regelingen.json"):
    return SimpleUploadedFile(name, json.dumps(rows).encode(), content_type="application/json")


def test_an_editor_uploads_a_file_and_sees_the_report(admin_client):
    rows = [
        {"external_id": "goed", "title": "Goed", "summary": "Iets."},
        {"external_id": "fout", "title": "Fout", "summary": "Iets.", "kind": "cadeau"},
    ]

    response = admin_client.post(
        reverse("kennisbank_regelingen_import"), {"file": upload(rows), "dry_run": ""}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "1 created" in html and "1 refused" in html
    assert "cadeau" in html
    assert RegelingPage.objects.filter(external_id="goed", live=True).exists()


def test_a_dry_run_saves_nothing(admin_client):
    rows = [{"external_id": "goed", "title": "Goed", "summary": "Iets."}]

    response = admin_client.post(
        reverse("kennisbank_regelingen_import"), {"file": upload(rows), "dry_run": "on"}
    )

    assert "1 created" in response.content.decode()
    assert not RegelingPage.objects.filter(external_id="goed").exists()


def test_an_unreadable_upload_is_an_error_at_the_file_field(admin_client):
    bad = SimpleUploadedFile("regelingen.json", b"{kapot", content_type="application/json")

    response = admin_client.post(reverse("kennisbank_regelingen_import"), {"file": bad})

    assert "file" in response.context["form"].errors


def test_someone_who_may_not_add_regelingen_cannot_import(client):
    RegelingIndexPageFactory()
    staff_login(client, UserFactory(role=Role.ADVISOR, is_staff=True))

    response = client.get(reverse("kennisbank_regelingen_import"))

    assert response.status_code in {302, 403}


@override_settings(SCHAKELTEAM_REGELING_CHECK_STALE_DAYS=180)
@time_machine.travel(datetime.datetime(2026, 6, 1, 10, tzinfo=datetime.UTC))
def test_the_editors_report_lists_closing_closed_and_unchecked_regelingen(admin_client):
    fresh = datetime.date(2026, 5, 1)
    regeling_make(title="Sluit bijna", closes_on=datetime.date(2026, 6, 20), facts_checked_on=fresh)
    regeling_make(
        title="Al dicht", closes_on=datetime.date(2026, 5, 1), opens_on=None, facts_checked_on=fresh
    )
    regeling_make(title="Oud nagekeken", facts_checked_on=datetime.date(2025, 11, 1))
    regeling_make(title="Goed", closes_on=datetime.date(2027, 1, 1), facts_checked_on=fresh)

    response = admin_client.get(reverse("kennisbank_regelingen_attention"))

    groups = {k: [p.title for p in v] for k, v in response.context["groups"].items()}
    assert groups == {
        "closing_soon": ["Sluit bijna"],
        "closed_published": ["Al dicht"],
        "stale": ["Oud nagekeken"],
    }
