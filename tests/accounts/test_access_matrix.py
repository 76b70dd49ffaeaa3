"""The access matrix, generated: every URL of our apps × every role of the README, GET and POST.

No table of status codes per URL: what each role gets is computed from the URL configuration and
the access policy (schakelteam/accounts/policy.py).
- A staff URL (werkplek/, partnerportaal/, our own admin views) records the capability it needs
  (`view.access`). Whoever is not logged in goes to the login page (so does a role without the
  Wagtail admin in the admin). Where the URL names an object the role may not see, a 404 (no
  hint that it exists); where it may see it but lacks the capability, a 403 (in the admin:
  Wagtail's refusal, back to the admin home). Otherwise the role is not refused.
- A magic-link URL answers whoever holds a valid link of its kind ("own" holds casus A's
  entrepreneur's links, "other" casus B's); everyone else holds a made-up link and gets a 404.
- A public URL refuses no one. A method a view does not take is a 405 for everyone (a POST to an
  admin page that only shows: for whoever the policy lets in).
Casus A (advisor A's, referred to partner A) is the object of every URL. Roles that may not see it
never find its entrepreneur's name, e-mail or company name in an answer, and a refused POST
changes no row of our apps.
"""

from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cases.constants import ConsentPurpose
from kennisbank.models import EventRegistration
from scan.models import Question, ScanResponse
from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.decorators import Access
from schakelteam.accounts.groups import role_permissions_sync
from schakelteam.accounts.policy import GRANTS, Scope, grant
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
from tests.helpers import OUR_APP_LABELS, staff_login
from tests.helpers_urls import STAFF_PREFIXES
from tests.kennisbank.factories import EventPageFactory, RegelingIndexPageFactory
from tests.organisation.factories import GemeenteFactory, PartnerFactory, UserFactory
from tests.scan.factories import definition_published, small_spec, submitted_scan

OUR_APPS = ("cases.", "scan.", "kennisbank.", "schakelteam.")
STAFF = {
    "editor": Role.EDITOR,
    "moderator": Role.MODERATOR,
    "advisor_a": Role.ADVISOR,
    "advisor_b": Role.ADVISOR,
    "coordinator": Role.COORDINATOR,
    "projectleider": Role.PROJECTLEIDER,
    "partner_a": Role.PARTNER_CONTACT,
    "partner_b": Role.PARTNER_CONTACT,
    "admin": Role.ADMIN,
}
ENTREPRENEURS = ("entrepreneur_own", "entrepreneur_other")
ROLES = ("anonymous", *ENTREPRENEURS, *STAFF)
# Who, per scope, may see the objects of casus A (the casus, its appointment, its referral).
SEES_A = {Scope.ALL: set(STAFF), Scope.OWN: {"advisor_a"}, Scope.ORGANISATION: {"partner_a"}}
LOGIN, DENIED, OK = "login", "denied", "ok"
NO_LINK = "Bq3v0yN5dA1mKx7rT2wZ8eHc4uJf6sLp"  # well-formed, never issued


@dataclass(frozen=True)
class Url:
    name: str
    pattern: URLPattern

    @property
    def access(self) -> Access | None:
        callback = self.pattern.callback
        return getattr(callback, "access", None) or getattr(
            getattr(callback, "view_class", None), "access", None
        )

    @property
    def takes_token(self) -> bool:
        return "token" in self.pattern.pattern.converters


