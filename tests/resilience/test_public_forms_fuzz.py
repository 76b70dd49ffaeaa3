"""Hostile input to every public form and query parameter: never a 500, never an invalid stored row.

Each example starts from a valid submission and lets hypothesis replace, drop (missing keys) or
multiply fields with hostile values (NUL bytes, RTL marks, emoji, 10,000-character strings,
numbers, lists) and add unknown keys. After every example no stored text of our apps holds a NUL
byte (PostgreSQL would refuse it) or is longer than its column. `make fuzz` runs the same with
1,000 examples per form.
"""

import uuid

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import models
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cases.conftest import intake_post_data
from tests.helpers import OUR_APP_LABELS
from tests.kennisbank.factories import (
    EventPageFactory,
    RegelingIndexPageFactory,
    RegelingPageFactory,
)
from tests.kennisbank.regelingencheck_factories import site_ready  # noqa: F401 (fixture)
from tests.organisation.factories import GemeenteFactory, ThemeFactory
from tests.scan.factories import definition_published

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_ready")]

NASTY_CHARS = ["\x00", "\u202e", "\u200f", "\u200b", "😀", "🚀", "'", '"', "<", ">", "%", "&", "\\"]
HOSTILE = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(NASTY_CHARS), max_size=50),
    st.text(max_size=20).map(lambda s: "\u202e" + s + "\x00"),
    st.just("x" * 10_000),
    st.just("😀" * 10_000),
    st.integers().map(str),
    st.floats(allow_nan=True).map(str),
    st.sampled_from(["", "on", "true", "-1", "0", "1e309", "NaN", "%00", "None", "[]", "{}"]),
)
# None = the key is missing; a list = the key sent several times.
FIELD = st.one_of(HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3), st.none())

NORMAL = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
APPS_WITH_INPUT = OUR_APP_LABELS


def overrides(fields: list[str]):
    keys = st.sampled_from([*fields, "x\x00", "\u202ekey", "a" * 300])
    return st.dictionaries(keys, FIELD, max_size=len(fields) + 1)


def merged(base: dict, changes: dict) -> dict:
    data = {**base, **changes}
    return {k: v for k, v in data.items() if v is not None}


def stored_text_problems() -> list[str]:
    """Every stored text of our apps with a NUL byte or longer than its column."""
    problems = []
    for model in apps.get_models():
        if model._meta.app_label not in APPS_WITH_INPUT or model._meta.proxy:
            continue
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        if not fields:
            continue
        for row in model.objects.values_list("pk", *(f.attname for f in fields)):
            for field, value in zip(fields, row[1:], strict=True):
                if not isinstance(value, str):
                    continue
                if "\x00" in value:
                    problems.append(f"NUL byte in {model.__name__}.{field.name} (pk {row[0]})")
                if field.max_length and len(value) > field.max_length:
                    problems.append(f"{model.__name__}.{field.name} too long (pk {row[0]})")
    return problems


def client() -> Client:
    cache.clear()  # rate limits would otherwise answer 429 after a few examples
    return Client(raise_request_exception=False, HTTP_USER_AGENT="fuzz")


def assert_no_error(response, data) -> None:
    assert response.status_code < 500, (response.status_code, data)


@pytest.fixture
def world():
    GemeenteFactory()
    ThemeFactory(slug="innovatie")
    RegelingIndexPageFactory()
    RegelingPageFactory(title="Groeiregeling")
    definition_published()
    return {"event": EventPageFactory(title="Ontbijt", capacity=10_000)}


# ---- the forms and parameters -----------------------------------------------------------------


def intake_request(world, changes):
    data = merged(intake_post_data(), changes)
    assert_no_error(client().post("/gesprek-aanvragen/", data), data)


def intake_question(world, changes):
    base = intake_post_data(preferred_channel=None, preferred_times=None)
    data = merged(base, changes)
    assert_no_error(client().post("/vraag-stellen/", data), data)


def event_registration(world, changes):
    base = {
        "name": "Sanne",
        "email": f"{uuid.uuid4().hex[:8]}@example.org",
        "organisation": "Bakkerij",
        "consent_contact": "on",
        "website": "",
    }
    data = merged(base, changes)
    assert_no_error(client().post(world["event"].get_url(), data), data)


