"""Partner portal: a partner contact sees and answers only referrals to their organisation."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakelteam.accounts.roles import Role, role_of

from .. import selectors
from ..constants import ReferralStatus
from ..exceptions import InvalidTransition
from ..forms import ReferralOutcomeForm, ReferralRespondForm
from ..services import referrals
from ..services.access_log import casus_access_record

PORTAL_ROLES = (Role.PARTNER_CONTACT, Role.COORDINATOR, Role.PROJECTLEIDER, Role.ADMIN)
ANSWER_ROLES = (Role.PARTNER_CONTACT, Role.COORDINATOR, Role.ADMIN)


def _require(request: HttpRequest, roles) -> None:
    if role_of(request.user) not in roles:
        raise PermissionDenied


def _referral(request: HttpRequest, uuid: UUID):
    return get_object_or_404(selectors.referral_list(user=request.user), uuid=uuid)


@login_required
def partner_portal_view(request: HttpRequest) -> HttpResponse:
    _require(request, PORTAL_ROLES)
    referral_qs = selectors.referral_list(user=request.user).exclude(mentor__isnull=False)
    open_statuses = (ReferralStatus.SENT, ReferralStatus.ACCEPTED)
    return render(
        request,
        "cases/partner_portal.html",
        {
            "open_referrals": referral_qs.filter(status__in=open_statuses),
            "done_referrals": referral_qs.exclude(status__in=open_statuses)[:50],
            "partner": getattr(getattr(request.user, "partner_contact", None), "partner", None),
        },
    )


@login_required
def referral_detail_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    referral = _referral(request, uuid)
    casus_access_record(user=request.user, casus=referral.casus)
    return render(
        request,
        "cases/referral_detail.html",
        {
            "referral": referral,
            "casus": referral.casus,
            "respond_form": ReferralRespondForm(),
            "outcome_form": ReferralOutcomeForm(),
            "can_answer": role_of(request.user) in ANSWER_ROLES,
        },
    )


@require_POST
@login_required
def referral_respond_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    referral = _referral(request, uuid)
    _require(request, ANSWER_ROLES)
    form = ReferralRespondForm(request.POST)
    if form.is_valid():
        try:
            referrals.referral_respond(
                referral=referral,
                accept=form.cleaned_data["decision"] == "accept",
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except InvalidTransition:
            messages.error(request, _("This referral has already been answered."))
        else:
            messages.success(request, _("Thank you, your answer has been saved."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("cases:referral_detail", uuid=referral.uuid)


@require_POST
@login_required
def referral_outcome_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    referral = _referral(request, uuid)
    _require(request, ANSWER_ROLES)
    form = ReferralOutcomeForm(request.POST)
    if form.is_valid():
        try:
            referrals.referral_complete(
                referral=referral,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except InvalidTransition:
            messages.error(request, _("Accept the referral before reporting its outcome."))
        else:
            messages.success(request, _("Outcome reported. Thank you."))
    return redirect("cases:referral_detail", uuid=referral.uuid)