def our_urls(patterns=None, namespace: str = "") -> list[Url]:
    """Every URL whose view is in one of our apps, Dutch prefix only."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    found = {}
    for p in patterns:
        if isinstance(p, URLResolver):
            inner = f"{namespace}{p.namespace}:" if p.namespace else namespace
            found.update({u.name: u for u in our_urls(p.url_patterns, inner)})
        elif isinstance(p, URLPattern) and (p.callback.__module__ or "").startswith(OUR_APPS):
            name = f"{namespace}{p.name}" if p.name else str(p.pattern)
            found[name] = Url(name, p)
    return sorted(found.values(), key=lambda u: u.name)


def sees_a(role: str, capability: str) -> bool:
    return role in SEES_A.get(grant(STAFF.get(role, Role.NONE), capability), ())


def may_see_casus_a(role: str) -> bool:
    return role == "entrepreneur_own" or any(
        sees_a(role, c) for c in ("casus.view", "referral.view")
    )


def expected(url: Url, role: str, method: str) -> set:
    """What the policy says `role` gets from `url` (any answer in the set will do)."""
    if url.takes_token:
        return {OK} if role in ENTREPRENEURS else {404}
    access = url.access
    if access is None:  # public; the login steps send some visitors on to the login page
        return {OK, LOGIN} if url.name.startswith("staff_auth:") else {OK}
    staff = STAFF.get(role)
    if staff is None or (access.admin and grant(staff, "admin.access") == Scope.NONE):
        return {LOGIN}
    if access.found_by and not sees_a(role, access.found_by):
        return {404}
    if grant(staff, access.needed(method)) == Scope.NONE:
        return {DENIED if access.admin else 403}
    return {OK, 405} if method == "POST" else {OK}  # a page that only shows takes no POST


def answer(response, path: str) -> str | int:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(("/inloggen/", "/admin/login/")):
            return LOGIN
        if path.startswith("/admin/") and location == reverse("wagtailadmin_home"):
            return DENIED
        return OK
    return response.status_code if response.status_code >= 400 else OK


def world() -> dict:
    """Advisor A has casus A, referred to partner A; advisor B has casus B; one user per role."""
    role_permissions_sync()
    gemeente = GemeenteFactory()
    partner_a, partner_b = PartnerFactory(name="Partner A"), PartnerFactory(name="Partner B")
    advisor_a = AdvisorFactory(partner=partner_a, user__username="advisor_a")
    advisor_b = AdvisorFactory(partner=partner_b, user__username="advisor_b")
    casus_a = CasusFactory(
        advisor=advisor_a,
        status="toegewezen",
        consents=[ConsentPurpose.CONTACT, ConsentPurpose.SHARE_WITH_PARTNER],
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
    in_progress = ScanResponse.objects.create(definition=definition)
    event = EventPageFactory()
    RegelingIndexPageFactory()  # so the regelingen import has a place to import to
    # Event registrations are the organisers' data (editors export them), not casus A's.
    EventRegistration.objects.create(event=event, name="Deelnemer", email="deelnemer@example.org")
    report = QuarterlyReport.objects.create(regio=gemeente.regio, quarter="2025-Q1")
    report.xlsx.save("rapportage.xlsx", ContentFile(b"figures"))

    def links(casus) -> dict:
        scan = submitted_scan(definition, {"g1": "3"})

        def issue(purpose, subject):
            return magic_link_issue(purpose=purpose, subject_uuid=subject).raw_token

        return {
            "mijn_gegevens": issue(LinkPurpose.MIJN_GEGEVENS, casus.entrepreneur.uuid),
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
        "projectleider": UserFactory(role=Role.PROJECTLEIDER),
        "partner_a": PartnerContactFactory(partner=partner_a).user,
        "partner_b": PartnerContactFactory(partner=partner_b).user,
        "admin": UserFactory(superuser=True),
    }
    assert set(users) == set(STAFF)
    return {
        "casus": casus_a,
        "appointment": AppointmentFactory(casus=casus_a),
        "referral": ReferralFactory(casus=casus_a, partner=partner_a),
        "report": report,
        "gemeente": gemeente,
        "definition": definition,
        "question": Question.objects.filter(domain__definition=definition).first(),
        "event": event,
        "users": users,
        "links": {"entrepreneur_own": links(casus_a), "entrepreneur_other": links(casus_b)},
        "secrets": [casus_a.entrepreneur.name, casus_a.entrepreneur.email, casus_a.company.name],
    }


UUID_OF = {  # URLs whose <uuid> is not casus A's
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
OTHER_ARGUMENTS = {"name": "kpis", "kind": "xlsx", "number": 1, "fmt": "csv"}


def path_of(url: Url, data: dict, role: str) -> str:
    kwargs = {}
    for key in url.pattern.pattern.converters:
        if key == "uuid":
            kwargs[key] = data[UUID_OF.get(url.name, "casus")].uuid
        elif key == "token":
            purpose = next(p for prefix, p in TOKEN_OF.items() if url.name.startswith(prefix))
            kwargs[key] = data["links"].get(role, {}).get(purpose, NO_LINK)
        elif key == "slug":
            kwargs[key] = data["gemeente"].slug
        elif key == "page_id":
            kwargs[key] = data["event"].pk
        elif key == "pk":
            kwargs[key] = data["question" if "question" in url.name else "definition"].pk
        elif key in OTHER_ARGUMENTS:
            kwargs[key] = OTHER_ARGUMENTS[key]
        else:
            raise AssertionError(f"{url.name}: no test object for URL argument <{key}>")
    return reverse(url.name, kwargs=kwargs)


def is_staff_path(path: str) -> bool:
    return path.lstrip("/").startswith(STAFF_PREFIXES)


@pytest.mark.django_db
def test_every_staff_url_requires_a_capability_of_the_policy():
    data = world()
    missing = [
        u.name
        for u in our_urls()
        if is_staff_path(path_of(u, data, "anonymous")) and u.access is None
    ]
    assert not missing, (
        f"Staff URL(s) without a capability: {missing}. Decorate the view with "
        "capability_required(...) (or CapabilityRequiredMixin) from schakelteam.accounts."
    )
    unknown = {u.access.needed(m) for u in our_urls() if u.access for m in ("GET", "POST")}
    assert unknown <= GRANTS.keys()


class Visitors:
    """One browser per role, logged in once (again after a login-step URL logged it out)."""

    def __init__(self, users: dict):
        self.users, self.clients = users, {}

    def request(self, role: str, method: str, url: Url, path: str, data=None):
        if role not in self.clients:
            self.clients[role] = Client()
            if role in self.users:
                staff_login(self.clients[role], self.users[role])
        cache.clear()  # rate-limit counters: this test asks far more than one visitor would
        client = self.clients[role]
        response = client.post(path, data or {}) if method == "POST" else client.get(path)
        if url.name.startswith("staff_auth:"):
            del self.clients[role]
        return response


def run_matrix(method: str, post_data=lambda url, data: {}) -> dict[str, dict]:
    """Ask every URL as every role; assert no wrong answer, no leak of casus A and no refused
    POST that changed the database. Returns each role's answer per path."""
    data = world()
    visitors = Visitors(data["users"])
    wrong, leaks, changed = [], [], []
    answers: dict[str, dict] = {role: {} for role in ROLES}
    for url in our_urls():
        not_taken = None
        # Refusals first, so a change to the database is caught before an allowed POST acts.
        refused_first = sorted(ROLES, key=lambda r: OK in expected(url, r, method))
        before = fingerprint() if method == "POST" else None
        for role in ["anonymous", *[r for r in refused_first if r != "anonymous"]]:
            path = path_of(url, data, role)
            if method == "POST" and before is not None and OK in expected(url, role, method):
                if fingerprint() != before:
                    changed.append(f"{url.name}: a refused POST changed the database")
                before = None
            response = visitors.request(role, method, url, path, post_data(url, data))
            got = answers[role][path] = answer(response, path)
            if role == "anonymous" and got == 405:
                not_taken = 405  # the view does not take this method at all
            want = {not_taken} if not_taken else expected(url, role, method)
            if got not in want:
                wrong.append(f"{method} {url.name} as {role}: expected {want}, got {got}")
            if not may_see_casus_a(role) and not getattr(response, "streaming", False):
                body = response.content.decode(errors="replace")
                leaks += [f"{url.name} as {role} shows {s!r}" for s in data["secrets"] if s in body]
        if before is not None and fingerprint() != before:
            changed.append(f"{url.name}: a refused POST changed the database")
    assert not leaks, leaks
    assert not changed, changed
    assert not wrong, "\n".join(wrong)
    return answers


