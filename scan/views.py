"""The public scan flow: no login; the scan in progress lives in the session, results behind a link."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kennisbank.regelingencheck_views import regelingencheck_questionnaire
from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.tokens import TokenError
from schakelteam.ratelimit import client_ip, rate_limit_hit, rate_limited, too_many_requests

from . import services
from .constants import DefinitionKind
from .forms import ConsentForm, DomainStepForm, EmptyForm, FactsForm, ResumeLinkForm
from .models import ScanResponse
from .results import result_build
from .scoring import missing_required, visible_questions
from .selectors import (
    definition_snapshot,
    question_rows,
    scan_answer_values,
    scan_company_facts,
    scan_for_link,
    scan_get,
    scoring_facts,
)

SESSION_SCAN = "scan_uuid"
SESSION_RESULT = "scan_result_token"


# ---- helpers ---------------------------------------------------------------------------------


def _session_scan(request: HttpRequest) -> ScanResponse | None:
    uuid = request.session.get(SESSION_SCAN)
    if not uuid:
        return None
    try:
        return scan_get(uuid=uuid)
    except (ValueError, TypeError):  # a damaged session value
        return None


def _remember(request: HttpRequest, scan: ScanResponse) -> None:
    request.session[SESSION_SCAN] = str(scan.uuid)
    request.session.pop(SESSION_RESULT, None)


def _steps(scan: ScanResponse, snapshot) -> list:
    """Step 1 is the company facts, then one step per domain that applies to this company."""
    return [None] + [d for d in snapshot.domains if d.applies_to(scan.size_class)]


def _result_redirect(request: HttpRequest, scan: ScanResponse) -> HttpResponse:
    token = request.session.get(SESSION_RESULT)
    if not token:
        token = services.scan_result_link_issue(scan=scan)
        request.session[SESSION_RESULT] = token
    return redirect("scan:result", token=token)


def _token_invalid(request: HttpRequest, reason: str, *, kind: str) -> HttpResponse:
    if rate_limit_hit(scope="token", key=client_ip(request)):
        return too_many_requests(request)
    in_progress = _session_scan(request)
    return render(
        request,
        "scan/token_invalid.html",
        {
            "reason": reason,
            "kind": kind,
            "in_progress": in_progress if in_progress and not in_progress.is_submitted else None,
        },
        status=410 if reason in {"expired", "used"} else 404,
    )


def _resolve(request: HttpRequest, purpose: str, token: str) -> ScanResponse | str:
    """The scan behind a link, or the reason it can't be used."""
    try:
        return scan_for_link(purpose=purpose, raw_token=token)
    except TokenError as exc:
        return exc.reason


# ---- start and steps -------------------------------------------------------------------------


@rate_limited("public_form")
@require_http_methods(["GET", "POST"])
def intro(request: HttpRequest) -> HttpResponse:
    scan = _session_scan(request)
    if request.method == "POST":
        form = EmptyForm(request.POST)
        if form.is_valid() and not form.is_bot():
            try:
                scan = services.scan_start()
            except services.NoPublishedDefinition:
                messages.error(request, _("The scan is not available right now. Please try later."))
                return redirect("scan:intro")
            _remember(request, scan)
        return redirect("scan:step", number=1)
    try:
        definition = services.definition_current(DefinitionKind.BEDRIJFSSCAN)
    except services.NoPublishedDefinition:
        definition = None
    snapshot = definition_snapshot(definition.pk) if definition else None
    return render(
        request,
        "scan/intro.html",
        {
            "definition": definition,
            "snapshot": snapshot,
            "question_count": len(snapshot.questions) if snapshot else 0,
            "in_progress": scan if scan and not scan.is_submitted else None,
            "form": EmptyForm(),
        },
    )


@rate_limited("scan_step")
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, number: int) -> HttpResponse:
    scan = _session_scan(request)
    if scan is None:
        messages.info(request, _("There is no scan in progress in this browser. Start one here."))
        return redirect("scan:intro")
    if scan.is_submitted:
        messages.info(request, _("You have already sent this scan. This is your result."))
        return _result_redirect(request, scan)
    snapshot = definition_snapshot(scan.definition_id)
    if number > 1 and not scan.facts_done:
        return redirect("scan:step", number=1)
    steps = _steps(scan, snapshot)
    if not 1 <= number <= len(steps):
        raise Http404
    if number == 1:
        return _facts_step(request, scan, steps)
    return _domain_step(request, scan, snapshot, steps, number)


