"""Privacy pages for staff: the access log (coordinators) and the register of processing
activities (admins)."""

import csv

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from schakelteam.accounts.audit import personal_data_access_list
from schakelteam.accounts.decorators import capability_required

from . import register


@require_GET
@capability_required("access_log.view")
def access_log_view(request: HttpRequest) -> HttpResponse:
    subject = request.GET.get("subject", "").strip()
    entries = personal_data_access_list(user=request.user, subject=subject)
    page = Paginator(entries, 50).get_page(request.GET.get("pagina"))
    return render(request, "privacy/access_log.html", {"page": page, "subject": subject})


@require_GET
@capability_required("register.view")
def processing_register_view(request: HttpRequest) -> HttpResponse:
    activities = register.processing_activities()
    if request.GET.get("formaat") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="verwerkingsregister.csv"'
        writer = csv.writer(response)
        writer.writerow(register.CSV_HEADER)
        for activity in activities:
            writer.writerow(activity.as_row())
        return response
    return render(request, "privacy/processing_register.html", {"activities": activities})
