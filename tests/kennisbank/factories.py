import datetime

import factory
import wagtail_factories
from wagtail.models import Page, Site

from kennisbank.constants import RegelingKind, RegelingLevel
from kennisbank.models import HomePage, RegelingIndexPage, RegelingPage


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "MKB Schakelteam Flevoland"
    intro = "Hulp voor kleine ondernemers."


def home_page_ensure() -> HomePage:
    """The site's home page, created once under the tree root and made the default site's root."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
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
