"""Staff login: /inloggen/ (password) → /inloggen/verificatie/ or /inloggen/koppelen/ (TOTP)
→ where they were going. /uitloggen/ logs out (POST). Account security: the admin's overview
(reset a second factor, lift a lockout) and renewing one's own recovery codes."""

import django_otp
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors
from . import services as auth_services
from .audit import security_event_record
from .decorators import capability_required
from .forms import OtpEnrolForm, OtpTokenForm, StaffLoginForm
from .middleware import SESSION_SEEN, SESSION_STARTED
from .models import SecurityAction
from .services import second_factor_url


def safe_next(request: HttpRequest) -> str:
    """The ?next= target if it is on this site and not a login step; else the werkplek."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        and not target.startswith(("/inloggen/", "/uitloggen/"))
    ):
        return target
    return settings.LOGIN_REDIRECT_URL


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request)
    if request.user.is_authenticated and request.user.is_verified():
        return HttpResponseRedirect(next_url)
    form = StaffLoginForm(request, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        auth_login(request, form.get_user())  # new session key (fixation-proof)
        return HttpResponseRedirect(second_factor_url(form.get_user(), next_url=next_url))
    return render(
        request,
        "accounts/auth/login.html",
        {"form": form, "next": next_url, "expired": request.GET.get("verlopen") == "1"},
    )


def _finish_second_factor(request: HttpRequest, device) -> None:
    django_otp.login(request, device)
    request.session.cycle_key()
    now = timezone.now().timestamp()
    # The absolute limit counts from the moment both factors are done.
    request.session[SESSION_STARTED] = now
    request.session[SESSION_SEEN] = now


@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def verify_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return redirect(settings.LOGIN_URL)
    next_url = safe_next(request)
    if user.is_verified():
        return HttpResponseRedirect(next_url)
    if not auth_services.second_factor_enrolled(user):
        return HttpResponseRedirect(second_factor_url(user, next_url=next_url))
    form = OtpTokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            device = auth_services.second_factor_verify(
                user=user, token=form.cleaned_data["otp_token"]
            )
        except auth_services.SecondFactorError:
            form.add_error("otp_token", _("This code is not correct or was already used."))
        else:
            _finish_second_factor(request, device)
            return HttpResponseRedirect(next_url)
    return render(request, "accounts/auth/verify.html", {"form": form, "next": next_url})


@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def enrol_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return redirect(settings.LOGIN_URL)
    next_url = safe_next(request)
    if auth_services.second_factor_enrolled(user):
        # Adding a second authenticator needs the first one: an admin reset starts over.
        return HttpResponseRedirect(second_factor_url(user, next_url=next_url))
    device = auth_services.totp_device_pending(user=user)
    form = OtpEnrolForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = auth_services.totp_enrol_confirm(
                user=user, token=form.cleaned_data["otp_token"]
            )
        except auth_services.SecondFactorError:
            form.add_error(
                "otp_token", _("This code is not correct. Check the clock of your phone.")
            )
        else:
            _finish_second_factor(request, device)
            return render(
                request,
                "accounts/auth/recovery_codes.html",
                {"codes": codes, "next": next_url},
            )
    return render(
        request,
        "accounts/auth/enrol.html",
        {
            "form": form,
            "next": next_url,
            "secret": auth_services.totp_secret(device),
            "otpauth_uri": device.config_url,
        },
    )


@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        auth_logout(request)
        messages.success(request, _("You have been logged out."))
        return redirect(settings.LOGOUT_REDIRECT_URL)
    return render(request, "accounts/auth/logout.html")


def lockout_response(
    request: HttpRequest, original_response=None, credentials=None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the same page for known and unknown usernames, status 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/auth/lockout.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes},
        status=429,
    )


@require_http_methods(["GET", "POST"])
@capability_required("security.manage")
def security_overview_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        user = get_object_or_404(
            selectors.staff_user_list(), pk=request.POST.get("user_id", "0") or 0
        )
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
        "accounts/security_overview.html",
        {"accounts": selectors.staff_accounts(), "events": selectors.security_event_list()[:50]},
    )


@require_POST
@capability_required("recovery_codes.renew")
def recovery_codes_renew_view(request: HttpRequest) -> HttpResponse:
    codes = auth_services.recovery_codes_regenerate(user=request.user)
    security_event_record(
        actor=request.user, subject=request.user, action=SecurityAction.RECOVERY_CODES_RENEWED
    )
    return render(
        request, "accounts/auth/recovery_codes.html", {"codes": codes, "next": "/werkplek/"}
    )
