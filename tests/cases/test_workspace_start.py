"""/werkplek/ is every staff member's start: whoever assigns gets the queue, an advisor their own
casussen, and every other role the first place the access policy lets it go (never a 403)."""

import pytest
from django.urls import reverse

from schakelteam.accounts.roles import Role
from tests.helpers import staff_login
from tests.organisation.factories import UserFactory

from .factories import AdvisorFactory, PartnerContactFactory

pytestmark = pytest.mark.django_db

PAGE = {"queue": "cases/queue.html", "own casussen": "cases/my_casussen.html"}
STARTS = [
    (lambda: UserFactory(role=Role.COORDINATOR), "queue"),
    (lambda: UserFactory(superuser=True), "queue"),
    (lambda: UserFactory(role=Role.PROJECTLEIDER), "monitoring:monitoring_dashboard"),
    (lambda: AdvisorFactory().user, "own casussen"),
    (lambda: PartnerContactFactory().user, "cases:partner_portal"),
    (lambda: UserFactory(role=Role.EDITOR), "wagtailadmin_home"),
    (lambda: UserFactory(role=Role.MODERATOR), "wagtailadmin_home"),
]


@pytest.mark.parametrize(("make_user", "start"), STARTS)
def test_the_werkplek_sends_each_role_to_its_own_start(client, make_user, start):
    staff_login(client, make_user())

    response = client.get(reverse("cases:queue"))

    if start in PAGE:
        assert response.status_code == 200
        assert PAGE[start] in [t.name for t in response.templates]
    else:
        assert response.status_code == 302
        assert response["Location"] == reverse(start)


def test_a_logged_in_user_without_a_role_is_refused(client):
    staff_login(client, UserFactory())

    assert client.get(reverse("cases:queue")).status_code == 403
