from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Gemeente, Partner, Regio, Theme


class RegioViewSet(SnippetViewSet):
    model = Regio
    icon = "site"
    list_display = ["name", "province"]


class GemeenteViewSet(SnippetViewSet):
    model = Gemeente
    icon = "home"
    list_display = ["name", "regio"]
    list_filter = ["regio"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "kind", "gemeente", "is_active"]
    list_filter = ["kind", "regio", "is_active"]
    search_fields = ["name"]


class OrganisationGroup(SnippetViewSetGroup):
    menu_label = "Organisatie"
    menu_icon = "group"
    menu_order = 250
    items = (RegioViewSet, GemeenteViewSet, ThemeViewSet, PartnerViewSet)


register_snippet(OrganisationGroup)
