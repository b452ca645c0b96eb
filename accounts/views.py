"""The login's second step and the setup of a second factor (docs/roles.md, "Sessions and logins")."""

from functools import wraps

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from accounts.addresses import client_address
from accounts.factors import factor_confirm, has_factor, pending_app_device, secret_for_humans
from accounts.forms import SecondFactorForm, SetupForm
from accounts.navigation import redirect_to_step, safe_next
from accounts.qr import qr_svg
from accounts.ratelimit import RateLimit
from accounts.staff import landing_url, needs_second_factor

CODES_SESSION_KEY = "accounts_recovery_codes"
# Reset mails per client address and hour, so the form cannot be used to flood a staff member's mailbox.
PASSWORD_RESETS = RateLimit(scope="password_reset", limit_setting="PASSWORD_RESET_RATE_LIMIT")


def staff_login_step(view):
    """Logged in with a password, a staff account, not yet verified; everyone else has no business here."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not needs_second_factor(request.user):
            raise Http404
        if request.user.is_verified():
            return HttpResponseRedirect(safe_next(request))
        return view(request, *args, **kwargs)

    return wrapper


def _complete(request: HttpRequest, device) -> None:
    request.session.cycle_key()  # a new session id once the login is complete
    otp_login(request, device)


@staff_login_step
def verify(request: HttpRequest) -> HttpResponse:
    if not has_factor(request.user):
        return redirect_to_step("accounts:setup", safe_next(request))
    form = SecondFactorForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        _complete(request, form.device)
        return HttpResponseRedirect(safe_next(request))
    return render(request, "accounts/verify.html", {"form": form, "next": safe_next(request)})


@staff_login_step
def setup(request: HttpRequest) -> HttpResponse:
    # Once a factor exists, a password alone must never be enough to add another one.
    if has_factor(request.user):
        return redirect_to_step("accounts:verify", safe_next(request))
    device = pending_app_device(request.user)
    form = SetupForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = factor_confirm(device=device, address=client_address(request))
        _complete(request, device)
        request.session[CODES_SESSION_KEY] = codes
        return redirect_to_step("accounts:recovery_codes", safe_next(request))
    context = {
        "form": form,
        "qr_code": qr_svg(device.config_url),
        "secret": secret_for_humans(device),
        "next": safe_next(request),
    }
    return render(request, "accounts/setup.html", context)


@never_cache
@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Shows the new recovery codes exactly once, right after the setup."""
    codes = request.session.pop(CODES_SESSION_KEY, None)
    if not codes:
        return HttpResponseRedirect(safe_next(request))
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": safe_next(request)})


class LoginView(auth_views.LoginView):
    """The password step; without a safe `next` each person lands where they work (accounts/staff.py)."""

    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return landing_url(self.request.user)


@never_cache
def keep_alive(request: HttpRequest) -> HttpResponse:
    """Called by the idle warning's "Angemeldet bleiben": the request itself restarts the idle time."""
    return HttpResponse(status=204)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view (the same answer for every address), limited per client address."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"

    def form_valid(self, form):
        if PASSWORD_RESETS.exceeded(self.request):
            return render(self.request, "accounts/password_reset_limited.html", status=429)
        PASSWORD_RESETS.count(self.request)
        return super().form_valid(form)


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' answer after too many failed logins: 429 with the cool-off in words ("in 15 Minuten")."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    response = render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
