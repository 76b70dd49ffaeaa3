"""Demo content of the kennisbank, loaded by `manage.py load_demo` after schakelteam.demo (idempotent).

Texts are our own Dutch words (kennisbank/demo_data/pages.json); regelingen come from
demo_data/regelingen.json through the regelingen importer, Flevoland-relevant ones first."""

import datetime
import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from kennisbank import models as m
from kennisbank.editorial import editorial_setup
from kennisbank.importing import regelingen_import
from schakelteam.organisation.models import Gemeente
from schakelteam.organisation.selectors import theme_list

DATA = Path(__file__).parent / "demo_data"
REGELINGEN_COUNT = 80
FLEVOLAND = ["almere", "lelystad", "dronten", "zeewolde", "noordoostpolder", "urk"]
KIND_MAP = {
    "participatie": "lening",
    "verzekering": "garantie",
    "regelgeving": "advies",
    None: "programma",
}
OPERATOR_MAP = {"<=": "lte", ">=": "gte", "==": "eq", "in": "in"}
REGIONAL_LEVELS = {"regionaal", "provinciaal", "gemeentelijk"}
# A few regelingen also get an English page, so /en/regelingen/ shows translated ones.
REGELINGEN_EN = {
    "mkb-schakelteam-flevoland": (
        "MKB Schakelteam Flevoland",
        "Advisors from partner organisations and (former) entrepreneurs talk with small business "
        "owners and refer them to the organisation, scheme or instrument that fits.",
    ),
    "bedrijfsscan-mkb-schakelteam": (
        "Business scan and follow-up scan",
        "A short questionnaire about every part of your company, now and for the future, "
        "used to prepare the conversation with an advisor.",
    ),
}


