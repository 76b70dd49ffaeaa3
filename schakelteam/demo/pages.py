"""The kennisbank demo: pages in the Wagtail tree (kennisbank/demo_data/pages.json), regelingen
through the importer. A page is created once and gets a new revision only when a field changed."""

import datetime

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from kennisbank import models as pages_models
from kennisbank.editorial import editorial_setup
from kennisbank.importing import regelingen_import, rows_from_text
from kennisbank.models import HomePage
from schakelteam.organisation.models import Gemeente

from .data import demo_data, read_json, themes_by_slug


def body(paragraphs: str | list[str] | None) -> list[dict]:
    """A StreamField body of paragraph blocks from one HTML string or a list of them."""
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
        elif isinstance(current, Model):
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
        translated = page.copy_for_translation(locale, copy_parents=True).specific
    else:
        translated = translated.specific
        if not _differs(translated, fields) and translated.live:
            return translated
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def home_ensure(title: str, intro: str) -> HomePage:
    """Our HomePage as the default site's root, replacing Wagtail's "Welcome" page."""
    nl = Locale.objects.get(language_code="nl")
    home = HomePage.objects.filter(locale=nl, depth=2).first()
    if home is None:
        Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
        home = HomePage(title=title, slug="home", intro=intro, locale=nl)
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


def _events(index: pages_models.EventIndexPage, data: dict) -> None:
    """Two events per gemeente (a breakfast and a webinar), spread over the coming months."""
    gemeenten = {g.slug: g for g in Gemeente.objects.filter(slug__in=list(data["venues"]))}
    tz = timezone.get_current_timezone()
    for n, (slug, (venue, address)) in enumerate(data["venues"].items()):
        gemeente = gemeenten.get(slug)
        if gemeente is None:
            continue
        for k, event in enumerate(data["event_templates"]):
            day = timezone.localdate() + datetime.timedelta(days=14 + n * 9 + k * 40)
            starts = datetime.datetime.combine(day, datetime.time(event["hour"]), tzinfo=tz)
            fields = {
                "title": f"{event['title']} ({gemeente.name})",
                "intro": event["intro"],
                "gemeente": gemeente,
                "is_online": event["online"],
                "venue": "" if event["online"] else venue,
                "address": "" if event["online"] else address,
                "capacity": 40 if event["online"] else 25,
            }
            create_only = {
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(minutes=event["minutes"]),
            }
            page_upsert(index, pages_models.EventPage, f"{slug}-{k + 1}", fields, create_only)


@transaction.atomic
def kennisbank_load() -> str:
    """The home page, overviews, statements, regelingen (through the importer), questions, best
    practices, news and events, a part of it in English, and the editorial workflow."""
    data = read_json("kennisbank", "pages.json")
    en = Locale.objects.get(language_code="en")
    gemeenten = {g.slug: g for g in Gemeente.objects.all()}

    home = home_ensure(data["home"]["title"], data["home"]["intro"])
    indexes = {
        item["slug"]: page_upsert(
            home,
            getattr(pages_models, item["model"]),
            item["slug"],
            {"title": item["title"], "intro": item["intro"], "show_in_menus": True},
        )
        for item in data["indexes"]
    }
    standard = {
        item["slug"]: page_upsert(
            home,
            pages_models.StandardPage,
            item["slug"],
            {"title": item["title"], "intro": item["intro"], "body": body(item["body"])},
        )
        for item in data["standard"]
    }
    text = demo_data("kennisbank", "regelingen.json").read_text(encoding="utf-8")
    report = regelingen_import(rows_from_text(text, fmt="json"))
    for item in data["questions"]:
        page_upsert(
            indexes["vragen"],
            pages_models.QuestionPage,
            item["slug"],
            {
                "title": item["title"],
                "short_answer": item["short"],
                "body": body(item["body"]),
                "themes": themes_by_slug(item["themes"]),
            },
        )
    for item in data["best_practices"]:
        page_upsert(
            indexes["praktijkverhalen"],
            pages_models.BestPracticePage,
            item["slug"],
            {
                "title": item["title"],
                "company_name": item["company"],
                "gemeente": gemeenten.get(item["gemeente"]),
                "sector": item["sector"],
                "intro": item["intro"],
                "body": body(item["body"]),
                "themes": themes_by_slug(item["themes"]),
            },
        )
    news = [
        page_upsert(
            indexes["nieuws"],
            pages_models.NewsPage,
            item["slug"],
            {"title": item["title"], "intro": item["intro"], "body": body(item["body"])},
            {"date": timezone.localdate() - datetime.timedelta(days=item["days_ago"])},
        )
        for item in data["news"]
    ]
    _events(indexes["bijeenkomsten"], data)

    home_en = {"title": data["home"]["en_title"], "intro": data["home"]["en_intro"]}
    translation_upsert(home, en, home_en)
    for item in data["indexes"]:
        translation_upsert(
            indexes[item["slug"]], en, {"title": item["en_title"], "intro": item["en_intro"]}
        )
    for item in data["standard"]:
        translation_upsert(
            standard[item["slug"]],
            en,
            {"title": item["en_title"], "intro": item["en_intro"], "body": body(item["en_body"])},
        )
    for item, page in zip(data["news"], news, strict=True):
        if "en_title" in item:
            translation_upsert(page, en, {"title": item["en_title"], "intro": item["en_intro"]})
    nl_regelingen = pages_models.RegelingPage.objects.filter(locale=Locale.get_default())
    for item in data["regelingen_en"]:
        page = nl_regelingen.filter(external_id=item["external_id"]).first()
        if page is not None:
            translation_upsert(page, en, {"title": item["title"], "summary": item["summary"]})
    events = pages_models.EventPage.objects.child_of(indexes["bijeenkomsten"])
    for item in data["events_en"]:
        page = events.filter(slug=item["slug"]).first()
        if page is not None:
            translation_upsert(page, en, {"title": item["title"], "intro": item["intro"]})

    editorial_setup(roots=[home, home.get_translation(en)])
    refused = [r for r in report.rows if r.status == "refused"]
    return (
        f"kennisbank: {nl_regelingen.count()} regelingen ({report.totals}), "
        f"{events.count()} events, {Page.objects.filter(locale=en).count()} English pages"
        + (f"; {len(refused)} regelingen refused, first: {refused[0].reason}" if refused else "")
    )
