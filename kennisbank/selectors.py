"""Reads of the kennisbank: every overview and page context is built here, in a fixed number of queries."""

import datetime
from collections.abc import Iterable, Mapping
from itertools import groupby
from typing import Any

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends.base import BaseSearchResults

from kennisbank.constants import RegelingLevel
from kennisbank.eligibility import CLOSING_SOON_DAYS, today_amsterdam
from kennisbank.facts import FACTS, PHASES
from kennisbank.forms import RegelingFilterForm, SimpleFilterForm
from kennisbank.models import (
    BestPracticePage,
    EventPage,
    NewsPage,
    QuestionPage,
    RegelingPage,
    StandardPage,
)
from schakelteam.organisation.constants import PartnerKind, SbiSection
from schakelteam.organisation.models import Gemeente, Partner, Theme
from schakelteam.organisation.selectors import partner_list, theme_list

PAGE_SIZE = 20
PAGE_PARAM = "pagina"
# Levels that cover every gemeente even when a regeling lists none.
EVERYWHERE_LEVELS = (RegelingLevel.NATIONAAL, RegelingLevel.EUROPEES)


def paginate(items, params: Mapping, per_page: int = PAGE_SIZE) -> PaginatorPage:
    """A page of `items`; any hostile page number falls back to the first or last page."""
    raw = params.get(PAGE_PARAM, "1")
    if not isinstance(raw, str) or len(raw) > 12:
        raw = "1"
    return Paginator(items, per_page).get_page(raw)


def _default_locale() -> Locale:
    return Locale.get_default()


def themes_localized(themes: Iterable[Theme]) -> list[Theme]:
    """The themes with `.label` in the active language (one query, none in Dutch)."""
    themes = list(themes)
    labels = _theme_labels()
    for theme in themes:
        theme.label = labels.get(theme.translation_key, theme.name)
    return themes


def _theme_labels() -> dict:
    active = Locale.get_active()
    if active.pk == _default_locale().pk:
        return {}
    return dict(Theme.objects.filter(locale=active).values_list("translation_key", "name"))


def _theme_choices() -> list[tuple[str, str]]:
    labels = _theme_labels()
    return [(t.slug, labels.get(t.translation_key, t.name)) for t in theme_list().order_by("name")]


def _gemeente_choices() -> list[tuple[str, str]]:
    return list(Gemeente.objects.order_by("name").values_list("slug", "name"))


def _show_translated(pages: list, model, locale: Locale) -> None:
    """Give each page `.shown`: its translation into `locale` when there is one, else itself."""
    translations = {}
    if pages and locale.pk != pages[0].locale_id:
        translations = {
            p.translation_key: p
            for p in model.objects.live()
            .public()
            .filter(locale=locale, translation_key__in=[p.translation_key for p in pages])
        }
    for page in pages:
        page.shown = translations.get(page.translation_key, page)


def regelingen_show_translated(regelingen: Iterable) -> None:
    """Give each (Dutch) regeling `.shown`: its page in the active language where there is one.

    Matching reasons with the Dutch pages, which hold the criteria; the reader gets the title and
    link of the page in their own language. One query, none in Dutch."""
    _show_translated(list(regelingen), RegelingPage, Locale.get_active())


def _source_root(index: Page) -> Page:
    """Overviews list the Dutch pages (translated ones swapped in), so they stay complete."""
    default = _default_locale()
    if index.locale_id == default.pk:
        return index
    return index.get_translation_or_none(default) or index


# Regelingen -------------------------------------------------------------------------------


def regeling_list(
    *,
    filters: Mapping[str, Any] | None = None,
    root: Page | None = None,
    published: bool = True,
) -> QuerySet[RegelingPage]:
    """The regelingen that are live and offered: published, public, in the default language (the
    pages that hold the criteria). The overview, the regelingencheck, the advice form, the editors'
    report and the open-data export all start here.

    `published=False` adds drafts (the import, `export_regelingen --all`); `root` keeps those under
    an overview page; `filters` are the keys of RegelingFilterForm.
    """
    filters = filters or {}
    qs = RegelingPage.objects.filter(locale=_default_locale())
    if published:
        qs = qs.live().public()
    if root is not None:
        qs = qs.descendant_of(root)
    through_themes = RegelingPage.themes.through.objects
    through_gemeenten = RegelingPage.gemeenten.through.objects
    if theme := filters.get("thema"):
        qs = qs.filter(pk__in=through_themes.filter(theme__slug=theme).values("regelingpage_id"))
    if kind := filters.get("soort"):
        qs = qs.filter(kind=kind)
    if level := filters.get("niveau"):
        qs = qs.filter(level=level)
    if gemeente := filters.get("gemeente"):
        listed = through_gemeenten.values("regelingpage_id")
        qs = qs.filter(
            Q(pk__in=listed.filter(gemeente__slug=gemeente))
            | (~Q(pk__in=listed) & Q(level__in=EVERYWHERE_LEVELS))
        )
    if filters.get("open"):
        today = timezone.localdate()
        qs = qs.filter(Q(opens_on__isnull=True) | Q(opens_on__lte=today)).filter(
            Q(closes_on__isnull=True) | Q(closes_on__gte=today)
        )
    return qs.order_by("title", "pk")


