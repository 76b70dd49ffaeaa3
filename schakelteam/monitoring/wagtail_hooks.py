"""Wagtail admin for monitoring: KPI definitions, regional indicators and the indicator CSV upload."""

from django import forms
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from schakelteam.accounts.decorators import capability_required

from .models import KpiDefinition, RegionalIndicator
from .regional_data import csv_decode, indicator_csv_check, indicator_csv_import


class KpiDefinitionViewSet(SnippetViewSet):
    model = KpiDefinition
    icon = "pick"
    menu_label = gettext_lazy("KPI definitions")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["name", "event_kind", "target", "period", "regio", "is_active"]
    list_filter = ["regio", "event_kind", "is_active"]


class RegionalIndicatorViewSet(SnippetViewSet):
    model = RegionalIndicator
    icon = "table"
    menu_label = gettext_lazy("Regional figures")
    add_to_admin_menu = True
    menu_order = 261
    list_display = ["indicator", "gemeente", "period", "value", "unit", "source_date"]
    list_filter = ["indicator", "regio", "gemeente", "is_demo"]


register_snippet(KpiDefinitionViewSet)
register_snippet(RegionalIndicatorViewSet)


class IndicatorUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV file"), required=False)
    content = forms.CharField(widget=forms.HiddenInput, required=False)


@capability_required("regional_data.manage", admin=True)
def indicator_upload_view(request):
    """Upload → preview with a report per row → confirm → store the good rows."""
    form = IndicatorUploadForm(request.POST or None, request.FILES or None)
    context = {
        "header_title": _("Upload regional figures"),
        "page_title": _("Upload regional figures"),
        "header_icon": "table",
        "form": form,
        "report": None,
        "imported": False,
    }
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        text = (
            csv_decode(upload.read(2_000_000)) if upload else form.cleaned_data.get("content", "")
        )
        if request.POST.get("confirm") and text:
            context["report"] = indicator_csv_import(text)
            context["imported"] = True
        elif text:
            context["report"] = indicator_csv_check(text)
            context["content"] = text
        else:
            form.add_error("file", _("Choose a CSV file."))
    return render(request, "monitoring/admin/indicator_upload.html", context)


@hooks.register("register_admin_urls")
def _upload_urls():
    return [path("regionale-cijfers/upload/", indicator_upload_view, name="indicator_upload")]


@hooks.register("register_admin_menu_item")
def _upload_menu_item():
    return MenuItem(
        gettext_lazy("Upload regional figures"),
        reverse("indicator_upload"),
        icon_name="upload",
        order=262,
    )
