"""Public pages: intake forms and /mijn-gegevens/ (entrepreneurs have no login, only links)."""

import json

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.models import Casus, Entrepreneur
from scan.models import ScanResponse
from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.tokens import TokenError, magic_link_resolve
from schakelteam.organisation.selectors import theme_list
from schakelteam.ratelimit import rate_limited

from .. import selectors
from ..constants import CasusOrigin, ConsentChannel, ConsentPurpose
from ..forms import HoneypotForm, IntakeForm, QuestionForm, SatisfactionForm
from ..services.handling import satisfaction_record
from ..services.intake import IntakeRequest, casus_intake
from ..services.privacy import consent_withdraw, entrepreneur_anonymise, entrepreneur_export


def intake_request_build(form: IntakeForm, *, language: str) -> IntakeRequest:
    data = form.cleaned_data
    return IntakeRequest(
        name=data["name"],
        email=data["email"],
        phone=data.get("phone", ""),
        preferred_channel=data.get("preferred_channel") or "email",
        preferred_times=data.get("preferred_times", ""),
        company_name=data["company_name"],
        kvk_nummer=data.get("kvk_nummer", ""),
        postcode=data["postcode"],
        employees=data.get("employees"),
        size_class=data.get("size_class", ""),
        sbi_section=data.get("sbi_section", ""),
        themes=list(data.get("themes") or []),
        question=data["question"],
        language=language,
    )


def _scan_for_token(request: HttpRequest):
    """The scan behind ?scan=<token>, or None with a message when the link is not valid."""
    raw = request.GET.get("scan", "")
    if not raw:
        return None
    try:
        link = magic_link_resolve(purpose=LinkPurpose.SCAN_RESULT, raw_token=raw)
        return ScanResponse.objects.get(uuid=link.subject_uuid, submitted_at__isnull=False)
    except (TokenError, ScanResponse.DoesNotExist):
        messages.warning(
            request,
            _("The link to your scan no longer works. You can still send your request without it."),
        )
        return None


def _scan_initial(scan) -> dict:
    themes = {t.pk for t in scan.help_themes.all()}
    attention = (scan.result or {}).get("attention_themes", [])
    themes |= set(theme_list().filter(slug__in=attention).values_list("pk", flat=True))
    return {
        "size_class": scan.size_class,
        "sbi_section": scan.sbi_section,
        "themes": sorted(themes),
    }


