"""The access matrix of every URL of our own apps × every role, generated from the URL configuration.

Every URL pattern whose view lives in one of our apps must have a row in EXPECTED, so a new URL
without an access decision fails here. Each URL is filled with the objects of "A" (advisor A's
casus, referred to partner A); each role asks for it, and the answer must be the one in the table.
Roles that may not see casus A must not find its entrepreneur's name, e-mail or company name in
any answer. Entrepreneurs hold magic links, no login: "own" holds A's links, "other" holds B's;
everyone else holds no link at all (a made-up token).
"""

import pytest
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cases.constants import ConsentPurpose
from kennisbank.models import EventRegistration
from scan.models import Question, ScanResponse
from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.roles import Role
from schakelteam.accounts.tokens import magic_link_issue
from schakelteam.monitoring.models import QuarterlyReport
from tests.cases.factories import (
    AdvisorFactory,
    AppointmentFactory,
    CasusFactory,
    PartnerContactFactory,
    ReferralFactory,
)
from tests.helpers import staff_login
from tests.kennisbank.factories import EventPageFactory
from tests.organisation.factories import GemeenteFactory, PartnerFactory, UserFactory
from tests.scan.factories import definition_published, small_spec, submitted_scan

OUR_APPS = ("cases.", "scan.", "kennisbank.", "schakelteam.")
ROLES = (
    "anonymous",
    "entrepreneur_own",
    "entrepreneur_other",
    "editor",
    "moderator",
    "advisor_a",
    "advisor_b",
    "coordinator",
    "partner_a",
    "partner_b",
    "admin",
)
# Roles that may see casus A's personal data (on the URLs where the table gives them a 200).
MAY_SEE_A = {"entrepreneur_own", "advisor_a", "coordinator", "partner_a", "admin"}

LOGIN = L = "login"  # 302 to the staff login page
GO = R = "302"  # a redirect elsewhere (the scan without a scan in this browser, Wagtail admin home)