def regelingen_attention(*, today: datetime.date | None = None) -> dict[str, QuerySet]:
    """Live regelingen closing within 30 days, closed ones still published, ones not checked lately."""
    today = today or today_amsterdam()
    stale_before = today - datetime.timedelta(days=settings.SCHAKELTEAM_REGELING_CHECK_STALE_DAYS)
    live = regeling_list().order_by("closes_on", "title")
    return {
        "closing_soon": live.filter(
            closes_on__gte=today, closes_on__lte=today + datetime.timedelta(days=CLOSING_SOON_DAYS)
        ),
        "closed_published": live.filter(closes_on__lt=today),
        "stale": live.filter(
            Q(facts_checked_on__isnull=True) | Q(facts_checked_on__lt=stale_before)
        ).order_by("facts_checked_on", "title"),
    }


def regeling_overview(*, index: Page, params: Mapping) -> dict:
    form = RegelingFilterForm(
        params or None, themes=_theme_choices(), gemeenten=_gemeente_choices()
    )
    filters = {}
    if form.is_bound:
        form.is_valid()  # invalid fields drop out of cleaned_data and show their message
        filters = form.filters()
    qs = regeling_list(filters=filters, root=_source_root(index)).prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("name"))
    )
    page_obj = paginate(qs, params)
    items = list(page_obj.object_list)
    _show_translated(items, RegelingPage, index.locale)
    labels = _theme_labels()
    for item in items:
        for theme in item.themes.all():
            theme.label = labels.get(theme.translation_key, theme.name)
    return {
        "filter_form": form,
        "page_obj": page_obj,
        "regelingen": items,
        "filters_active": bool(filters),
        "today": timezone.localdate(),
    }


def regeling_detail(*, regeling: RegelingPage) -> dict:
    phase_labels = dict(PHASES)
    sector_labels = dict(SbiSection.choices)
    criteria = list(regeling.criteria.all())
    for criterion in criteria:
        fact = FACTS.get(criterion.fact)
        criterion.fact_label = fact.label if fact else criterion.fact
        value = criterion.value
        criterion.value_display = (
            ", ".join(str(v) for v in value) if isinstance(value, list | tuple) else str(value)
        )
    checked = regeling.facts_checked_on
    stale_days = settings.SCHAKELTEAM_REGELING_CHECK_STALE_DAYS
    return {
        "themes": themes_localized(regeling.themes.all()),
        "gemeenten": list(regeling.gemeenten.all()),
        "criteria": criteria,
        "phase_labels": [phase_labels.get(p, p) for p in regeling.phases or []],
        "sector_labels": [sector_labels.get(s, s) for s in regeling.sectors or []],
        "is_open": regeling.is_open_on(timezone.localdate()),
        "facts_checked_year_only": bool(checked and (checked.month, checked.day) == (12, 31)),
        "facts_stale": bool(checked and (timezone.localdate() - checked).days > stale_days),
    }


# Smaller overviews ------------------------------------------------------------------------


def _children(model, index: Page) -> QuerySet:
    return model.objects.live().public().child_of(_source_root(index))


def question_overview(*, index: Page, params: Mapping) -> dict:
    form = SimpleFilterForm(
        params or None,
        name="thema",
        label=Theme._meta.verbose_name.capitalize(),
        choices=_theme_choices(),
        empty_label="—",
    )
    qs = _children(QuestionPage, index).order_by("title")
    if form.is_bound and form.is_valid() and form.value():
        qs = qs.filter(themes__slug=form.value())
    page_obj = paginate(qs, params)
    items = list(page_obj.object_list)
    _show_translated(items, QuestionPage, index.locale)
    return {"filter_form": form, "page_obj": page_obj, "questions": items}


