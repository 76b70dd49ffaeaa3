"""Staff security pages: account security (admin), own recovery codes, access log (coordinator),
register of processing activities (admin)."""

import csv

from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import auth_services, register
from .audit import (
    SecurityAction,
    StaffSecurityEvent,
    personal_data_access_list,
    security_event_record,
)
from .roles import Role, role_of


def _require_role(request: HttpRequest, *roles: Role) -> None:
    if role_of(request.user) not in roles:
        raise PermissionDenied


def staff_accounts() -> list:
    """Every account that must use a second factor, with its enrolment state."""
    from django.db.models import Q

    from .roles import ROLE_GROUPS

    users = (
        get_user_model()
        .objects.filter(
            Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name__in=ROLE_GROUPS.values())
        )
        .distinct()
        .order_by("username")
    )
    return [(user, auth_services.second_factor_enrolled(user)) for user in users]


@login_required
@require_http_methods(["GET", "POST"])
def security_overview_view(request: HttpRequest) -> HttpResponse:
    _require_role(request, Role.ADMIN)
    if request.method == "POST":
        user = get_object_or_404(get_user_model(), pk=request.POST.get("user_id", "0") or 0)
        if request.POST.get("action") == "reset_second_factor":
            auth_services.second_factor_reset(actor=request.user, user=user)
            messages.success(
                request,
                _("%(name)s sets up a new second factor at the next login.")
                % {"name": user.get_username()},
            )
        elif request.POST.get("action") == "unlock":
            axes_reset(username=user.get_username())
            security_event_record(actor=request.user, subject=user, action=SecurityAction.UNLOCKED)
            messages.success(
                request,
                _("%(name)s can log in again.") % {"name": user.get_username()},
            )
        return redirect("staff_security:overview")
    return render(
        request,
        "schakelteam/security/overview.html",
        {"accounts": staff_accounts(), "events": StaffSecurityEvent.objects.all()[:50]},
    )


@login_required
@require_POST
def recovery_codes_renew_view(request: HttpRequest) -> HttpResponse:
    codes = auth_services.recovery_codes_regenerate(user=request.user)
    security_event_record(
        actor=request.user, subject=request.user, action=SecurityAction.RECOVERY_CODES_RENEWED
    )
    return render(
        request, "schakelteam/auth/recovery_codes.html", {"codes": codes, "next": "/werkplek/"}
    )


@login_required
@require_GET
def access_log_view(request: HttpRequest) -> HttpResponse:
    _require_role(request, Role.COORDINATOR, Role.ADMIN)
    entries = personal_data_access_list(user=request.user)
    subject = request.GET.get("subject", "").strip()
    if subject:
        try:
            import uuid

            subject_uuid = uuid.UUID(subject)
        except ValueError:
            entries = entries.none()
        else:
            from django.db.models import Q

            entries = entries.filter(Q(subject_uuid=subject_uuid) | Q(casus_uuid=subject_uuid))
    page = Paginator(entries, 50).get_page(request.GET.get("pagina"))
    return render(
        request, "schakelteam/security/access_log.html", {"page": page, "subject": subject}
    )


@login_required
@require_GET
def processing_register_view(request: HttpRequest) -> HttpResponse:
    _require_role(request, Role.ADMIN)
    activities = register.processing_activities()
    if request.GET.get("formaat") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="verwerkingsregister.csv"'
        writer = csv.writer(response)
        writer.writerow(register.CSV_HEADER)
        for activity in activities:
            writer.writerow(activity.as_row())
        return response
    return render(
        request, "schakelteam/security/processing_register.html", {"activities": activities}
    )