def search(world, changes):
    data = merged({"q": "regeling", "pagina": "1"}, changes)
    assert_no_error(client().get("/zoeken/", data), data)


def regeling_overview(world, changes):
    base = {"thema": "innovatie", "soort": "subsidie", "niveau": "regionaal", "gemeente": "almere"}
    data = merged({**base, "open": "1", "pagina": "1"}, changes)
    assert_no_error(client().get("/regelingen/", data), data)


def regelingencheck(world, changes):
    base = {
        "medewerkers": "4",
        "omzet": "250000",
        "balanstotaal": "100000",
        "bedrijfsleeftijd_jaren": "3",
        "rechtsvorm": "bv",
        "sector_sbi": "C",
        "gemeente": "almere",
        "thema_behoefte": "innovatie",
        "fase": "groei",
    }
    data = merged(base, changes)
    assert_no_error(client().get("/regelingencheck/", data), data)


def scan_facts(world, changes):
    browser = client()
    browser.post("/bedrijfsscan/", {})
    base = {"size_class": "5-10", "sbi_section": "G", "postcode": "1315 AB", "nav": "next"}
    data = merged(base, changes)
    assert_no_error(browser.post("/bedrijfsscan/stap/1/", data), data)


def intake_scan_link(world, changes):
    data = merged({"scan": "not-a-token"}, changes)
    assert_no_error(client().get("/gesprek-aanvragen/", data), data)


def scan_resume_link(world, changes):
    browser = client()
    browser.post("/bedrijfsscan/", {})
    data = merged({"email": "iemand@example.org", "step": "1", "website": ""}, changes)
    assert_no_error(browser.post("/bedrijfsscan/bewaarlink/", data), data)


TARGETS = {
    "intake_request": (intake_request, list(intake_post_data())),
    "intake_question": (intake_question, list(intake_post_data())),
    "event_registration": (
        event_registration,
        ["name", "email", "organisation", "consent_contact", "website"],
    ),
    "search": (search, ["q", "pagina"]),
    "regeling_overview": (
        regeling_overview,
        ["thema", "soort", "niveau", "gemeente", "open", "pagina", "type", "verleden"],
    ),
    "regelingencheck": (
        regelingencheck,
        [
            "medewerkers",
            "omzet",
            "balanstotaal",
            "bedrijfsleeftijd_jaren",
            "rechtsvorm",
            "sector_sbi",
            "gemeente",
            "thema_behoefte",
            "fase",
        ],
    ),
    "scan_facts": (scan_facts, ["size_class", "sbi_section", "postcode", "nav", "website"]),
    "intake_scan_link": (intake_scan_link, ["scan"]),
    "scan_resume_link": (scan_resume_link, ["email", "step", "website"]),
}


def run(target: str, world, draw) -> None:
    check, fields = TARGETS[target]
    check(world, draw(overrides(fields)))
    problems = stored_text_problems()
    assert not problems, problems


@pytest.mark.parametrize("target", TARGETS)
@settings(max_examples=100, **NORMAL)
@given(draw=st.data())
def test_hostile_input_to_a_public_form_gives_no_error_and_stores_nothing_invalid(
    world, target, draw
):
    run(target, world, draw.draw)


@pytest.mark.fuzz
@pytest.mark.parametrize("target", TARGETS)
@settings(max_examples=1000, **NORMAL)
@given(draw=st.data())
def test_a_long_fuzzing_run_of_every_public_form_finds_no_error(world, target, draw):
    run(target, world, draw.draw)


def test_a_valid_submission_of_each_form_is_stored(world):
    """The fuzzing starts from these; they must really get through, or it fuzzes only refusals."""
    from cases.models import Casus
    from kennisbank.models import EventRegistration
    from scan.models import ScanResponse

    intake_request(world, {})
    intake_question(world, {})
    event_registration(world, {})
    scan_facts(world, {})
    assert Casus.objects.count() == 2
    assert EventRegistration.objects.count() == 1
    assert ScanResponse.objects.get().facts_done