def best_practice_overview(*, index: Page, params: Mapping) -> dict:
    qs = _children(BestPracticePage, index).select_related("gemeente").order_by("title")
    page_obj = paginate(qs, params)
    items = list(page_obj.object_list)
    _show_translated(items, BestPracticePage, index.locale)
    return {"page_obj": page_obj, "best_practices": items}


def news_overview(*, index: Page, params: Mapping) -> dict:
    qs = _children(NewsPage, index).order_by("-date", "-pk")
    page_obj = paginate(qs, params)
    items = list(page_obj.object_list)
    _show_translated(items, NewsPage, index.locale)
    return {"page_obj": page_obj, "news_items": items}


def event_list(*, upcoming: bool = True) -> QuerySet[EventPage]:
    qs = (
        EventPage.objects.live()
        .public()
        .filter(locale=_default_locale())
        .select_related("gemeente")
    )
    now = timezone.now()
    if upcoming:
        return qs.filter(ends_at__gte=now).order_by("starts_at", "pk")
    return qs.filter(ends_at__lt=now).order_by("-starts_at", "-pk")


def event_overview(*, index: Page, params: Mapping) -> dict:
    form = SimpleFilterForm(
        params or None,
        name="gemeente",
        label=Gemeente._meta.verbose_name.capitalize(),
        choices=_gemeente_choices(),
        empty_label="—",
    )
    past = params.get("verleden") == "1"
    qs = event_list(upcoming=not past).descendant_of(_source_root(index))
    if form.is_bound and form.is_valid() and form.value():
        qs = qs.filter(gemeente__slug=form.value())
    page_obj = paginate(qs, params)
    items = list(page_obj.object_list)
    _show_translated(items, EventPage, index.locale)
    return {"filter_form": form, "page_obj": page_obj, "events": items, "past": past}


def partner_groups() -> list[tuple[str, list[Partner]]]:
    """Active partners grouped by kind (in PartnerKind order), with their expertise themes."""
    kinds = list(PartnerKind.values)
    partners = sorted(
        partner_list().prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("name"))
        ),
        key=lambda p: (kinds.index(p.kind) if p.kind in kinds else len(kinds), p.order, p.name),
    )
    labels = _theme_labels()
    for partner in partners:
        for theme in partner.themes.all():
            theme.label = labels.get(theme.translation_key, theme.name)
    kind_labels = dict(PartnerKind.choices)
    return [
        (kind_labels.get(kind, kind), list(group))
        for kind, group in groupby(partners, key=lambda p: p.kind)
    ]


def event_page_list() -> QuerySet[EventPage]:
    """Every event page, published or not, in every language (the organiser's export)."""
    return EventPage.objects.all()


# Search -----------------------------------------------------------------------------------

# URL value -> page type of the search filter.
SEARCH_TYPES = {
    "regeling": RegelingPage,
    "vraag": QuestionPage,
    "praktijkverhaal": BestPracticePage,
    "bijeenkomst": EventPage,
    "nieuws": NewsPage,
    "pagina": StandardPage,
}


def _searchable_pages(active: Locale) -> QuerySet[Page]:
    """Pages in the reader's language, plus the Dutch ones not (yet) translated into it."""
    pages = Page.objects.live().public()
    default = _default_locale()
    if active.pk == default.pk:
        return pages.filter(locale=active)
    translated = list(pages.filter(locale=active).values_list("translation_key", flat=True))
    untranslated = pages.filter(locale=default).exclude(translation_key__in=translated)
    return pages.filter(locale=active) | untranslated


def page_search(*, terms: str, kind: str, locale: Locale) -> BaseSearchResults:
    """Full-text search over the pages a reader of `locale` sees; `kind` a key of SEARCH_TYPES."""
    pages = _searchable_pages(locale)
    if model := SEARCH_TYPES.get(kind):
        pages = pages.type(model)
    return pages.specific().search(terms)


# Home -------------------------------------------------------------------------------------


def home_context(*, home: Page) -> dict:
    """Latest news and upcoming events, shown in the home page's language where translated."""
    locale = home.locale
    default = _default_locale()
    news = list(
        NewsPage.objects.live().public().filter(locale=default).order_by("-date", "-pk")[:3]
    )
    _show_translated(news, NewsPage, locale)
    events = list(event_list(upcoming=True)[:4])
    _show_translated(events, EventPage, locale)
    sections = list(
        Page.objects.live().public().child_of(home).filter(show_in_menus=True).order_by("path")
    )
    return {"latest_news": news, "upcoming_events": events, "sections": sections}
