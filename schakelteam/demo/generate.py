"""Generated demo bulk: submitted scans with research consent (so the peer benchmark shows) and
two years of anonymous monitoring events (so the dashboard has figures). Seeded: the same every
run, and a second run adds nothing."""

import datetime
import random
import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from scan.models import ScanAnswer, ScanDefinition, ScanResponse
from scan.scoring import score_response, visible_questions
from scan.selectors import definition_snapshot
from schakelteam.events import EventKind, company_key_for
from schakelteam.monitoring.models import MonitoringEvent
from schakelteam.monitoring.periods import AMSTERDAM, quarter_of, today
from schakelteam.organisation.constants import SbiSection
from schakelteam.organisation.models import Gemeente, Partner
from schakelteam.organisation.selectors import theme_list

DEMO_NAMESPACE = uuid.UUID("6f1c9a52-3d0e-4b8e-9a51-5b7f4c2d1e01")
DEMO_SCANS = 30
SIZES = ["2-4"] * 11 + ["5-10"] * 12 + ["11-50"] * 5 + ["1"] * 2
SECTORS = ["G", "F", "C", "I", "M", "J", "Q", "H"]


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
def scans_generate(definition: ScanDefinition, count: int = DEMO_SCANS) -> int:
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


def demo_window() -> tuple[datetime.date, datetime.date]:
    """Two years up to today, starting on a quarter boundary."""
    end = today()
    return quarter_of(datetime.date(end.year - 2, end.month, 1)).end, end


def events_generate(
    n: int, *, seed: int = 7, start: datetime.date | None = None, end: datetime.date | None = None
) -> int:
    """Bulk-create about `n` plausible anonymous events (company journeys and meetings).

    Used by the demo and by `make bench` (bench/dashboard_bench.py); returns the number made.
    """
    rng = random.Random(seed)  # noqa: S311  (demo data, not security)
    gemeenten = list(Gemeente.objects.select_related("regio"))
    if not gemeenten:
        return 0
    partners = list(Partner.objects.filter(is_active=True)) or [None]
    themes = [t.slug for t in theme_list()] or ["ondernemerschap"]
    default_start, default_end = demo_window()
    start, end = start or default_start, end or default_end
    span = max((end - start).days, 1)
    weights = [8 if g.slug == "almere" else 3 if g.slug == "lelystad" else 1 for g in gemeenten]
    sizes = ["1", "2-4", "2-4", "5-10", "5-10", "11-50", "51-250"]
    sectors = [s.value for s in SbiSection if s.value in "ACFGHIJMNQRS"]
    origins = ["web", "web", "phone", "question", "scan", "scan", "event"]
    batch: list[MonitoringEvent] = []
    made = 0

    def add(kind, when, g, **extra):
        nonlocal made
        if when > end:
            return
        moment = datetime.datetime.combine(
            when, datetime.time(9 + rng.randrange(8), rng.randrange(60)), AMSTERDAM
        )
        batch.append(
            MonitoringEvent(kind=kind, occurred_at=moment, regio=g.regio, gemeente=g, **extra)
        )
        made += 1
        if len(batch) >= 5000:
            MonitoringEvent.objects.bulk_create(batch)
            batch.clear()

    company = 0
    while made < n:
        day = start + datetime.timedelta(days=rng.randrange(span))
        g = rng.choices(gemeenten, weights)[0]
        if rng.random() < 0.03:
            add(EventKind.MEETING_HELD, day, g)
            for _ in range(rng.randrange(5, 25)):
                add(
                    EventKind.EVENT_ATTENDED,
                    day,
                    g,
                    company_key=company_key_for(f"demo-{rng.randrange(company + 1)}"),
                )
            continue
        facts = {
            "size_class": rng.choice(sizes),
            "sbi_section": rng.choice(sectors),
            "theme_slugs": sorted(rng.sample(themes, rng.randint(1, min(3, len(themes))))),
            "company_key": company_key_for(f"demo-{company}"),
        }
        company += 1
        add(EventKind.SCAN_STARTED, day, g, **facts)
        if rng.random() < 0.75:
            add(EventKind.SCAN_SUBMITTED, day, g, **facts)
        if rng.random() > 0.45:
            continue
        facts["origin"] = rng.choice(origins)
        add(EventKind.CASE_OPENED, day, g, **facts)
        later = day + datetime.timedelta(days=rng.randint(0, 4))
        add(
            EventKind.FIRST_CONTACT,
            later,
            g,
            outcome="within_sla" if rng.random() < 0.86 else "after_sla",
            **facts,
        )
        later += datetime.timedelta(days=rng.randint(2, 10))
        add(
            EventKind.APPOINTMENT_HELD,
            later,
            g,
            outcome=rng.choice(["phone", "video", "on_site"]),
            **facts,
        )
        add(EventKind.ADVICE_GIVEN, later, g, value=rng.randint(0, 4), **facts)
        if rng.random() < 0.5:
            partner = rng.choice(partners)
            add(EventKind.REFERRAL_MADE, later, g, partner=partner, **facts)
            if rng.random() < 0.82:
                days = rng.randint(1, 9)
                add(
                    EventKind.REFERRAL_ACCEPTED,
                    later + datetime.timedelta(days=days),
                    g,
                    partner=partner,
                    value=days,
                    **facts,
                )
                if rng.random() < 0.7:
                    days = rng.randint(10, 70)
                    add(
                        EventKind.REFERRAL_COMPLETED,
                        later + datetime.timedelta(days=days),
                        g,
                        partner=partner,
                        value=days,
                        outcome="helped",
                        **facts,
                    )
            else:
                add(
                    EventKind.REFERRAL_DECLINED,
                    later + datetime.timedelta(days=2),
                    g,
                    partner=partner,
                    value=2,
                    **facts,
                )
        closed = later + datetime.timedelta(days=rng.randint(5, 40))
        add(
            EventKind.CASE_CLOSED,
            closed,
            g,
            outcome=rng.choice(["geholpen", "regeling", "doorverwezen", "geen_behoefte"]),
            **facts,
        )
        if rng.random() < 0.45:
            score = rng.choices([1, 2, 3, 4, 5], [1, 2, 5, 12, 10])[0]
            add(
                EventKind.SATISFACTION_GIVEN,
                closed + datetime.timedelta(days=3),
                g,
                value=score,
                **facts,
            )
    if batch:
        MonitoringEvent.objects.bulk_create(batch)
    return made
