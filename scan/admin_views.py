"""Wagtail admin views for scan definitions: preview, publish and copy to a new draft."""

from django.contrib import messages
from django.db import transaction
from django.db.models import ProtectedError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from wagtail.snippets.views.snippets import DeleteView

from schakelteam.accounts.decorators import CapabilityRequiredMixin, capability_required

from . import services
from .models import DefinitionFrozen, ScanDefinition
from .selectors import definition_list, definition_snapshot


def _definition_for(request: HttpRequest, pk: int) -> ScanDefinition:
    return get_object_or_404(definition_list(), pk=pk)


def _original_for(request: HttpRequest, pk: int) -> ScanDefinition:
    """Publishing and new drafts work on originals; a translation follows its original."""
    definition = _definition_for(request, pk)
    if not definition.is_original:
        raise Http404
    return definition


def _listing():
    return redirect("wagtailsnippets_scan_scandefinition:list")


@capability_required("scan_definition.manage", admin=True)
def definition_preview(request: HttpRequest, pk: int) -> HttpResponse:
    definition = _definition_for(request, pk)
    snapshot = definition_snapshot(definition.pk, language=definition.locale.language_code)
    return render(
        request,
        "scan/admin/definition_preview.html",
        {"definition": definition, "snapshot": snapshot, "question_count": len(snapshot.questions)},
    )


@capability_required("scan_definition.manage", admin=True)
def definition_publish(request: HttpRequest, pk: int) -> HttpResponse:
    definition = _original_for(request, pk)
    if request.method == "POST":
        services.scan_definition_publish(definition=definition)
        messages.success(
            request, _("'%(name)s' is published and frozen.") % {"name": definition.name}
        )
        return _listing()
    return render(
        request,
        "scan/admin/definition_confirm.html",
        {
            "definition": definition,
            "action": "publish",
            "title": _("Publish %(name)s") % {"name": definition.name},
            "text": _(
                "New scans will use this version. After publishing it can no longer be changed; "
                "to change it later you make a new draft. Its translations are brought up to "
                "date; their words stay editable."
            ),
        },
    )


@capability_required("scan_definition.manage", admin=True)
def definition_new_draft(request: HttpRequest, pk: int) -> HttpResponse:
    definition = _original_for(request, pk)
    if request.method == "POST":
        draft = services.scan_definition_new_draft(definition=definition)
        messages.success(request, _("Draft '%(name)s' created.") % {"name": draft.name})
        return redirect("wagtailsnippets_scan_scandefinition:edit", draft.pk)
    return render(
        request,
        "scan/admin/definition_confirm.html",
        {
            "definition": definition,
            "action": "new_draft",
            "title": _("New draft from %(name)s") % {"name": definition.name},
            "text": _(
                "This copies all domains, questions, options, advice and rules into a new draft "
                "that you can change, with the words of its translations. Existing responses "
                "keep their own version."
            ),
        },
    )


class FrozenAwareDeleteView(CapabilityRequiredMixin, DeleteView):
    """Deleting a published original or a part of it is refused with a message, not a 500."""

    capability = "scan_definition.manage"

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except (DefinitionFrozen, ProtectedError):
            # Scans taken with a version protect it: only a published version has any.
            messages.error(self.request, DefinitionFrozen().messages[0])
            return redirect(self.get_success_url())


@capability_required("scan_definition.manage", admin=True)
def question_translate_refused(request: HttpRequest, pk: str) -> HttpResponse:
    """A question is translated with its whole definition, never on its own (it would land in
    the original's domain)."""
    messages.error(
        request,
        _("Translate the whole scan definition instead: its questions are translated with it."),
    )
    return redirect("wagtailsnippets_scan_question:edit", pk)
