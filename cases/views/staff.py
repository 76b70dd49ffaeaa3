"""The werkplek: coordinator queue, advisor workspace, case handling. Access only via selectors."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from scan.selectors import scan_result
from schakelteam.accounts.decorators import Finder, capability_required, refuse
from schakelteam.accounts.models import AccessAction
from schakelteam.accounts.policy import allows

from .. import selectors
from ..assignment import advisor_facts, advisors_rank
from ..constants import CasusOrigin, ConsentChannel, ConsentPurpose
from ..exceptions import CasusAlreadyAssigned, ConsentRequired, InvalidTransition
from ..forms import (
    AdviceForm,
    AnswerForm,
    AppointmentForm,
    AssignForm,
    CasusFilterForm,
    CloseForm,
    NoteForm,
    PhoneIntakeForm,
    QuestionPageForm,
    ReferralForm,
)
from ..models import Appointment, Casus
from ..services import handling, knowledge, referrals
from ..services.access_log import casus_access_record
from ..services.intake import casus_intake
from ..tasks import appointment_ics
from .public import intake_request_build

CASUS = Finder(
    "casus.view",
    lambda user, uuid: get_object_or_404(selectors.casus_list(user=user), uuid=uuid),
)
APPOINTMENT = Finder(
    "casus.view",
    lambda user, uuid: get_object_or_404(selectors.appointment_list(user=user), uuid=uuid),
)
# Where /werkplek/ sends someone without casussen to work on: the first place their role may go.
START_PAGES = (
    ("partner_portal.view", "cases:partner_portal"),
    ("monitoring.view", "monitoring:monitoring_dashboard"),
    ("admin.access", "wagtailadmin_home"),
)


@capability_required("workspace.enter")
def workspace_view(request: HttpRequest) -> HttpResponse:
    """/werkplek/: the queue for whoever assigns, own casussen for advisors, else the role's start."""
    if allows(request.user, "casus.assign"):
        queue = selectors.casus_queue(user=request.user)
        advisors = list(selectors.advisor_list())
        facts = advisor_facts(advisors)
        rows = []
        for casus in queue["new"].prefetch_related("themes")[:50]:
            suggestions = advisors_rank(
                theme_ids=[t.pk for t in casus.themes.all()],
                gemeente_id=casus.company.gemeente_id,
                advisors=facts,
            )[:3]
            rows.append({"casus": casus, "suggestions": suggestions})
        return render(
            request,
            "cases/queue.html",
            {
                "rows": rows,
                "overdue": queue["overdue"][:50],
                "overdue_referrals": queue["overdue_referrals"][:50],
                "advisors": advisors,
            },
        )
    if allows(request.user, "casus.view"):
        casussen = selectors.casus_list(user=request.user).filter(
            status__in=selectors.OPEN_STATUSES
        )
        return render(request, "cases/my_casussen.html", {"casussen": casussen})
    for capability, url_name in START_PAGES:
        if allows(request.user, capability):
            return redirect(url_name)
    return refuse(request, admin=False)


@capability_required("casus.view")
def casus_list_view(request: HttpRequest) -> HttpResponse:
    form = CasusFilterForm(request.GET)
    filters = (
        {"status": form.cleaned_data["status"], "q": form.cleaned_data["q"].strip()}
        if form.is_valid()
        else {}
    )
    casussen = selectors.casus_search(user=request.user, **filters)
    page = Paginator(casussen, 25).get_page(request.GET.get("pagina"))
    return render(request, "cases/casus_list.html", {"page": page, "form": form})