def fingerprint() -> dict:
    """Every row of our apps' models, as plain values: any change shows up as a difference."""
    return {
        model._meta.label: sorted(map(repr, model.objects.order_by("pk").values_list()))
        for model in apps.get_models()
        if model._meta.app_label in OUR_APP_LABELS
    }


# Where casussen, referrals, notes, assignments and the people in them are.
PERSONAL_DATA_PAGES = (
    "/werkplek/casussen/",
    "/werkplek/afspraken/",
    "/werkplek/telefonische-intake/",
    "/werkplek/toegangslog/",
    "/partnerportaal/",
)


def assert_the_projectleider_is_refused_every_personal_data_page(answers: dict) -> None:
    pages = {
        p: got for p, got in answers["projectleider"].items() if p.startswith(PERSONAL_DATA_PAGES)
    }
    assert len(pages) > 15
    assert {p: got for p, got in pages.items() if got not in (LOGIN, 403, 404, 405)} == {}


@pytest.mark.django_db
def test_every_url_answers_every_role_a_get_as_the_policy_says():
    assert_the_projectleider_is_refused_every_personal_data_page(run_matrix("GET"))


# What an allowed POST sends: a filled form, so a refusal is proven against a valid request too.
POST_DATA = {
    "cases:casus_assign": lambda d: {"advisor": "0"},
    "cases:note_create": lambda d: {"note-text": "x"},
    "cases:advice_create": lambda d: {"advice-text": "x"},
    "cases:casus_close": lambda d: {"close-outcome": "geholpen"},
    "cases:question_answer": lambda d: {"answer-answer": "x"},
    "cases:question_page_create": lambda d: {"qa-title": "x", "qa-short_answer": "y"},
    "cases:referral_respond": lambda d: {"respond-decision": "accept"},
    "cases:referral_outcome": lambda d: {"outcome-outcome": "helped"},
    "staff_security:overview": lambda d: {"user_id": d["users"]["editor"].pk, "action": "unlock"},
}


