"""The access log of personal data: recorded per view/export/download with the case as reason,
readable by coordinators and admins, and per subject for /mijn-gegevens/."""

import uuid

import pytest

from schakelteam.accounts.audit import personal_data_access_for_subject, personal_data_access_record
from schakelteam.accounts.models import AccessAction, PersonalDataAccess, SubjectType
from schakelteam.accounts.roles import Role
from tests.helpers import staff_login
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db


def record(user, subject=None, casus=None, action=AccessAction.VIEW, kind=SubjectType.CASUS):
    return personal_data_access_record(
        user=user,
        action=action,
        subject_type=kind,
        subject_uuid=subject or uuid.uuid4(),
        casus_uuid=casus,
    )


def test_an_access_records_who_what_when_and_why():
    advisor = UserFactory(role=Role.ADVISOR, first_name="Anna", last_name="de Vries")
    casus, scan = uuid.uuid4(), uuid.uuid4()
    entry = record(advisor, scan, casus, AccessAction.DOWNLOAD, SubjectType.SCAN)
    assert (entry.user, entry.user_label) == (advisor, "Anna de Vries")
    assert (entry.action, entry.subject_type) == ("download", "scan")
    assert (entry.subject_uuid, entry.casus_uuid) == (scan, casus)
    assert entry.created_at is not None


def test_an_unknown_action_is_refused():
    with pytest.raises(ValueError):
        record(UserFactory(role=Role.ADVISOR), action="peek")


def test_the_log_survives_removal_of_the_staff_account():
    advisor = UserFactory(role=Role.ADVISOR)
    entry = record(advisor)
    advisor.delete()
    entry.refresh_from_db()
    assert entry.user is None and entry.user_label


def test_the_entrepreneur_sees_accesses_to_their_data_and_cases_only():
    advisor = UserFactory(role=Role.ADVISOR)
    person, casus, other = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    mine = [
        record(advisor, person, kind=SubjectType.PERSON),
        record(advisor, casus),
        record(advisor, uuid.uuid4(), casus, kind=SubjectType.SCAN),
    ]
    record(advisor, other)
    found = personal_data_access_for_subject(person, casus_uuids=[casus])
    assert {e.pk for e in found} == {e.pk for e in mine}


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.COORDINATOR, 200),
        (Role.ADMIN, 200),
        (Role.ADVISOR, 403),
        (Role.PARTNER_CONTACT, 403),
        (Role.EDITOR, 403),
        (Role.MODERATOR, 403),
        (Role.PROJECTLEIDER, 403),
    ],
)
def test_only_coordinators_and_admins_read_the_access_log(client, role, status):
    advisor = UserFactory(role=Role.ADVISOR, first_name="Zichtbaar", last_name="Adviseur")
    record(advisor)
    user = UserFactory(superuser=True) if role == Role.ADMIN else UserFactory(role=role)
    staff_login(client, user)
    response = client.get("/werkplek/toegangslog/")
    assert response.status_code == status
    if status == 200:
        assert "Zichtbaar Adviseur" in response.content.decode()


def test_the_access_log_filters_on_a_subject_and_ignores_garbage(client):
    advisor = UserFactory(role=Role.ADVISOR)
    casus = uuid.uuid4()
    record(advisor, casus)
    record(advisor)
    staff_login(client, UserFactory(role=Role.COORDINATOR))
    page = client.get(f"/werkplek/toegangslog/?subject={casus}").context["page"]
    assert len(page.object_list) == 1
    garbage = client.get("/werkplek/toegangslog/?subject=%00nope&pagina=x")
    assert garbage.status_code == 200
    assert PersonalDataAccess.objects.count() == 2
