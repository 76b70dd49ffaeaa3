"""The cases demo: an account for every role, profiles, mentors and casussen; a second run changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model

from cases import demo
from cases.models import Casus, Referral
from schakelteam.accounts.roles import Role, role_of
from schakelteam.organisation import demo as schakelteam_demo
from schakelteam.organisation.models import Advisor, Mentor, PartnerContact

pytestmark = pytest.mark.django_db


def test_load_demo_makes_every_role_and_is_idempotent():
    schakelteam_demo.load()
    out = io.StringIO()
    demo.load(stdout=out)
    counts = [m.objects.count() for m in (Advisor, PartnerContact, Mentor, Casus, Referral)]
    demo.load()
    assert [m.objects.count() for m in (Advisor, PartnerContact, Mentor, Casus, Referral)] == counts
    assert counts[3] == len(demo.DEMO_CASES) and counts[4] == 1

    roles = {}
    for username, *_ in demo.DEMO_USERS:
        user = get_user_model().objects.get(username=username)
        assert user.check_password(demo.DEMO_PASSWORD), username
        roles[username] = role_of(user)
    assert set(roles.values()) == {
        Role.COORDINATOR,
        Role.PROJECTLEIDER,
        Role.ADVISOR,
        Role.PARTNER_CONTACT,
        Role.EDITOR,
        Role.MODERATOR,
        Role.ADMIN,
    }
    partners = {a.partner_id for a in Advisor.objects.all()}
    assert len(partners) == 2
    assert demo.DEMO_PASSWORD in out.getvalue()
    assert set(Casus.objects.values_list("status", flat=True)) >= {
        "nieuw",
        "toegewezen",
        "doorverwezen",
        "afgerond",
    }