# One row per URL name: the expected answer to a GET for each role, in the order of ROLES.
# 405: the URL only takes POST (the POST side is in test_url_decisions and the cases matrix).
# Token URLs: 404 for everyone without a valid link; "other" sees B's own data (200, no A data).
#                                    anon own other edit mod  advA advB coord pA  pB  admin
EXPECTED: dict[str, tuple] = {
    "cases:advice_create": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "cases:appointment_create": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "cases:appointment_held": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "cases:appointment_ics": (L, L, L, 404, 404, 200, 404, 200, 404, 404, 200),
    "cases:casus_assign": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "cases:casus_close": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "cases:casus_contact": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "cases:casus_detail": (L, L, L, 404, 404, 200, 404, 200, 404, 404, 200),
    "cases:casus_list": (L, L, L, 403, 403, 200, 200, 200, 403, 403, 200),
    "cases:intake_done": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "cases:intake_question": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "cases:intake_request": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "cases:mijn_gegevens": (404, 200, 200, 404, 404, 404, 404, 404, 404, 404, 404),
    "cases:mijn_gegevens_erase": (404, 200, 200, 404, 404, 404, 404, 404, 404, 404, 404),
    "cases:mijn_gegevens_export": (404, 200, 200, 404, 404, 404, 404, 404, 404, 404, 404),
    "cases:mijn_gegevens_withdraw": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "cases:note_create": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "cases:partner_portal": (L, L, L, 403, 403, 403, 403, 200, 200, 200, 200),
    "cases:phone_intake": (L, L, L, 403, 403, 200, 200, 200, 403, 403, 200),
    "cases:question_answer": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "cases:question_page_create": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "cases:queue": (L, L, L, R, R, 200, 200, 200, R, R, 200),
    "cases:referral_create": (L, L, L, 404, 404, 200, 404, 200, 404, 404, 200),
    "cases:referral_detail": (L, L, L, 404, 404, 200, 404, 200, 200, 404, 200),
    "cases:referral_outcome": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "cases:referral_respond": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "cases:satisfaction": (404, 200, 200, 404, 404, 404, 404, 404, 404, 404, 404),
    "indicator_upload": (L, L, L, 200, R, L, L, L, L, L, 200),
    "kennisbank:regelingencheck": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "kennisbank:search": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "kennisbank_event_registrations_export": (L, L, L, 200, 200, L, L, L, L, L, 200),
    "kennisbank_regelingen_attention": (L, L, L, R, R, L, L, L, L, L, R),
    "kennisbank_regelingen_import": (L, L, L, R, R, L, L, L, L, L, R),
    "ping": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "scan:consent": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "scan:intro": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "scan:result": (404, 200, 200, 404, 404, 404, 404, 404, 404, 404, 404),
    "scan:regelingencheck_prefilled": (404, 200, 200, 404, 404, 404, 404, 404, 404, 404, 404),
    "scan:resume": (404, R, R, 404, 404, 404, 404, 404, 404, 404, 404),
    "scan:resume_link": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "scan:review": (R, R, R, R, R, R, R, R, R, R, R),
    "scan:step": (R, R, R, R, R, R, R, R, R, R, R),
    "scan:vervolgscan_from_result": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
    "scan:vervolgscan_start": (404, 200, 200, 404, 404, 404, 404, 404, 404, 404, 404),
    "scan_definition_new_draft": (L, L, L, R, R, L, L, L, L, L, 200),
    # Refuses with a message: questions are translated with their definition.
    "scan_question_translate_refused": (L, L, L, R, R, L, L, L, L, L, R),
    "scan_definition_preview": (L, L, L, R, R, L, L, L, L, L, 200),
    "scan_definition_publish": (L, L, L, R, R, L, L, L, L, L, 200),
    "monitoring:monitoring_csv": (L, L, L, 403, 403, 403, 403, 200, 403, 403, 200),
    "monitoring:monitoring_dashboard": (L, L, L, 403, 403, 403, 403, 200, 403, 403, 200),
    "monitoring:open_data": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "monitoring:open_data_csv": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "monitoring:open_data_json": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "monitoring:open_data_regelingen": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "monitoring:regional_data": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "monitoring:regional_data_gemeente": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "monitoring:report_detail": (L, L, L, 403, 403, 403, 403, 200, 403, 403, 200),
    # report_file: the report has no file yet, so the roles that may see it get a 404.
    "monitoring:report_file": (L, L, L, 403, 403, 403, 403, 404, 403, 403, 404),
    "monitoring:report_list": (L, L, L, 403, 403, 403, 403, 200, 403, 403, 200),
    "monitoring:report_retry": (L, L, L, 405, 405, 405, 405, 405, 405, 405, 405),
    "security_txt": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    # Wagtail's snippet delete views, with our refusal of frozen definitions and their parts.
    "wagtailsnippets_scan_question:delete": (L, L, L, R, R, L, L, L, L, L, 200),
    "wagtailsnippets_scan_scandefinition:delete": (L, L, L, R, R, L, L, L, L, L, 200),
    "staff_auth:enrol": (L, L, L, L, L, L, L, L, L, L, L),
    "staff_auth:login": (200, 200, 200, R, R, R, R, R, R, R, R),
    "staff_auth:logout": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "staff_auth:verify": (L, L, L, R, R, R, R, R, R, R, R),
    "privacy:access_log": (L, L, L, 403, 403, 403, 403, 200, 403, 403, 200),
    "staff_security:overview": (L, L, L, 403, 403, 403, 403, 403, 403, 403, 200),
    "privacy:processing_register": (L, L, L, 403, 403, 403, 403, 403, 403, 403, 200),
    "staff_security:recovery_codes_renew": (L, L, L, 405, 405, 405, 405, 405, 405, 405, 405),
}


