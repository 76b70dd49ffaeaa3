"""Scan definitions and responses for tests: a small definition, and the full demo one."""

import copy

from django.utils import timezone

from scan import services
from scan.definition_io import definition_create
from scan.models import ScanDefinition, ScanResponse
from scan.scoring import score_response
from scan.selectors import definition_snapshot
from schakelteam.demo.data import read_json
from tests.organisation.factories import GemeenteFactory, ThemeFactory

SCALE = [
    ["1", "Slecht", 1],
    ["2", "Matig", 2],
    ["3", "Redelijk", 3],
    ["4", "Goed", 4],
    ["5", "Top", 5],
    ["nvt", "N.v.t.", None],
]


def small_spec(name: str = "Mini 1", kind: str = "bedrijfsscan") -> dict:
    """Two domains (one for firms with staff), a conditional follow-up and a closing text."""
    return {
        "name": name,
        "kind": kind,
        "domains": [
            {
                "slug": "geld",
                "title": "Geld",
                "theme": "financiering",
                "advice": {
                    "attention": "Maak een kasoverzicht.",
                    "on_way": "Bouw een buffer.",
                    "strong": "Mooi.",
                },
                "questions": [
                    {"slug": "g1", "text": "Zicht op geld?", "kind": "scale", "options": SCALE},
                    {"slug": "g2", "text": "Buffer?", "kind": "scale", "options": SCALE},
                    {
                        "slug": "g-ambitie",
                        "text": "Ambitie geld?",
                        "kind": "scale",
                        "horizon": "toekomst",
                        "options": SCALE,
                    },
                ],
            },
            {
                "slug": "mensen",
                "title": "Mensen",
                "theme": "menselijk-kapitaal",
                "size_classes": ["2-4", "5-10", "11-50", "51-250", "250+"],
                "questions": [
                    {"slug": "m1", "text": "Vacatures?", "kind": "scale", "options": SCALE},
                    {
                        "slug": "knel",
                        "text": "Knelpunt?",
                        "kind": "yes_no",
                        "options": [["ja", "Ja", 1], ["nee", "Nee", 5]],
                    },
                    {
                        "slug": "knel-welke",
                        "text": "Welk knelpunt?",
                        "kind": "text",
                        "weight": 0,
                        "required": False,
                        "condition": ["knel", ["ja"]],
                    },
                    {
                        "slug": "m-ambitie",
                        "text": "Ambitie mensen?",
                        "kind": "scale",
                        "horizon": "toekomst",
                        "options": SCALE,
                    },
                ],
            },
        ],
        "rules": [{"direction": "groeien", "condition": {}, "reason": "Standaard."}],
    }


def themes_ensure() -> None:
    for slug in (
        "financiering",
        "menselijk-kapitaal",
        "digitalisering",
        "innovatie",
        "duurzaamheid",
        "internationalisering",
        "regeldruk",
        "ondernemerschap",
    ):
        ThemeFactory(slug=slug)


def definition_published(spec: dict | None = None) -> ScanDefinition:
    themes_ensure()
    definition = definition_create(copy.deepcopy(spec or small_spec()))
    return services.scan_definition_publish(definition=definition)


def demo_definitions() -> tuple[ScanDefinition, ScanDefinition]:
    """The demo's bedrijfsscan and vervolgscan (scan/demo_data), published, in Dutch only."""
    themes_ensure()
    scan, vervolg = (read_json("scan", name) for name in ("bedrijfsscan.json", "vervolgscan.json"))
    return (
        services.scan_definition_publish(definition=definition_create(scan)),
        services.scan_definition_publish(definition=definition_create(vervolg)),
    )


def submitted_scan(
    definition: ScanDefinition,
    answers: dict,
    *,
    size_class: str = "5-10",
    sbi_section: str = "G",
    consent: bool = True,
    previous: ScanResponse | None = None,
) -> ScanResponse:
    """A submitted scan with `answers` scored the real way (answer rows are not needed here)."""
    snapshot = definition_snapshot(definition.pk)
    now = timezone.now()
    return ScanResponse.objects.create(
        definition=definition,
        previous=previous,
        size_class=size_class,
        sbi_section=sbi_section,
        gemeente=GemeenteFactory(),
        facts_done=True,
        submitted_at=now,
        research_consent_at=now if consent else None,
        result=score_response(snapshot, answers, {"size_class": size_class}),
    )
