from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import Question, ScanDefinition


class ScanDefinitionViewSet(SnippetViewSet):
    model = ScanDefinition
    icon = "list-ol"
    menu_label = _("Scan definitions")
    list_display = ["name", "kind", "status", "published_at"]
    list_filter = ["kind", "status"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Scan questions")
    list_display = ["text", "slug", "domain", "kind", "horizon"]
    list_filter = ["domain__definition", "kind", "horizon"]
    search_fields = ["text", "slug"]
    list_per_page = 100


class ScanGroup(SnippetViewSetGroup):
    menu_label = _("Bedrijfsscan")
    menu_icon = "list-ol"
    menu_order = 260
    items = (ScanDefinitionViewSet, QuestionViewSet)


register_snippet(ScanGroup)


@hooks.register("register_admin_urls")
def scan_admin_urls():
    return [
        path(
            "scan/definitions/<int:pk>/preview/",
            admin_views.definition_preview,
            name="scan_definition_preview",
        ),
        path(
            "scan/definitions/<int:pk>/publish/",
            admin_views.definition_publish,
            name="scan_definition_publish",
        ),
        path(
            "scan/definitions/<int:pk>/new-draft/",
            admin_views.definition_new_draft,
            name="scan_definition_new_draft",
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def scan_definition_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, ScanDefinition):
        return []
    preview = ListingButton(
        _("Preview"), reverse("scan_definition_preview", args=[snippet.pk]), priority=5
    )
    if not snippet.is_original:
        return [preview]
    buttons = [
        preview,
        ListingButton(
            _("New draft"), reverse("scan_definition_new_draft", args=[snippet.pk]), priority=7
        ),
    ]
    if not snippet.is_published:
        buttons.append(
            ListingButton(
                _("Publish"), reverse("scan_definition_publish", args=[snippet.pk]), priority=6
            )
        )
    return buttons
