"""Thin views: site search, event registration on the event page, the organiser's export."""

import re

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from kennisbank import exports, services
from kennisbank.forms import MAX_QUERY_LENGTH, EventRegistrationForm, SearchForm
from kennisbank.models import EventPage
from kennisbank.selectors import (
    SEARCH_TYPES,
    event_page_list,
    page_search,
    paginate,
    themes_localized,
)
from schakelteam.accounts.decorators import capability_required
from schakelteam.organisation.selectors import theme_list
from schakelteam.ratelimit import client_ip, rate_limit_hit, too_many_requests


def search_terms(query: str) -> str:
    """Words only: quotes, brackets and operators mean syntax to the full-text engines."""
    return " ".join(re.sub(r"[^\w\s]+", " ", query).split())[:MAX_QUERY_LENGTH]


def search_view(request: HttpRequest) -> HttpResponse:
    form = SearchForm(
        request.GET or None,
        type_choices=[
            (key, m._meta.verbose_name_plural.capitalize()) for key, m in SEARCH_TYPES.items()
        ],
    )
    query, results, page_obj = "", None, None
    if form.is_bound and form.is_valid():
        query = " ".join(form.cleaned_data["q"].split())[:MAX_QUERY_LENGTH]
    terms = search_terms(query)
    if terms:
        active = Locale.get_active()
        found = page_search(terms=terms, kind=form.cleaned_data.get("type") or "", locale=active)
        page_obj = paginate(found, request.GET, per_page=10)
        results = list(page_obj.object_list)
        for result in results:  # a Dutch page found from the English site says so (lang="nl")
            result.shown_in = "" if result.locale_id == active.pk else settings.LANGUAGE_CODE
    context = {
        "form": form,
        "query": query,
        "results": results,
        "page_obj": page_obj,
        "suggested_themes": themes_localized(theme_list().order_by("name"))
        if query and not results
        else [],
    }
    return TemplateResponse(request, "kennisbank/search.html", context)


def event_page_serve(request: HttpRequest, event: EventPage, default_serve) -> HttpResponse:
    """GET shows the event with the form; POST registers (rate-limited, honeypot, one per address)."""
    places_left = services.event_places_left(event)
    if request.method != "POST":
        form = EventRegistrationForm()
    else:
        if rate_limit_hit(scope="registration", key=client_ip(request)):
            return too_many_requests(request)
        form = EventRegistrationForm(request.POST)
        if form.is_bot():
            messages.success(request, _("Thank you, you are registered for this meeting."))
            return redirect(event.get_url(request))
        if form.is_valid():
            try:
                services.event_register(
                    event=event,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    organisation=form.cleaned_data["organisation"],
                    consent_contact=form.cleaned_data["consent_contact"],
                )
            except services.RegistrationClosed:
                messages.error(request, _("Sorry, registration for this meeting is closed."))
                return redirect(event.get_url(request))
            messages.success(request, _("Thank you, you are registered for this meeting."))
            return redirect(event.get_url(request))
    context = event.get_context(request)
    context.update({"form": form, "places_left": places_left})
    return TemplateResponse(request, event.get_template(request), context)


@capability_required("page.edit", admin=True)
def event_registrations_export(request: HttpRequest, page_id: int, fmt: str) -> HttpResponse:
    """Wagtail admin view: only users who may edit the event page get its registrations."""
    event = get_object_or_404(event_page_list(), pk=page_id)
    if not event.permissions_for_user(request.user).can_edit():  # the PAGES scope
        raise PermissionDenied
    name = f"aanmeldingen-{slugify(event.slug)[:60]}"
    if fmt == "csv":
        response = HttpResponse(
            exports.registrations_csv(event), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.registrations_xlsx(event),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    else:
        raise Http404
    response["Cache-Control"] = "no-store"
    return response