def _nav_target(request: HttpRequest, number: int, total: int) -> HttpResponse:
    nav = request.POST.get("nav", "next")
    if nav == "back" and number > 1:
        return redirect("scan:step", number=number - 1)
    if nav == "save":
        messages.success(request, _("Your answers are saved."))
        return redirect("scan:step", number=number)
    if number >= total:
        return redirect("scan:review")
    return redirect("scan:step", number=number + 1)


def _facts_step(request: HttpRequest, scan: ScanResponse, steps: list) -> HttpResponse:
    initial = {
        "size_class": scan.size_class,
        "sbi_section": scan.sbi_section,
        "postcode": scan.postcode,
        "founded_year": scan.founded_year,
        "legal_form": scan.legal_form,
        "turnover_class": scan.turnover_class,
        "help_themes": list(scan.help_themes.all()) if scan.pk else [],
    }
    form = FactsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if not form.is_bot():
            data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
            services.scan_facts_save(scan=scan, **data)
            scan.refresh_from_db()
        steps = _steps(scan, definition_snapshot(scan.definition_id))
        return _nav_target(request, 1, len(steps))
    return render(
        request,
        "scan/step_facts.html",
        _step_context(scan, steps, 1) | {"form": form, "resume_form": ResumeLinkForm()},
        status=400 if form.is_bound else 200,
    )


def _domain_step(request, scan, snapshot, steps, number) -> HttpResponse:
    domain = steps[number - 1]
    answers = scan_answer_values(scan)
    facts = scoring_facts(scan)
    visible = visible_questions(snapshot, answers, facts)
    questions = [q for q in domain.questions if q.slug in visible]
    form = DomainStepForm(request.POST or None, questions=questions, initial_answers=answers)
    if request.method == "POST" and form.is_valid():
        if form.is_bot():
            return _nav_target(request, number, len(steps))
        new = form.answers()
        by_slug = {q.slug: q for q in questions}
        rows = question_rows(ids=[q.id for q in questions])
        services.scan_answers_save(
            scan=scan, answers={rows[s]: v for s, v in new.items() if s in by_slug}
        )
        after = visible_questions(snapshot, {**answers, **new}, facts)
        appeared = [q for q in domain.questions if q.slug in after and q.slug not in visible]
        if appeared and request.POST.get("nav") != "back":
            messages.info(request, _("Based on your answer there is one more question below."))
            return redirect(
                reverse("scan:step", kwargs={"number": number}) + f"#id_q-{appeared[0].slug}_group"
            )
        return _nav_target(request, number, len(steps))
    return render(
        request,
        "scan/step_domain.html",
        _step_context(scan, steps, number)
        | {"form": form, "domain": domain, "resume_form": ResumeLinkForm()},
        status=400 if form.is_bound else 200,
    )


def _step_context(scan: ScanResponse, steps: list, number: int) -> dict:
    return {
        "scan": scan,
        "is_vervolgscan": scan.definition.kind == DefinitionKind.VERVOLGSCAN,
        "number": number,
        "total": len(steps),
        "percent": round(100 * (number - 1) / len(steps)),
        "step_titles": [(i + 1, d.title if d else _("Your company")) for i, d in enumerate(steps)],
    }


@rate_limited("scan_step")
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest) -> HttpResponse:
    scan = _session_scan(request)
    if scan is None:
        messages.info(request, _("There is no scan in progress in this browser. Start one here."))
        return redirect("scan:intro")
    if scan.is_submitted:
        return _result_redirect(request, scan)
    if not scan.facts_done:
        return redirect("scan:step", number=1)
    snapshot = definition_snapshot(scan.definition_id)
    steps = _steps(scan, snapshot)
    if request.method == "POST":
        form = EmptyForm(request.POST)
        if form.is_valid() and not form.is_bot():
            try:
                scan, token = services.scan_submit(scan=scan)
            except services.ScanAlreadySubmitted:
                return _result_redirect(request, scan)
            except services.ScanIncomplete:
                messages.error(request, _("Some required questions are still open; see below."))
                return redirect("scan:review")
            request.session[SESSION_RESULT] = token
            return redirect("scan:result", token=token)
    answers = scan_answer_values(scan)
    step_of = {d.slug: i + 1 for i, d in enumerate(steps) if d is not None}
    missing = [
        {"step": step_of.get(slug), "question": q, "anchor": f"id_q-{q.slug}_group"}
        for slug, q in missing_required(snapshot, answers, scoring_facts(scan))
    ]
    return render(
        request,
        "scan/review.html",
        _step_context(scan, steps, len(steps))
        | {"missing": missing, "form": EmptyForm(), "answered": len(answers)},
    )