def our_patterns(patterns=None, namespace: str = "") -> list[tuple[str, URLPattern]]:
    """(qualified name, pattern) of every URL whose view is in one of our apps, Dutch prefix only."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    found = []
    for p in patterns:
        if isinstance(p, URLResolver):
            inner = f"{namespace}{p.namespace}:" if p.namespace else namespace
            found += our_patterns(p.url_patterns, inner)
        elif isinstance(p, URLPattern):
            module = getattr(p.callback, "__module__", "") or ""
            if module.startswith(OUR_APPS):
                found.append((f"{namespace}{p.name}" if p.name else str(p.pattern), p))
    return sorted(dict(found).items())


def test_every_url_of_our_apps_has_a_row_in_the_access_table():
    names = {name for name, _ in our_patterns()}
    missing = sorted(names - EXPECTED.keys())
    assert not missing, (
        f"URL(s) without an access decision: {missing}. Add a row to EXPECTED in {__file__} "
        "with the expected answer for every role."
    )
    stale = sorted(EXPECTED.keys() - names)
    assert not stale, f"EXPECTED has rows for URLs that no longer exist: {stale}"
    for name, row in EXPECTED.items():
        assert len(row) == len(ROLES), f"row {name} needs one answer per role ({len(ROLES)})"


def world() -> dict:
    """One dataset: advisor A has casus A referred to partner A; advisor B has casus B."""
    gemeente = GemeenteFactory()
    partner_a, partner_b = PartnerFactory(name="Partner A"), PartnerFactory(name="Partner B")
    advisor_a = AdvisorFactory(partner=partner_a, user__username="advisor_a")
    advisor_b = AdvisorFactory(partner=partner_b, user__username="advisor_b")
    consents = [ConsentPurpose.CONTACT, ConsentPurpose.SHARE_WITH_PARTNER]
    casus_a = CasusFactory(
        advisor=advisor_a,
        status="toegewezen",
        consents=consents,
        company__entrepreneur__name="Griselda Zwanenburg",
        company__entrepreneur__email="griselda@geheim-a.example",
        company__name="Zwanenburg Geheim BV",
        company__gemeente=gemeente,
    )
    casus_b = CasusFactory(
        advisor=advisor_b,
        status="toegewezen",
        company__name="Bakkerij B",
        company__gemeente=gemeente,
    )
    definition = definition_published(small_spec())
    scans = {}
    for key in ("a", "b"):
        scan = submitted_scan(definition, {"g1": "3"})
        scans[key] = scan
    in_progress = ScanResponse.objects.create(definition=definition)
    event = EventPageFactory()
    # Event registrations are the organisers' data (editors export them), not casus A's.
    EventRegistration.objects.create(event=event, name="Deelnemer", email="deelnemer@example.org")

    def links(entrepreneur, casus, scan) -> dict:
        def issue(purpose, subject):
            return magic_link_issue(purpose=purpose, subject_uuid=subject).raw_token

        return {
            "mijn_gegevens": issue(LinkPurpose.MIJN_GEGEVENS, entrepreneur.uuid),
            "satisfaction": issue(LinkPurpose.SATISFACTION, casus.uuid),
            "result": issue(LinkPurpose.SCAN_RESULT, scan.uuid),
            "resume": issue(LinkPurpose.SCAN_RESUME, in_progress.uuid),
            "vervolgscan": issue(LinkPurpose.VERVOLGSCAN, scan.uuid),
        }

    users = {
        "editor": UserFactory(role=Role.EDITOR),
        "moderator": UserFactory(role=Role.MODERATOR),
        "advisor_a": advisor_a.user,
        "advisor_b": advisor_b.user,
        "coordinator": UserFactory(role=Role.COORDINATOR),
        "partner_a": PartnerContactFactory(partner=partner_a).user,
        "partner_b": PartnerContactFactory(partner=partner_b).user,
        "admin": UserFactory(superuser=True),
    }
    return {
        "casus": casus_a,
        "appointment": AppointmentFactory(casus=casus_a),
        "referral": ReferralFactory(casus=casus_a, partner=partner_a),
        "report": QuarterlyReport.objects.create(regio=gemeente.regio, quarter="2025-Q1"),
        "gemeente": gemeente,
        "definition": definition,
        "question": Question.objects.filter(domain__definition=definition).first(),
        "event": event,
        "users": users,
        "links": {
            "entrepreneur_own": links(casus_a.entrepreneur, casus_a, scans["a"]),
            "entrepreneur_other": links(casus_b.entrepreneur, casus_b, scans["b"]),
        },
        "secrets": [
            casus_a.entrepreneur.name,
            casus_a.entrepreneur.email,
            casus_a.company.name,
        ],
    }


UUID_OF = {  # URLs whose <uuid> is not the casus
    "cases:appointment_held": "appointment",
    "cases:appointment_ics": "appointment",
    "cases:referral_detail": "referral",
    "cases:referral_outcome": "referral",
    "cases:referral_respond": "referral",
    "monitoring:report_detail": "report",
    "monitoring:report_file": "report",
    "monitoring:report_retry": "report",
}
TOKEN_OF = {
    "cases:mijn_gegevens": "mijn_gegevens",
    "cases:satisfaction": "satisfaction",
    "scan:resume": "resume",
    "scan:result": "result",
    "scan:consent": "result",
    "scan:regelingencheck_prefilled": "result",
    "scan:vervolgscan_from_result": "result",
    "scan:vervolgscan_start": "vervolgscan",
}
NO_LINK = "Bq3v0yN5dA1mKx7rT2wZ8eHc4uJf6sLp"  # well-formed, never issued


def url_for(name: str, pattern: URLPattern, data: dict, role: str) -> str:
    kwargs = {}
    for key in pattern.pattern.converters:
        if key == "uuid":
            kwargs[key] = data[UUID_OF.get(name, "casus")].uuid
        elif key == "token":
            purpose = next(p for prefix, p in TOKEN_OF.items() if name.startswith(prefix))
            kwargs[key] = data["links"].get(role, {}).get(purpose, NO_LINK)
        elif key == "slug":
            kwargs[key] = data["gemeente"].slug
        elif key == "name":
            kwargs[key] = "kpis"
        elif key == "kind":
            kwargs[key] = "xlsx"
        elif key == "number":
            kwargs[key] = 1
        elif key == "page_id":
            kwargs[key] = data["event"].pk
        elif key == "fmt":
            kwargs[key] = "csv"
        elif key == "pk":
            kwargs[key] = data["question" if "question" in name else "definition"].pk
        else:
            raise AssertionError(f"{name}: no test object for URL argument <{key}>")
    return reverse(name, kwargs=kwargs)


def answer(response) -> str | int:
    if response.status_code == 302:
        return LOGIN if response["Location"].startswith("/inloggen/") else GO
    return response.status_code


@pytest.mark.django_db
def test_every_url_answers_every_role_as_the_access_table_says(client):
    data = world()
    patterns = dict(our_patterns())
    wrong, leaks, observed = [], [], {}
    for index, role in enumerate(ROLES):
        for name, pattern in patterns.items():
            cache.clear()  # rate-limit counters: this test asks far more than one visitor would
            client.logout()  # also undoes what a logout or login URL did to the session
            if role in data["users"]:
                staff_login(client, data["users"][role])
            response = client.get(url_for(name, pattern, data, role))
            got = answer(response)
            observed.setdefault(name, [None] * len(ROLES))[index] = got
            want = EXPECTED.get(name, (None,) * len(ROLES))[index]
            if got != want:
                wrong.append(f"{name} as {role}: expected {want}, got {got}")
            if role not in MAY_SEE_A and not getattr(response, "streaming", False):
                body = response.content.decode(errors="replace")
                leaks += [f"{name} as {role} shows {s!r}" for s in data["secrets"] if s in body]
    table = "\n".join(f"    {n!r}: {tuple(row)!r}," for n, row in sorted(observed.items()))
    assert not leaks, leaks
    assert not wrong, "\n".join(wrong) + "\n\nobserved:\n" + table