def _intake(request: HttpRequest, *, form_class, origin: str, template: str) -> HttpResponse:
    scan = _scan_for_token(request) if origin == CasusOrigin.WEB else None
    if request.method == "POST":
        form = form_class(request.POST, with_scan=scan is not None)
        honeypot = HoneypotForm(request.POST)
        if honeypot.is_spam():
            # Look like success to the robot, store nothing.
            return redirect("cases:intake_done")
        if form.is_valid():
            casus = casus_intake(
                request=intake_request_build(form, language=get_language() or "nl"),
                consents=form.consents_given(),
                origin=origin,
                channel=ConsentChannel.WEB,
                scan=scan,
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
            if casus.company.gemeente is None:
                messages.info(
                    request,
                    _(
                        "Your company is outside Flevoland. We have your request and will "
                        "tell you who can best help you."
                    ),
                )
            return redirect("cases:intake_done")
    else:
        form = form_class(initial=_scan_initial(scan) if scan else {}, with_scan=scan is not None)
        honeypot = HoneypotForm()
    return render(
        request,
        template,
        {"form": form, "honeypot": honeypot, "scan": scan, "origin": origin},
    )


@rate_limited("public_form")
def intake_request_view(request: HttpRequest) -> HttpResponse:
    return _intake(
        request, form_class=IntakeForm, origin=CasusOrigin.WEB, template="cases/intake_request.html"
    )


@rate_limited("public_form")
def intake_question_view(request: HttpRequest) -> HttpResponse:
    return _intake(
        request,
        form_class=QuestionForm,
        origin=CasusOrigin.QUESTION,
        template="cases/intake_question.html",
    )


def intake_done_view(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/intake_done.html")


def _entrepreneur(token: str) -> Entrepreneur:
    """Every /mijn-gegevens/ view starts here; an unknown, expired or erased link is a 404."""
    try:
        return selectors.entrepreneur_for_token(token)
    except (TokenError, Entrepreneur.DoesNotExist) as exc:
        raise Http404 from exc


@rate_limited("token", methods=("GET", "POST"))
def mijn_gegevens_view(request: HttpRequest, token: str) -> HttpResponse:
    entrepreneur = _entrepreneur(token)
    link = magic_link_resolve(purpose=LinkPurpose.MIJN_GEGEVENS, raw_token=token)
    casussen = list(
        entrepreneur.casussen.select_related("company__gemeente", "scan").prefetch_related(
            "themes", "appointments", "referrals__partner", "referrals__mentor"
        )
    )
    context = {
        "entrepreneur": entrepreneur,
        "companies": entrepreneur.companies.select_related("gemeente"),
        "casussen": casussen,
        "consents": entrepreneur.consents.select_related("text").order_by("-given_at"),
        "accesses": selectors.entrepreneur_access_log(entrepreneur=entrepreneur, casussen=casussen),
        "access_log_days": settings.SCHAKELTEAM_ACCESS_LOG_RETENTION_DAYS,
        "token": token,
        "expires_at": link.expires_at,
    }
    return render(request, "cases/mijn_gegevens.html", context)


@rate_limited("token", methods=("GET",))
def mijn_gegevens_export_view(request: HttpRequest, token: str) -> HttpResponse:
    entrepreneur = _entrepreneur(token)
    data = entrepreneur_export(entrepreneur=entrepreneur)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@rate_limited("token")
def mijn_gegevens_withdraw_view(request: HttpRequest, token: str) -> HttpResponse:
    entrepreneur = _entrepreneur(token)
    purpose = request.POST.get("purpose", "")
    consent = entrepreneur.consents.filter(purpose=purpose, withdrawn_at__isnull=True).first()
    if consent is None or purpose not in ConsentPurpose.values:
        messages.error(request, _("That permission was already withdrawn."))
        return redirect("cases:mijn_gegevens", token=token)
    consent_withdraw(consent=consent)
    if purpose == ConsentPurpose.CONTACT:
        return render(request, "cases/mijn_gegevens_erased.html")
    messages.success(request, _("Your permission has been withdrawn."))
    return redirect("cases:mijn_gegevens", token=token)


@rate_limited("token", methods=("GET", "POST"))
def mijn_gegevens_erase_view(request: HttpRequest, token: str) -> HttpResponse:
    entrepreneur = _entrepreneur(token)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        entrepreneur_anonymise(entrepreneur=entrepreneur)
        return render(request, "cases/mijn_gegevens_erased.html")
    return render(
        request, "cases/mijn_gegevens_erase.html", {"entrepreneur": entrepreneur, "token": token}
    )


@rate_limited("token", methods=("GET", "POST"))
def satisfaction_view(request: HttpRequest, token: str) -> HttpResponse:
    """One score 1–5 per casus, through the link in the closing e-mail; no login, no free text."""
    try:
        link = magic_link_resolve(purpose=LinkPurpose.SATISFACTION, raw_token=token)
        casus = Casus.objects.get(uuid=link.subject_uuid)
    except (TokenError, Casus.DoesNotExist) as exc:
        raise Http404 from exc
    done = hasattr(casus, "satisfaction")
    form = SatisfactionForm(request.POST or None)
    if request.method == "POST" and not done and form.is_valid():
        satisfaction_record(casus=casus, score=form.cleaned_data["score"])
        done = True
    return render(request, "cases/satisfaction.html", {"form": form, "done": done})