def _json(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _body(paragraphs) -> list[dict]:
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    return [{"type": "paragraph", "value": html} for html in paragraphs or []]


def _differs(page: Page, fields: dict) -> bool:
    for name, wanted in fields.items():
        current = getattr(page, name)
        if name == "body":
            current = [(b["type"], b["value"]) for b in current.raw_data]
            wanted = [(b["type"], b["value"]) for b in wanted]
        elif name in ("themes", "gemeenten"):
            current = {o.pk for o in current.all()}
            wanted = {o.pk for o in wanted}
        elif hasattr(current, "pk"):
            current = current.pk
            wanted = wanted.pk if wanted is not None else None
        if current != wanted:
            return True
    return False


def page_upsert(parent: Page, model, slug: str, fields: dict, create_only: dict | None = None):
    """The child `slug` of `parent` with `fields`; a new revision only when something changed."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields, **(create_only or {}))
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
    if _differs(page, fields):
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
    return page


def translation_upsert(page: Page, locale: Locale, fields: dict) -> Page:
    """The `locale` translation of `page` (parents copied as needed) with `fields` applied."""
    translated = page.get_translation_or_none(locale)
    if translated is None:
        translated = page.copy_for_translation(locale, copy_parents=True)
        translated = translated.specific
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()
        return translated
    translated = translated.specific
    if _differs(translated, fields) or not translated.live:
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()
    return translated


def home_ensure(title: str, intro: str) -> m.HomePage:
    """Our HomePage as the default site's root, replacing Wagtail's "Welcome" page."""
    nl = Locale.objects.get(language_code="nl")
    home = m.HomePage.objects.filter(locale=nl, depth=2).first()
    if home is None:
        Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
        home = m.HomePage(title=title, slug="home", intro=intro, locale=nl)
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
    elif _differs(home, {"title": title, "intro": intro}):
        home.title, home.intro = title, intro
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "MKB Schakelteam",
        },
    )
    return home


def regeling_rows(records: list[dict]) -> list[dict]:
    """Seed records in the importer's format, Flevoland-relevant first."""
    records = sorted(records, key=lambda r: r.get("flevoland_relevant") is not True)
    rows = []
    for r in records[:REGELINGEN_COUNT]:
        criteria, size_min, size_max, sectors = [], None, None, []
        for c in r.get("criteria") or []:
            operator = OPERATOR_MAP[c["operator"]]
            criteria.append(
                {
                    "fact": c["veld"],
                    "operator": operator,
                    "value": c["waarde"],
                    "explanation_met": (c.get("uitleg") or "")[:300],
                }
            )
            if c["veld"] == "medewerkers" and operator == "gte":
                size_min = c["waarde"]
            elif c["veld"] == "medewerkers" and operator == "lte":
                size_max = c["waarde"]
            elif c["veld"] == "sector_sbi":
                sectors = list(c["waarde"]) if isinstance(c["waarde"], list) else [c["waarde"]]
        level = r.get("niveau") or ""
        rows.append(
            {
                "external_id": r["slug"],
                "title": r["naam"][:255],
                "summary": r.get("omschrijving") or r["naam"],
                "target_group": r.get("doelgroep") or "",
                "provider": (r.get("aanbieder") or "")[:200],
                "level": level,
                "kind": KIND_MAP.get(r.get("soort"), r.get("soort")),
                "themes": [r["thema"]] if r.get("thema") else [],
                "phases": r.get("fase") or [],
                "size_min": size_min,
                "size_max": size_max,
                "sectors": sectors,
                "gemeenten": FLEVOLAND
                if level in REGIONAL_LEVELS and r.get("flevoland_relevant")
                else [],
                "opens_on": r.get("geldig_van"),
                "closes_on": r.get("geldig_tot"),
                "max_amount": r.get("bedrag_max_eur"),
                "official_url": r.get("url") or "",
                "source": r.get("bron") or "",
                "facts_checked_on": f"{r['stand_van']}-12-31" if r.get("stand_van") else None,
                "criteria": criteria,
            }
        )
    return rows


def _events(index: m.EventIndexPage, data: dict) -> list[m.EventPage]:
    gemeenten = {g.slug: g for g in Gemeente.objects.filter(slug__in=FLEVOLAND)}
    today = timezone.localdate()
    tz = timezone.get_current_timezone()
    events = []
    for n, slug in enumerate(FLEVOLAND):
        gemeente = gemeenten.get(slug)
        if gemeente is None:
            continue
        venue, address = data["venues"][slug]
        for k, template in enumerate(data["event_templates"]):
            day = today + datetime.timedelta(days=14 + n * 9 + k * 40)
            starts = datetime.datetime.combine(day, datetime.time(template["hour"]), tzinfo=tz)
            title = f"{template['title']} ({gemeente.name})"
            fields = {
                "title": title,
                "intro": template["intro"],
                "gemeente": gemeente,
                "is_online": template["online"],
                "venue": "" if template["online"] else venue,
                "address": "" if template["online"] else address,
                "capacity": 40 if template["online"] else 25,
            }
            create_only = {
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(minutes=template["minutes"]),
            }
            events.append(page_upsert(index, m.EventPage, f"{slug}-{k + 1}", fields, create_only))
    return events


@transaction.atomic
def load(stdout=None) -> None:
    data = _json("pages.json")
    nl = Locale.objects.get(language_code="nl")
    en = Locale.objects.get(language_code="en")
    themes = {t.slug: t for t in theme_list()}

    home = home_ensure(data["home"]["title"], data["home"]["intro"])
    indexes = {}
    for item in data["indexes"]:
        model = getattr(m, item["model"])
        indexes[item["slug"]] = page_upsert(
            home,
            model,
            item["slug"],
            {"title": item["title"], "intro": item["intro"], "show_in_menus": True},
        )
    standard = {
        item["slug"]: page_upsert(
            home,
            m.StandardPage,
            item["slug"],
            {"title": item["title"], "intro": item["intro"], "body": _body(item["body"])},
        )
        for item in data["standard"]
    }

    report = regelingen_import(regeling_rows(_json("regelingen.json")))

    for item in data["questions"]:
        page_upsert(
            indexes["vragen"],
            m.QuestionPage,
            item["slug"],
            {
                "title": item["title"],
                "short_answer": item["short"],
                "body": _body(item["body"]),
                "themes": [themes[s] for s in item["themes"] if s in themes],
            },
        )
    gemeenten = {g.slug: g for g in Gemeente.objects.all()}
    for item in data["best_practices"]:
        page_upsert(
            indexes["praktijkverhalen"],
            m.BestPracticePage,
            item["slug"],
            {
                "title": item["title"],
                "company_name": item["company"],
                "gemeente": gemeenten.get(item["gemeente"]),
                "sector": item["sector"],
                "intro": item["intro"],
                "body": _body(item["body"]),
                "themes": [themes[s] for s in item["themes"] if s in themes],
            },
        )
    news = []
    for item in data["news"]:
        news.append(
            page_upsert(
                indexes["nieuws"],
                m.NewsPage,
                item["slug"],
                {"title": item["title"], "intro": item["intro"], "body": _body(item["body"])},
                {"date": timezone.localdate() - datetime.timedelta(days=item["days_ago"])},
            )
        )
    events = _events(indexes["bijeenkomsten"], data)

    # English: the home page, every overview, the statements and a few items.
    translation_upsert(
        home, en, {"title": data["home"]["en_title"], "intro": data["home"]["en_intro"]}
    )
    for item in data["indexes"]:
        translation_upsert(
            indexes[item["slug"]], en, {"title": item["en_title"], "intro": item["en_intro"]}
        )
    for item in data["standard"]:
        translation_upsert(
            standard[item["slug"]],
            en,
            {"title": item["en_title"], "intro": item["en_intro"], "body": _body(item["en_body"])},
        )
    for item, page in zip(data["news"], news, strict=True):
        if "en_title" in item:
            translation_upsert(page, en, {"title": item["en_title"], "intro": item["en_intro"]})
    for slug, (title, summary) in REGELINGEN_EN.items():
        page = m.RegelingPage.objects.filter(locale=nl, external_id=slug).first()
        if page is not None:
            translation_upsert(page, en, {"title": title, "summary": summary})
    if events:
        translation_upsert(
            events[0],
            en,
            {
                "title": "Breakfast session: meet the schakelteam",
                "intro": "Start the day with coffee and a good conversation. The advisors explain "
                "what they can do for you, and you meet other local entrepreneurs.",
            },
        )

    refused = [r for r in report.rows if r.status == "refused"]
    if refused and stdout:
        stdout.write(f"kennisbank: {len(refused)} regelingen refused, first: {refused[0].reason}")
    editorial_setup(roots=[home, home.get_translation(en)])
    if stdout:
        stdout.write(
            f"kennisbank: {m.RegelingPage.objects.filter(locale=nl).count()} regelingen "
            f"({report.totals}), "
            f"{m.EventPage.objects.filter(locale=nl).count()} events, "
            f"{Page.objects.filter(locale=en).count()} English pages"
        )
