from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import DefinitionFrozen, FrozenChild, Question, ScanDefinition


class ScanDefinitionViewSet(SnippetViewSet):
    model = ScanDefinition
    delete_view_class = admin_views.FrozenAwareDeleteView
    icon = "list-ol"
    menu_label = _("Scan definitions")
    list_display = ["name", "kind", "status", "published_at"]
    list_filter = ["kind", "status"]

    def get_queryset(self, request):
        return ScanDefinition.objects.select_related("locale")


class QuestionViewSet(SnippetViewSet):
    model = Question
    delete_view_class = admin_views.FrozenAwareDeleteView
    icon = "help"
    menu_label = _("Scan questions")
    list_display = ["text", "slug", "domain", "kind", "horizon"]
    list_filter = ["domain__definition", "kind", "horizon"]
    search_fields = ["text", "slug"]
    list_per_page = 100

    def get_queryset(self, request):
        return Question.objects.select_related("domain__definition", "locale")


class ScanGroup(SnippetViewSetGroup):
    menu_label = _("Bedrijfsscan")
    menu_icon = "list-ol"
    menu_order = 260
    items = (ScanDefinitionViewSet, QuestionViewSet)


register_snippet(ScanGroup)


@hooks.register("register_admin_urls")
def scan_admin_urls():
    return [
        # Ahead of wagtail-localize's own URL (this app comes first in INSTALLED_APPS).
        path(
            "localize/submit/snippet/scan/question/<str:pk>/",
            admin_views.question_translate_refused,
            name="scan_question_translate_refused",
        ),
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


@hooks.register("construct_snippet_listing_buttons")
def no_translate_button_for_questions(buttons, snippet, user):
    if isinstance(snippet, Question):
        buttons[:] = [b for b in buttons if "/submit/snippet/" not in (b.url or "")]


@hooks.register("before_bulk_action")
def frozen_parts_are_not_bulk_deleted(request, action_type, objects, action_class_instance):
    if action_type != "delete":
        return None
    if any(isinstance(o, FrozenChild) and o.is_frozen for o in objects):
        messages.error(request, DefinitionFrozen().messages[0])
        return redirect(request.GET.get("next") or "wagtailsnippets_scan_question:list")
    return None
