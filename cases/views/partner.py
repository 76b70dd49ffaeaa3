"""Partner portal: a partner contact sees and answers only referrals to their organisation."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakelteam.accounts.decorators import Finder, capability_required
from schakelteam.accounts.policy import allows

from .. import selectors
from ..constants import ReferralStatus
from ..exceptions import InvalidTransition
from ..forms import ReferralOutcomeForm, ReferralRespondForm
from ..models import Referral
from ..services import referrals
from ..services.access_log import casus_access_record

REFERRAL = Finder(
    "referral.view",
    lambda user, uuid: get_object_or_404(selectors.referral_list(user=user), uuid=uuid),
)


@capability_required("partner_portal.view")
def partner_portal_view(request: HttpRequest) -> HttpResponse:
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


@capability_required("referral.view", find=REFERRAL)
def referral_detail_view(request: HttpRequest, referral: Referral) -> HttpResponse:
    casus_access_record(user=request.user, casus=referral.casus)
    return render(
        request,
        "cases/referral_detail.html",
        {
            "referral": referral,
            "casus": referral.casus,
            "respond_form": ReferralRespondForm(),
            "outcome_form": ReferralOutcomeForm(),
            "can_answer": allows(request.user, "referral.answer"),
        },
    )


@require_POST
@capability_required("referral.answer", find=REFERRAL)
def referral_respond_view(request: HttpRequest, referral: Referral) -> HttpResponse:
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
@capability_required("referral.answer", find=REFERRAL)
def referral_outcome_view(request: HttpRequest, referral: Referral) -> HttpResponse:
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
