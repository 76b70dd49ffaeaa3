"""Every cases URL × every role: only the right role gets a 200, anything out of scope is a 404
(no hint that it exists), anonymous staff URLs go to the login page, and no data leaks."""

import pytest
from django.urls import reverse

from cases.constants import ConsentPurpose
from tests.helpers import staff_login

from .conftest import mijn_gegevens_token
from .factories import AppointmentFactory, CasusFactory, ReferralFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "entrepreneur_other_token",
    "editor",
    "advisor_a",
    "advisor_b",
    "coordinator",
    "partner_contact",
    "other_partner_contact",
]


@pytest.fixture
def world(
    advisor_a, advisor_b, coordinator, editor, partner, partner_contact, other_partner_contact
):
    consents = [ConsentPurpose.CONTACT, ConsentPurpose.SHARE_WITH_PARTNER]
    casus_a = CasusFactory(
        advisor=advisor_a, status="toegewezen", consents=consents, company__name="Geheim A BV"
    )
    casus_b = CasusFactory(advisor=advisor_b, status="toegewezen", company__name="Geheim B BV")
    return {
        "casus": casus_a,
        "other_casus": casus_b,
        "appointment": AppointmentFactory(casus=casus_a),
        "referral": ReferralFactory(casus=casus_a, partner=partner),
        "token_a": mijn_gegevens_token(casus_a.entrepreneur),
        "token_b": mijn_gegevens_token(casus_b.entrepreneur),
        "users": {
            "editor": editor,
            "advisor_a": advisor_a.user,
            "advisor_b": advisor_b.user,
            "coordinator": coordinator,
            "partner_contact": partner_contact.user,
            "other_partner_contact": other_partner_contact.user,
        },
    }


def _client_as(client, world, role):
    if role in world["users"]:
        staff_login(client, world["users"][role])
    return client


LOGIN = "login"
# Expected status per role: anonymous, entrepreneur (no login), editor, advisor A, advisor B,
# coordinator, partner contact of A's partner, partner contact of another partner.
GET_MATRIX = {
    "queue": ([], [LOGIN, LOGIN, 302, 200, 200, 200, 302, 302]),
    "casus_list": ([], [LOGIN, LOGIN, 403, 200, 200, 200, 403, 403]),
    "phone_intake": ([], [LOGIN, LOGIN, 403, 200, 200, 200, 403, 403]),
    "casus_detail": (["casus"], [LOGIN, LOGIN, 404, 200, 404, 200, 404, 404]),
    "referral_create": (["casus"], [LOGIN, LOGIN, 404, 200, 404, 200, 404, 404]),
    "appointment_ics": (["appointment"], [LOGIN, LOGIN, 404, 200, 404, 200, 404, 404]),
    "partner_portal": ([], [LOGIN, LOGIN, 403, 403, 403, 200, 200, 200]),
    "referral_detail": (["referral"], [LOGIN, LOGIN, 404, 200, 404, 200, 200, 404]),
}


@pytest.mark.parametrize("name", GET_MATRIX)
def test_every_staff_page_answers_each_role_as_the_matrix_says(client, world, name):
    args, expected = GET_MATRIX[name]
    url = reverse(f"cases:{name}", args=[world[a].uuid for a in args])
    for role, want in zip(ROLES, expected, strict=True):
        client.logout()
        response = _client_as(client, world, role).get(url)
        if want == LOGIN:
            assert response.status_code == 302, (name, role)
            assert response.url.startswith("/inloggen/"), (name, role)
        else:
            assert response.status_code == want, (name, role, response.status_code)


POST_ACTIONS = {
    "casus_assign": ("casus", {"advisor": "0"}),
    "casus_contact": ("casus", {}),
    "appointment_create": ("casus", {}),
    "note_create": ("casus", {"note-text": "x"}),
    "advice_create": ("casus", {"advice-text": "x"}),
    "referral_create": ("casus", {}),
    "casus_close": ("casus", {"close-outcome": "geholpen"}),
    "question_answer": ("casus", {"answer-answer": "x"}),
    "question_page_create": ("casus", {"qa-title": "x", "qa-short_answer": "y"}),
    "appointment_held": ("appointment", {}),
    "referral_respond": ("referral", {"respond-decision": "accept"}),
    "referral_outcome": ("referral", {"outcome-outcome": "helped"}),
}


@pytest.mark.parametrize("name", POST_ACTIONS)
def test_no_one_outside_the_scope_can_change_a_case(client, world, name):
    target, data = POST_ACTIONS[name]
    url = reverse(f"cases:{name}", args=[world[target].uuid])
    outsiders = ["editor", "advisor_b", "other_partner_contact"]
    if target != "referral":
        outsiders.append("partner_contact")
    for role in ["anonymous", *outsiders]:
        client.logout()
        response = _client_as(client, world, role).post(url, data)
        assert response.status_code == (302 if role == "anonymous" else 404), (name, role)
    world["casus"].refresh_from_db()
    assert world["casus"].status == "toegewezen"
    assert not world["casus"].notes.exists()


def test_lists_and_search_show_an_advisor_only_their_own_casussen(client, world):
    staff_login(client, world["users"]["advisor_b"])
    for url in (
        reverse("cases:casus_list"),
        reverse("cases:casus_list") + "?q=Geheim+A",
        reverse("cases:queue"),
    ):
        content = client.get(url).content.decode()
        assert "Geheim A BV" not in content
    assert "Geheim B BV" in client.get(reverse("cases:casus_list")).content.decode()


def test_the_partner_portal_lists_only_referrals_to_the_own_organisation(client, world):
    staff_login(client, world["users"]["other_partner_contact"])
    assert "Geheim A BV" not in client.get(reverse("cases:partner_portal")).content.decode()
    staff_login(client, world["users"]["partner_contact"])
    assert "Geheim A BV" in client.get(reverse("cases:partner_portal")).content.decode()


def test_an_entrepreneur_with_another_persons_link_sees_only_that_persons_data(client, world):
    response = client.get(reverse("cases:mijn_gegevens", args=[world["token_b"]]))
    assert response.status_code == 200
    assert "Geheim A BV" not in response.content.decode()
    export = client.get(reverse("cases:mijn_gegevens_export", args=[world["token_b"]]))
    assert "Geheim A BV" not in export.content.decode()


@pytest.mark.parametrize("name", ["mijn_gegevens", "mijn_gegevens_export", "mijn_gegevens_erase"])
def test_mijn_gegevens_pages_need_a_valid_link_and_never_a_staff_login(client, world, name):
    assert client.get(reverse(f"cases:{name}", args=[world["token_a"]])).status_code == 200
    tampered = world["token_a"][:-2] + ("aa" if not world["token_a"].endswith("aa") else "bb")
    assert client.get(reverse(f"cases:{name}", args=[tampered])).status_code == 404
    staff_login(client, world["users"]["coordinator"])
    assert client.get(reverse(f"cases:{name}", args=["not-a-token"])).status_code == 404


def test_an_editor_sees_no_case_data_anywhere(client, world):
    staff_login(client, world["users"]["editor"])
    for name, (args, _) in GET_MATRIX.items():
        response = client.get(reverse(f"cases:{name}", args=[world[a].uuid for a in args]))
        assert b"Geheim A BV" not in response.content, name