@pytest.mark.django_db
def test_every_url_answers_every_role_a_post_as_the_policy_says_and_refusals_change_nothing():
    answers = run_matrix("POST", lambda url, data: POST_DATA.get(url.name, lambda d: {})(data))
    assert_the_projectleider_is_refused_every_personal_data_page(answers)


AGGREGATES = {"monitoring.view", "report.create", "report.download", "kpi.manage"}
OWN_ACCOUNT_AND_TOOLS = {"workspace.enter", "recovery_codes.renew", "admin.access"}


def test_a_projectleider_holds_only_capabilities_over_aggregates():
    held = {c for c in GRANTS if grant(Role.PROJECTLEIDER, c) != Scope.NONE}
    assert held == AGGREGATES | OWN_ACCOUNT_AND_TOOLS | {"regional_data.manage"}


@pytest.mark.django_db
def test_lists_and_search_show_an_advisor_and_a_partner_only_their_own(client):
    data = world()
    casus_list = reverse("cases:casus_list")
    staff_login(client, data["users"]["advisor_b"])
    assert "Bakkerij B" in client.get(casus_list).text
    assert "Zwanenburg Geheim BV" not in client.get(casus_list + "?q=Zwanenburg").text
    staff_login(client, data["users"]["partner_b"])
    assert "Zwanenburg Geheim BV" not in client.get(reverse("cases:partner_portal")).text
    staff_login(client, data["users"]["partner_a"])
    assert "Zwanenburg Geheim BV" in client.get(reverse("cases:partner_portal")).text
