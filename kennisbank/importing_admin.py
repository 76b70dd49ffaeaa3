"""Editors' admin: upload a regelingen file, and the report of regelingen that need attention."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from kennisbank.importing import ImportFileError, regelingen_import, rows_from_text
from kennisbank.models import RegelingIndexPage
from kennisbank.selectors import regelingen_attention
from schakelteam.accounts.decorators import CapabilityRequiredMixin

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def editor_may_import(user) -> bool:
    """Whoever may add regelingen under the overview page (their page.edit scope) may import them."""
    index = RegelingIndexPage.objects.filter(locale=Locale.get_default()).first()
    return bool(index and index.permissions_for_user(user).can_add_subpage())


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("JSON or CSV in the regelingen exchange format (see the export)."),
    )
    dry_run = forms.BooleanField(
        label=_("Only show what would change"), required=False, initial=True
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        fmt = upload.name.rsplit(".", 1)[-1].lower()
        try:
            text = upload.read().decode("utf-8")
            self.rows = rows_from_text(text, fmt=fmt)
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The file must be UTF-8 text.")) from error
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from error
        return upload


class RegelingenImportView(CapabilityRequiredMixin, WagtailAdminTemplateMixin, FormView):
    capability = "page.edit"
    template_name = "kennisbank/regelingencheck/admin/import.html"
    form_class = ImportForm
    page_title = _("Import regelingen")
    header_icon = "upload"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not editor_may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form: ImportForm) -> HttpResponse:
        dry_run = form.cleaned_data["dry_run"]
        try:
            report = regelingen_import(form.rows, dry_run=dry_run)
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        return self.render_to_response(
            self.get_context_data(form=ImportForm(), report=report, dry_run=dry_run)
        )


class RegelingenAttentionView(CapabilityRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    capability = "page.edit"
    template_name = "kennisbank/regelingencheck/admin/attention.html"
    page_title = _("Regelingen to check")
    header_icon = "warning"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not editor_may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["groups"] = regelingen_attention()
        context["stale_days"] = settings.SCHAKELTEAM_REGELING_CHECK_STALE_DAYS
        return context


class EditorMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return editor_may_import(request.user)


@hooks.register("register_admin_urls")
def regelingen_admin_urls():
    return [
        path(
            "regelingen/import/",
            RegelingenImportView.as_view(),
            name="kennisbank_regelingen_import",
        ),
        path(
            "regelingen/signalen/",
            RegelingenAttentionView.as_view(),
            name="kennisbank_regelingen_attention",
        ),
    ]


@hooks.register("register_reports_menu_item")
def regelingen_attention_menu_item():
    return EditorMenuItem(
        _("Regelingen to check"),
        reverse("kennisbank_regelingen_attention"),
        name="regelingen-attention",
        icon_name="warning",
        order=950,
    )


@hooks.register("register_admin_menu_item")
def regelingen_import_menu_item():
    return EditorMenuItem(
        _("Import regelingen"),
        reverse("kennisbank_regelingen_import"),
        name="regelingen-import",
        icon_name="upload",
        order=850,
    )