# ---- resume links ----------------------------------------------------------------------------


@require_POST
@rate_limited("resume_link")
def resume_link(request: HttpRequest) -> HttpResponse:
    scan = _session_scan(request)
    back = request.POST.get("step", "1")
    back_number = int(back) if back.isdigit() and len(back) < 4 else 1
    form = ResumeLinkForm(request.POST)
    if scan is None or scan.is_submitted:
        return redirect("scan:intro")
    if form.is_valid() and not form.is_bot():
        services.scan_resume_link_send(scan=scan, email=form.cleaned_data["email"])
    # Same answer whatever was typed, so the form says nothing about addresses.
    messages.success(
        request,
        _(
            "If the address can receive e-mail, a link to continue is on its way. It works for %(days)s days."
        )
        % {"days": services.resume_link_days()},
    )
    return redirect("scan:step", number=back_number)


def resume(request: HttpRequest, token: str) -> HttpResponse:
    found = _resolve(request, LinkPurpose.SCAN_RESUME, token)
    if isinstance(found, str):
        return _token_invalid(request, found, kind="resume")
    scan = found
    _remember(request, scan)
    if scan.is_submitted:
        return _result_redirect(request, scan)
    messages.success(request, _("Welcome back. Your answers are still here."))
    if not scan.facts_done:
        return redirect("scan:step", number=1)
    return redirect("scan:review")


# ---- result ----------------------------------------------------------------------------------


def result(request: HttpRequest, token: str) -> HttpResponse:
    found = _resolve(request, LinkPurpose.SCAN_RESULT, token)
    if isinstance(found, str):
        return _token_invalid(request, found, kind="result")
    scan = found
    if not scan.is_submitted:
        raise Http404
    context = result_build(scan)
    context |= {
        "token": token,
        "consent_form": ConsentForm(initial={"research": scan.research_consent_at is not None}),
        "vervolg_form": EmptyForm(),
    }
    return render(request, "scan/result.html", context)


@require_GET
def regelingencheck_prefilled(request: HttpRequest, token: str) -> HttpResponse:
    """The regelingencheck's questions, filled in with the scan's company facts; submitting goes to
    the check itself, whose URL carries only the answers."""
    found = _resolve(request, LinkPurpose.SCAN_RESULT, token)
    if isinstance(found, str):
        return _token_invalid(request, found, kind="result")
    if not found.is_submitted:
        raise Http404
    return regelingencheck_questionnaire(request, initial=scan_company_facts(found))


@require_POST
@rate_limited("public_form")
def consent(request: HttpRequest, token: str) -> HttpResponse:
    found = _resolve(request, LinkPurpose.SCAN_RESULT, token)
    if isinstance(found, str):
        return _token_invalid(request, found, kind="result")
    form = ConsentForm(request.POST)
    if form.is_valid():
        given = form.cleaned_data["research"]
        services.scan_research_consent_set(scan=found, given=given)
        messages.success(
            request,
            _("Thank you. Your scan may be used for research, without your name.")
            if given
            else _("Understood. Your scan is not used for research."),
        )
    return redirect(reverse("scan:result", kwargs={"token": token}) + "#onderzoek")


@require_POST
@rate_limited("public_form")
def vervolgscan_from_result(request: HttpRequest, token: str) -> HttpResponse:
    found = _resolve(request, LinkPurpose.SCAN_RESULT, token)
    if isinstance(found, str):
        return _token_invalid(request, found, kind="result")
    return _vervolgscan_begin(request, found)


def _vervolgscan_begin(request: HttpRequest, previous: ScanResponse) -> HttpResponse:
    if not previous.is_submitted:
        raise Http404
    try:
        scan = services.scan_start(previous=previous)
    except services.NoPublishedDefinition:
        messages.error(request, _("The follow-up scan is not available right now."))
        return redirect("scan:intro")
    _remember(request, scan)
    return redirect("scan:step", number=1)


@require_http_methods(["GET", "POST"])
@rate_limited("public_form")
def vervolgscan_start(request: HttpRequest, token: str) -> HttpResponse:
    """A mailed link; GET only shows a button, so link scanners start nothing."""
    found = _resolve(request, LinkPurpose.VERVOLGSCAN, token)
    if isinstance(found, str):
        return _token_invalid(request, found, kind="vervolgscan")
    if request.method == "POST":
        return _vervolgscan_begin(request, found)
    return render(request, "scan/vervolgscan_start.html", {"previous": found, "form": EmptyForm()})