@capability_required("casus.view", find=CASUS)
def casus_detail_view(request: HttpRequest, casus: Casus) -> HttpResponse:
    entrepreneur = casus.entrepreneur
    referral_allowed = selectors.consent_is_given(
        entrepreneur=entrepreneur, purpose=ConsentPurpose.SHARE_WITH_PARTNER
    )
    scan = casus.scan if selectors.casus_scan_visible(casus=casus) else None
    casus_access_record(user=request.user, casus=casus, scan=scan)
    context = {
        "casus": casus,
        "timeline": selectors.casus_timeline(casus=casus),
        "scan": scan,
        "scan_result": scan_result(scan, with_answers=True) if scan else None,
        "consents": selectors.consents_in_force(entrepreneur=entrepreneur),
        "appointments": casus.appointments.all(),
        "referrals": casus.referrals.select_related("partner", "mentor"),
        "referral_allowed": referral_allowed,
        "can_coordinate": allows(request.user, "casus.assign"),
        "appointment_form": AppointmentForm(),
        "note_form": NoteForm(),
        "advice_form": AdviceForm(),
        "close_form": CloseForm(),
        "answer_form": AnswerForm(initial={"answer": casus.answer}),
        "question_page_form": QuestionPageForm(
            initial=knowledge.question_page_initial(casus=casus)
        ),
        "is_question": casus.origin == CasusOrigin.QUESTION,
    }
    if context["can_coordinate"] and casus.is_open:
        advisors = list(selectors.advisor_list())
        context["assign_form"] = AssignForm(advisors=selectors.advisor_list())
        context["suggestions"] = advisors_rank(
            theme_ids=[t.pk for t in casus.themes.all()],
            gemeente_id=casus.company.gemeente_id,
            advisors=advisor_facts(advisors),
        )[:5]
    return render(request, "cases/casus_detail.html", context)


def _back(casus) -> HttpResponse:
    return redirect("cases:casus_detail", uuid=casus.uuid)


