"""Hostile input never gives a 500 and stores nothing odd; the step and result pages use a bounded
number of queries whatever the number of answers; unfinished scans are purged after retention."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from scan import services
from scan.models import ScanAnswer, ScanResponse
from scan.selectors import benchmark_for, definition_snapshot
from schakelteam.demo.generate import scans_generate
from schakelteam.demo.loader import scan_definitions_load, scan_load

from .factories import definition_published, demo_definitions, submitted_scan, themes_ensure

pytestmark = pytest.mark.django_db


def _started(client, size="5-10"):
    client.post(reverse("scan:intro"))
    client.post(reverse("scan:step", args=[1]), {"size_class": size, "sbi_section": "G"})
    return ScanResponse.objects.get(uuid=client.session["scan_uuid"])


@pytest.mark.parametrize(
    "data",
    [
        {"q-g1": "7"},
        {"q-g1": "\x00"},
        {"q-g1": "x" * 10_000},
        {"q-g1": ["1", "2"]},
        {"q-g1": "4", "q-unknown": "1", "q-m1": "5"},
    ],
)
def test_hostile_step_answers_are_refused_at_the_field(client, data):
    definition_published()
    scan = _started(client)

    response = client.post(reverse("scan:step", args=[2]), data)

    assert response.status_code in (302, 400)
    for value in ScanAnswer.objects.filter(response=scan).values_list("value", flat=True):
        assert value in {"1", "2", "3", "4", "5", "nvt"}
    assert not ScanAnswer.objects.filter(response=scan, question__slug="m1").exists()


@pytest.mark.parametrize(
    "data",
    [
        {"size_class": "9999", "sbi_section": "G"},
        {"size_class": "1", "sbi_section": "ZZ"},
        {"size_class": "1", "sbi_section": "G", "founded_year": "99999999999999"},
        {"size_class": "1", "sbi_section": "G", "founded_year": "3000"},
        {"size_class": "1", "sbi_section": "G", "postcode": "\x00" * 5},
        {"size_class": "1", "sbi_section": "G", "help_themes": ["abc", "-1"]},
    ],
)
def test_hostile_facts_are_refused_with_a_message_and_keep_the_input(client, data):
    definition_published()
    client.post(reverse("scan:intro"))

    response = client.post(reverse("scan:step", args=[1]), data)

    assert response.status_code == 400
    assert ScanResponse.objects.get().facts_done is False


def test_a_text_answer_is_stored_stripped_and_length_limited(client):
    definition_published()
    scan = _started(client)

    client.post(reverse("scan:step", args=[3]), {"q-knel": "ja"})
    client.post(
        reverse("scan:step", args=[3]),
        {"q-knel": "ja", "q-knel-welke": "  Vergunning 🚧 <script>  "},
    )
    too_long = client.post(
        reverse("scan:step", args=[3]), {"q-knel": "ja", "q-knel-welke": "x" * 501}
    )

    assert (
        ScanAnswer.objects.get(response=scan, question__slug="knel-welke").value
        == "Vergunning 🚧 <script>"
    )
    assert too_long.status_code == 400


@hsettings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=st.text(max_size=300))
def test_any_text_in_a_choice_field_never_breaks_the_step(client, value):
    if not ScanResponse.objects.exists():
        definition_published()
        _started(client)

    response = client.post(reverse("scan:step", args=[2]), {"q-g1": value, "q-g2": value})

    assert response.status_code in (302, 400)


def test_the_honeypot_saves_nothing(client):
    definition_published()
    scan = _started(client)

    client.post(reverse("scan:step", args=[2]), {"q-g1": "4", "website": "http://spam"})

    assert not ScanAnswer.objects.filter(response=scan).exists()


def test_step_page_queries_do_not_grow_with_the_answers(client, django_assert_max_num_queries):
    scan_def, _ = demo_definitions()
    _started(client)
    for number in range(2, 8):
        client.get(reverse("scan:step", args=[number]))
        page = client.get(reverse("scan:step", args=[number]))
        fields = {}
        for field in page.context["form"].shown_fields:
            choices = getattr(field.field, "choices", None)
            if choices:
                fields[field.html_name] = list(choices)[0][0]
        client.post(reverse("scan:step", args=[number]), fields)

    with django_assert_max_num_queries(12):
        client.get(reverse("scan:step", args=[4]))
    with django_assert_max_num_queries(20):
        client.post(reverse("scan:step", args=[4]), {"q-dig-automatisering": "3"})


def test_result_page_queries_are_bounded(client, django_assert_max_num_queries, settings):
    settings.SCHAKELTEAM_BENCHMARK_K = 2
    scan_def, _ = demo_definitions()
    scans_generate(scan_def, count=6)
    scan = ScanResponse.objects.filter(size_class="2-4").first()
    token = services.scan_result_link_issue(scan=scan)
    client.get(reverse("scan:result", args=[token]))

    with django_assert_max_num_queries(30):
        response = client.get(reverse("scan:result", args=[token]))
    assert response.status_code == 200
    assert response.context["benchmark"]["shown"]


def test_unfinished_scans_older_than_the_retention_are_purged(settings):
    settings.SCHAKELTEAM_SCAN_RETENTION_DAYS = 30
    definition = definition_published()
    old = ScanResponse.objects.create(definition=definition)
    fresh = ScanResponse.objects.create(definition=definition)
    old_done = submitted_scan(definition, {"g1": "3"})
    ScanResponse.objects.filter(pk__in=[old.pk, old_done.pk]).update(
        updated_at=timezone.now() - datetime.timedelta(days=31)
    )

    call_command("purge_unfinished_scans")

    assert set(ScanResponse.objects.values_list("pk", flat=True)) == {fresh.pk, old_done.pk}


def test_demo_load_is_idempotent_and_gives_a_benchmark():
    themes_ensure()
    scan_load()
    scan_load()

    assert (
        ScanResponse.objects.filter(
            submitted_at__isnull=False, research_consent_at__isnull=False
        ).count()
        == 30
    )
    scan = ScanResponse.objects.filter(size_class="5-10").first()
    assert services.definition_current().name == "Bedrijfsscan 2026.1"
    assert benchmark_for(scan)["shown"]


def test_the_demo_scans_are_fully_translated_into_english():
    themes_ensure()
    for definition in scan_definitions_load():
        dutch = definition_snapshot(definition.pk, "nl")
        english = definition_snapshot(definition.pk, "en")
        pairs = [(d.title, e.title) for d, e in zip(dutch.domains, english.domains, strict=True)]
        pairs += [(q.text, english.questions[slug].text) for slug, q in dutch.questions.items()]
        pairs += [
            (d.advice["attention"], e.advice["attention"])
            for d, e in zip(dutch.domains, english.domains, strict=True)
            if d.advice["attention"]
        ]
        pairs += [(d.reason, e.reason) for d, e in zip(dutch.rules, english.rules, strict=True)]

        assert len(pairs) > 40
        assert [nl for nl, en in pairs if nl == en] == []
