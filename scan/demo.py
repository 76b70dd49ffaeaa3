"""Demo content of the scan app, loaded by `manage.py load_demo` (idempotent)."""

import datetime
import json
import random
import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from schakelteam.organisation.models import Gemeente

from .definition_io import definition_create
from .demo_definition import BEDRIJFSSCAN, VERVOLGSCAN
from .models import ScanAnswer, ScanDefinition, ScanResponse
from .scoring import score_response, visible_questions
from .selectors import definition_snapshot
from .services import scan_definition_publish
from .translations import definition_translate

DEMO_DATA = Path(__file__).parent / "demo_data"

DEMO_NAMESPACE = uuid.UUID("6f1c9a52-3d0e-4b8e-9a51-5b7f4c2d1e01")
DEMO_SCANS = 30
SIZES = ["2-4"] * 11 + ["5-10"] * 12 + ["11-50"] * 5 + ["1"] * 2
SECTORS = ["G", "F", "C", "I", "M", "J", "Q", "H"]


def definitions_load() -> tuple[ScanDefinition, ScanDefinition]:
    """Install and publish the default bedrijfsscan and vervolgscan with their English words."""
    english = json.loads((DEMO_DATA / "scan_en.json").read_text(encoding="utf-8"))
    locale = Locale.objects.filter(language_code="en").first()
    loaded = []
    for spec in (BEDRIJFSSCAN, VERVOLGSCAN):
        definition = scan_definition_publish(definition=definition_create(spec))
        if locale is not None and not definition.has_translation(locale):
            definition_translate(definition, locale, lambda _path, text: english.get(text))
        loaded.append(definition)
    return loaded[0], loaded[1]


def _answer(rng: random.Random, question, tilt: int):
    scored = [o for o in question.options if o.score is not None]
    if question.kind == "text":
        return None
    if question.kind in {"single", "yes_no", "scale"} and not scored:
        return rng.choice(question.options).value if question.options else None
    if rng.random() < 0.05:
        unscored = [o for o in question.options if o.score is None]
        if unscored:
            return unscored[0].value
    target = min(5, max(1, round(rng.gauss(3 + tilt, 1.1))))
    best = min(scored, key=lambda o: abs(o.score - target))
    return best.value


@transaction.atomic
def demo_scans_load(definition: ScanDefinition, count: int = DEMO_SCANS) -> int:
    """Submitted demo scans with research consent, so the benchmark shows (skips existing)."""
    snapshot = definition_snapshot(definition.pk, language=settings.LANGUAGE_CODE)
    question_ids = {q.slug: q.id for q in snapshot.questions.values()}
    gemeenten = list(Gemeente.objects.all())
    created = 0
    now = timezone.now()
    for i in range(count):
        scan_uuid = uuid.uuid5(DEMO_NAMESPACE, f"scan-{i}")
        if ScanResponse.objects.filter(uuid=scan_uuid).exists():
            continue
        rng = random.Random(i)  # noqa: S311 — demo data
        size = SIZES[i % len(SIZES)]
        answers: dict = {}
        for domain in snapshot.domains:
            tilt = rng.choice([-1, 0, 0, 1])
            for q in domain.questions:
                if q.horizon == "toekomst":
                    value = _answer(rng, q, tilt + 1)
                else:
                    value = _answer(rng, q, tilt)
                if value is not None:
                    answers[q.slug] = value
        facts = {"size_class": size}
        visible = visible_questions(snapshot, answers, facts)
        answers = {s: v for s, v in answers.items() if s in visible}
        submitted = now - datetime.timedelta(days=3 + 4 * i)
        scan = ScanResponse.objects.create(
            uuid=scan_uuid,
            definition=definition,
            size_class=size,
            sbi_section=SECTORS[i % len(SECTORS)],
            gemeente=gemeenten[i % len(gemeenten)] if gemeenten else None,
            founded_year=1985 + (i * 7) % 38,
            legal_form=["eenmanszaak", "vof", "bv"][i % 3],
            facts_done=True,
            submitted_at=submitted,
            research_consent_at=submitted,
            result=score_response(snapshot, answers, facts),
        )
        ScanAnswer.objects.bulk_create(
            ScanAnswer(response=scan, question_id=question_ids[s], value=v)
            for s, v in answers.items()
        )
        created += 1
    return created


def load(stdout=None) -> None:
    scan, vervolg = definitions_load()
    created = demo_scans_load(scan)
    if stdout is not None:
        stdout.write(f"scan: {scan.name} and {vervolg.name} published; {created} demo scans added")
