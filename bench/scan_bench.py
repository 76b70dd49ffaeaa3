"""Micro-benchmarks for `make bench` (see bench/micro.py): scoring one response, and scan pages."""

import random
from importlib import import_module

from django.conf import settings

from scan import services
from scan.definition_io import snapshot_from_spec
from scan.models import ScanResponse
from scan.scoring import score_response
from schakelteam.demo.data import read_json
from schakelteam.demo.generate import scans_generate
from schakelteam.demo.loader import scan_definitions_load


def bench_answers(snapshot, seed: int = 1) -> dict:
    """A full, plausible answer set for `snapshot` (every scored question answered)."""
    rng = random.Random(seed)
    answers = {}
    for question in snapshot.questions.values():
        if question.options:
            answers[question.slug] = rng.choice(question.options).value
    return answers


def bench_scoring() -> dict:
    """score_response() on the default bedrijfsscan (58 questions), pure: no database."""
    snapshot = snapshot_from_spec(read_json("scan", "bedrijfsscan.json"))
    answers = bench_answers(snapshot)
    facts = {"size_class": "5-10", "sbi_section": "G"}
    return {
        "scan: score one response (58 questions, 12 domains)": lambda: score_response(
            snapshot, answers, facts
        )
    }


def bench_pages() -> list[tuple]:
    """The intro, a domain step of a scan in progress (its session cookie) and a result page."""
    scan_definition, _vervolg = scan_definitions_load()
    scans_generate(scan_definition)
    scan = ScanResponse.objects.filter(submitted_at__isnull=False).order_by("pk").first()
    token = services.scan_result_link_issue(scan=scan)
    in_progress = services.scan_start(definition=scan_definition)
    services.scan_facts_save(scan=in_progress, size_class="5-10", sbi_section="G")
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session["scan_uuid"] = str(in_progress.uuid)
    session.create()
    cookie = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}"}
    return [
        ("scan intro", "/bedrijfsscan/"),
        ("scan step (a domain, in progress)", "/bedrijfsscan/stap/2/", cookie),
        ("scan result", f"/bedrijfsscan/resultaat/{token}/"),
    ]
