import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Page, Site

from kennisbank.constants import RegelingKind, RegelingLevel
from kennisbank.models import (
    BestPracticeIndexPage,
    BestPracticePage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PartnerIndexPage,
    QuestionIndexPage,
    QuestionPage,
    RegelingIndexPage,
    RegelingPage,
    StandardPage,
)
from tests.organisation.factories import GemeenteFactory


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "MKB Schakelteam Flevoland"
    intro = "Hulp voor kleine ondernemers."


def home_page_ensure() -> HomePage:
    """The site's home page, created once under the tree root and made the default site's root."""
    home = HomePage.objects.filter(locale__language_code="nl").first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's own "Welcome" page holds the slug "home"; ours replaces it.
        Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
        home = HomePageFactory(parent=root, slug="home")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "MKB"},
    )
    return home


class RegelingIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RegelingIndexPage

    title = "Regelingen"
    slug = "regelingen"
    parent = factory.LazyFunction(home_page_ensure)


class RegelingPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RegelingPage

    title = factory.Sequence(lambda n: f"Regeling {n}")
    summary = "Een regeling voor kleine ondernemers."
    provider = "Provincie Flevoland"
    level = RegelingLevel.PROVINCIAAL
    kind = RegelingKind.SUBSIDIE
    opens_on = datetime.date(2020, 1, 1)
    parent = factory.LazyFunction(
        lambda: RegelingIndexPage.objects.first() or RegelingIndexPageFactory()
    )


def _index(model, slug: str, title: str):
    """The one index page of `model` under the home page, created on first use."""
    existing = model.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    home = home_page_ensure()
    page = model(title=title, slug=slug, show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def question_index_ensure() -> QuestionIndexPage:
    return _index(QuestionIndexPage, "vragen", "Vragen en antwoorden")


def best_practice_index_ensure() -> BestPracticeIndexPage:
    return _index(BestPracticeIndexPage, "praktijkverhalen", "Praktijkverhalen")


def event_index_ensure() -> EventIndexPage:
    return _index(EventIndexPage, "bijeenkomsten", "Bijeenkomsten")


def news_index_ensure() -> NewsIndexPage:
    return _index(NewsIndexPage, "nieuws", "Nieuws")


class QuestionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = QuestionPage

    title = factory.Sequence(lambda n: f"Hoe werkt vraag {n}?")
    short_answer = "Zo werkt het, in het kort."
    parent = factory.LazyFunction(question_index_ensure)


class BestPracticePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BestPracticePage

    title = factory.Sequence(lambda n: f"Praktijkverhaal {n}")
    company_name = "Bakkerij De Korenschoof"
    intro = "Hoe een bakker zijn administratie digitaliseerde."
    parent = factory.LazyFunction(best_practice_index_ensure)


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Nieuwsbericht {n}")
    intro = "Er is nieuws voor ondernemers."
    date = factory.LazyFunction(datetime.date.today)
    parent = factory.LazyFunction(news_index_ensure)


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    intro = "Kennismaken met het schakelteam."
    gemeente = factory.SubFactory(GemeenteFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    address = "Stadhuisplein 1, Almere"
    capacity = 30
    parent = factory.LazyFunction(event_index_ensure)


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Pagina {n}")
    intro = "Een gewone pagina."
    parent = factory.LazyFunction(home_page_ensure)


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PartnerIndexPage

    title = "Partners"
    slug = "partners"
    parent = factory.LazyFunction(home_page_ensure)
