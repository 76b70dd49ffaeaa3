"""The POST side of the access matrix: every URL of our apps that takes only POST, × every role.

Each role posts an empty form to each such URL (filled with the objects of "A", as in
test_access_matrix_all). The answer must be the one in the table, and a role that is refused
must leave the database exactly as it was: not one row added, changed or removed.
"""

import pytest
from django.apps import apps
from django.core.cache import cache

from tests.helpers import OUR_APP_LABELS, staff_login

from .test_access_matrix_all import EXPECTED, ROLES, L, R, answer, our_patterns, url_for, world

REFUSED = {L, 403, 404}
# Empty POSTs. R: the role may act (the empty form goes back with a message, or the action is
# done); 404 where the role may not know the object exists.
#                                    anon own other edit mod  advA advB coord pA  pB  admin
POST_EXPECTED: dict[str, tuple] = {
    "cases:advice_create": (L, L, L, 404, 404, R, 404, R, 404, 404, R),
    "cases:appointment_create": (L, L, L, 404, 404, R, 404, R, 404, 404, R),
    "cases:appointment_held": (L, L, L, 404, 404, R, 404, R, 404, 404, R),
    "cases:casus_assign": (L, L, L, 404, 404, 403, 404, R, 404, 404, R),
    "cases:casus_close": (L, L, L, 404, 404, R, 404, R, 404, 404, R),
    "cases:casus_contact": (L, L, L, 404, 404, R, 404, R, 404, 404, R),
    "cases:mijn_gegevens_withdraw": (404, R, R, 404, 404, 404, 404, 404, 404, 404, 404),
    "cases:note_create": (L, L, L, 404, 404, R, 404, R, 404, 404, R),
    "cases:question_answer": (L, L, L, 404, 404, R, 404, R, 404, 404, R),
    "cases:question_page_create": (L, L, L, 404, 404, R, 404, R, 404, 404, R),
    "cases:referral_outcome": (L, L, L, 404, 404, 403, 404, R, R, 404, R),
    "cases:referral_respond": (L, L, L, 404, 404, 403, 404, R, R, 404, R),
    "scan:consent": (404, R, R, 404, 404, 404, 404, 404, 404, 404, 404),
    "scan:resume_link": (R, R, R, R, R, R, R, R, R, R, R),
    "scan:vervolgscan_from_result": (404, R, R, 404, 404, 404, 404, 404, 404, 404, 404),
    "monitoring:report_retry": (L, L, L, 403, 403, 403, 403, R, 403, 403, R),
    # Every staff member renews their own recovery codes.
    "staff_security:recovery_codes_renew": (L, L, L, 200, 200, 200, 200, 200, 200, 200, 200),
}


def post_only_urls() -> dict:
    return {name: pattern for name, pattern in our_patterns() if 405 in EXPECTED[name]}


def test_every_post_only_url_has_a_row_in_the_post_table():
    assert sorted(post_only_urls()) == sorted(POST_EXPECTED)


def fingerprint() -> dict:
    """Every row of our apps' models, as plain values: any change shows up as a difference."""
    return {
        model._meta.label: sorted(map(repr, model.objects.order_by("pk").values_list()))
        for model in apps.get_models()
        if model._meta.app_label in OUR_APP_LABELS
    }


@pytest.mark.django_db
def test_every_post_only_url_answers_every_role_and_refusals_change_nothing(client):
    data = world()
    wrong, changed, observed = [], [], {}
    for name, pattern in post_only_urls().items():
        for index, role in enumerate(ROLES):
            cache.clear()
            client.logout()
            if role in data["users"]:
                staff_login(client, data["users"][role])
            before = fingerprint()
            got = answer(client.post(url_for(name, pattern, data, role), {}))
            observed.setdefault(name, [None] * len(ROLES))[index] = got
            want = POST_EXPECTED.get(name, (None,) * len(ROLES))[index]
            if got != want:
                wrong.append(f"{name} as {role}: expected {want}, got {got}")
            if got in REFUSED and fingerprint() != before:
                changed.append(f"{name} as {role} was refused but changed the database")
    table = "\n".join(f"    {n!r}: {tuple(row)!r}," for n, row in sorted(observed.items()))
    assert not changed, changed
    assert not wrong, "\n".join(wrong) + "\n\nobserved:\n" + table
