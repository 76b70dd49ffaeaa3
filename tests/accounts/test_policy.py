"""The access policy is the one answer to "who may do what": a view cannot ask for a capability
the policy does not name, and the role groups' permissions in the Wagtail admin follow it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from schakelteam.accounts.decorators import capability_required
from schakelteam.accounts.groups import role_permissions_sync
from schakelteam.accounts.roles import ROLE_GROUPS, Role
from tests.helpers import staff_login
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db

KPI_LIST = "wagtailsnippets_monitoring_kpidefinition:list"


def test_a_view_asking_for_a_capability_the_policy_does_not_name_fails_at_import():
    with pytest.raises(KeyError, match="casus.veiw"):
        capability_required("casus.veiw")


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.PROJECTLEIDER])
def test_after_the_set_up_coordinators_and_projectleiders_manage_the_kpis(client, role):
    role_permissions_sync()
    staff_login(client, UserFactory(role=role))

    assert client.get(reverse(KPI_LIST)).status_code == 200


def test_a_kpi_permission_given_by_hand_to_advisors_is_taken_back_by_the_set_up(client):
    advisors, _ = Group.objects.get_or_create(name=ROLE_GROUPS[Role.ADVISOR])
    advisors.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_kpidefinition"])
    )
    role_permissions_sync()
    staff_login(client, UserFactory(role=Role.ADVISOR))

    response = client.get(reverse(KPI_LIST))

    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")
