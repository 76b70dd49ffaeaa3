"""The cases demo: an account for every role, profiles, mentors and casussen; a second run changes nothing."""

import pytest
from django.contrib.auth import get_user_model

from cases.models import Casus, Referral
from schakelteam.accounts.roles import Role, role_of
from schakelteam.demo.data import read_json
from schakelteam.demo.loader import casussen_load, organisation_load, staff_load
from schakelteam.organisation.models import Advisor, Mentor, PartnerContact

pytestmark = pytest.mark.django_db


def test_load_demo_makes_every_role_and_is_idempotent():
    staff = read_json("accounts", "staff.json")
    organisation_load()
    printed = staff_load()
    casussen_load()
    counts = [m.objects.count() for m in (Advisor, PartnerContact, Mentor, Casus, Referral)]
    staff_load()
    casussen_load()
    assert [m.objects.count() for m in (Advisor, PartnerContact, Mentor, Casus, Referral)] == counts
    assert counts[3] == len(read_json("cases", "casussen.json")["casussen"]) and counts[4] == 1

    roles = {}
    for item in staff["users"]:
        user = get_user_model().objects.get(username=item["username"])
        assert user.check_password(staff["password"]), item["username"]
        roles[item["username"]] = role_of(user)
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
    assert staff["password"] in printed
    assert set(Casus.objects.values_list("status", flat=True)) >= {
        "nieuw",
        "toegewezen",
        "doorverwezen",
        "afgerond",
    }
