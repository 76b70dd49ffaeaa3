"""The register of processing activities follows the code: every consent and link purpose is
in it and described, with its retention setting and roles; admins see it and export CSV."""

import csv
import io

import pytest
from django.test import override_settings

from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.roles import Role
from schakelteam.privacy.register import consent_purpose_choices, processing_activities
from tests.helpers import staff_login
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_purpose_in_the_code_is_in_the_register_and_described():
    keys = {a.key: a for a in processing_activities()}
    for value, _label in consent_purpose_choices():
        assert keys[f"consent:{value}"].described, value
    for value in LinkPurpose.values:
        assert keys[f"link:{value}"].described, value
    assert {"scan", "access_log", "staff_accounts"} <= set(keys)


def test_the_register_shows_the_retention_settings_in_force():
    with override_settings(SCHAKELTEAM_CASE_RETENTION_DAYS=123, SCHAKELTEAM_SCAN_RETENTION_DAYS=45):
        activities = {a.key: a for a in processing_activities()}
    assert "45" in str(activities["scan"].retention)
    assert "123" in str(activities["link:mijn_gegevens"].retention)


def test_a_new_purpose_without_description_is_flagged(monkeypatch):
    monkeypatch.setattr(
        "schakelteam.privacy.register.consent_purpose_choices", lambda: [("nieuw_doel", "Nieuw")]
    )
    activity = {a.key: a for a in processing_activities()}["consent:nieuw_doel"]
    assert not activity.described


@pytest.mark.parametrize(("role", "status"), [(Role.ADMIN, 200), (Role.COORDINATOR, 403)])
def test_only_admins_see_the_register(client, role, status):
    user = UserFactory(superuser=True) if role == Role.ADMIN else UserFactory(role=role)
    staff_login(client, user)
    assert client.get("/werkplek/verwerkingsregister/").status_code == status


def test_the_register_exports_as_csv(client):
    staff_login(client, UserFactory(superuser=True))
    response = client.get("/werkplek/verwerkingsregister/?formaat=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "key"
    assert len(rows) - 1 == len(processing_activities())


def test_event_registrations_and_stored_mail_tasks_are_registered_with_their_retention():
    with override_settings(
        SCHAKELTEAM_EVENT_REGISTRATION_RETENTION_DAYS=17, SCHAKELTEAM_TASK_RESULT_RETENTION_DAYS=9
    ):
        activities = {a.key: a for a in processing_activities()}
    assert "17" in str(activities["event_registrations"].retention)
    assert "9" in str(activities["background_tasks"].retention)
    assert Role.EDITOR in activities["event_registrations"].roles