def _invalid(request: HttpRequest, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


@require_POST
@capability_required("casus.assign", find=CASUS)
def casus_assign_view(request: HttpRequest, casus: Casus) -> HttpResponse:
    form = AssignForm(request.POST, advisors=selectors.advisor_list())
    if not form.is_valid():
        _invalid(request, form)
        return redirect("cases:queue")
    advisor = form.cleaned_data["advisor"]
    try:
        if request.POST.get("reassign") == "1":
            handling.casus_reassign(casus=casus, advisor=advisor, by=request.user)
        else:
            handling.casus_assign(casus=casus, advisor=advisor, by=request.user)
    except CasusAlreadyAssigned as exc:
        messages.warning(
            request,
            _("Someone was just ahead of you: this case is already assigned to %(advisor)s.")
            % {"advisor": exc.holder or "—"},
        )
    except InvalidTransition:
        messages.error(request, _("This case is closed."))
    else:
        messages.success(request, _("Assigned to %(advisor)s.") % {"advisor": advisor})
    if request.POST.get("next") == "queue":
        return redirect("cases:queue")
    return _back(casus)


def _casus_action(request: HttpRequest, casus: Casus, form_class, action, success: str):
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        _invalid(request, form)
        return _back(casus)
    try:
        action(casus, form.cleaned_data if form else {})
    except InvalidTransition:
        messages.error(request, _("That is not possible in the current state of this case."))
    except ConsentRequired:
        messages.error(
            request, _("The entrepreneur has not given permission to share their details.")
        )
    else:
        messages.success(request, success)
    return _back(casus)


@require_POST
@capability_required("casus.handle", find=CASUS)
def casus_contact_view(request: HttpRequest, casus: Casus) -> HttpResponse:
    return _casus_action(
        request,
        casus,
        None,
        lambda c, d: handling.casus_contact_record(casus=c, by=request.user),
        _("First contact recorded."),
    )


@require_POST
@capability_required("casus.handle", find=CASUS)
def appointment_create_view(request: HttpRequest, casus: Casus) -> HttpResponse:
    return _casus_action(
        request,
        casus,
        AppointmentForm,
        lambda c, d: handling.appointment_plan(casus=c, by=request.user, **d),
        _("Appointment planned; the invitation has been mailed."),
    )


@require_POST
@capability_required("casus.handle", find=APPOINTMENT)
def appointment_held_view(request: HttpRequest, appointment: Appointment) -> HttpResponse:
    try:
        handling.appointment_held(appointment=appointment, by=request.user)
    except InvalidTransition:
        messages.error(request, _("That is not possible in the current state of this case."))
    return _back(appointment.casus)


@capability_required("casus.view", find=APPOINTMENT)
def appointment_ics_view(request: HttpRequest, appointment: Appointment) -> HttpResponse:
    casus_access_record(user=request.user, casus=appointment.casus, action=AccessAction.DOWNLOAD)
    response = HttpResponse(appointment_ics(appointment), content_type="text/calendar")
    response["Content-Disposition"] = 'attachment; filename="afspraak.ics"'
    return response


@require_POST
@capability_required("casus.handle", find=CASUS)
def note_create_view(request: HttpRequest, casus: Casus) -> HttpResponse:
    return _casus_action(
        request,
        casus,
        NoteForm,
        lambda c, d: handling.note_add(casus=c, text=d["text"], by=request.user),
        _("Note saved."),
    )


@require_POST
@capability_required("casus.handle", find=CASUS)
def advice_create_view(request: HttpRequest, casus: Casus) -> HttpResponse:
    return _casus_action(
        request,
        casus,
        AdviceForm,
        lambda c, d: handling.advice_record(
            casus=c, text=d["text"], regelingen=list(d["regelingen"]), by=request.user
        ),
        _("Advice saved."),
    )


@capability_required("casus.handle", find=CASUS)
def referral_create_view(request: HttpRequest, casus: Casus) -> HttpResponse:
    allowed = selectors.consent_is_given(
        entrepreneur=casus.entrepreneur, purpose=ConsentPurpose.SHARE_WITH_PARTNER
    )
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and allowed and form.is_valid():
        try:
            referrals.referral_create(
                casus=casus,
                partner=form.cleaned_data["partner"],
                mentor=form.cleaned_data["mentor"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except (InvalidTransition, ConsentRequired):
            messages.error(request, _("This referral cannot be made."))
        else:
            messages.success(request, _("Referral sent."))
        return _back(casus)
    # The page shows the contact details that would be shared.
    casus_access_record(user=request.user, casus=casus)
    return render(
        request, "cases/referral_create.html", {"casus": casus, "form": form, "allowed": allowed}
    )


@require_POST
@capability_required("casus.handle", find=CASUS)
def casus_close_view(request: HttpRequest, casus: Casus) -> HttpResponse:
    return _casus_action(
        request,
        casus,
        CloseForm,
        lambda c, d: handling.casus_close(casus=c, outcome=d["outcome"], by=request.user),
        _("Case closed."),
    )


@require_POST
@capability_required("casus.handle", find=CASUS)
def question_answer_view(request: HttpRequest, casus: Casus) -> HttpResponse:
    return _casus_action(
        request,
        casus,
        AnswerForm,
        lambda c, d: handling.question_answer(casus=c, answer=d["answer"], by=request.user),
        _("Answer sent by e-mail."),
    )


@require_POST
@capability_required("casus.handle", find=CASUS)
def question_page_create_view(request: HttpRequest, casus: Casus) -> HttpResponse:
    form = QuestionPageForm(request.POST)
    if not form.is_valid():
        _invalid(request, form)
        return _back(casus)
    page = knowledge.question_page_draft(casus=casus, by=request.user, **form.cleaned_data)
    if page is None:
        messages.error(request, _("The kennisbank has no place for questions yet."))
    else:
        messages.success(request, _("A draft question page is waiting for an editor."))
    return _back(casus)


@capability_required("casus.intake_phone")
def phone_intake_view(request: HttpRequest) -> HttpResponse:
    form = PhoneIntakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        casus = casus_intake(
            request=intake_request_build(form, language=get_language() or "nl"),
            consents=form.consents_given(),
            origin=CasusOrigin.PHONE,
            channel=ConsentChannel.PHONE,
            recorded_by=request.user,
            idempotency_key=form.cleaned_data["idempotency_key"],
        )
        messages.success(request, _("The phone request has been stored."))
        if selectors.casus_list(user=request.user).filter(pk=casus.pk).exists():
            return _back(casus)
        return redirect("cases:queue")
    return render(request, "cases/phone_intake.html", {"form": form})
