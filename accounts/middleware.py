"""Staff sessions: locked to the login's second step until a second factor is verified; logged out when idle."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _

from accounts.factors import has_factor
from accounts.kept_forms import keep_form
from accounts.navigation import redirect_to_step
from accounts.staff import IDLE_SESSION_KEY, needs_second_factor

TOUCH_EVERY_SECONDS = 30

# What a staff member may open between password and second factor: the steps themselves, logging out and the
# language switch. Everything else, public pages included, waits for the second factor.
OPEN_URL_NAMESPACES = {"accounts"}
OPEN_URL_NAMES = {"logout", "set_language", "admin:logout"}


class SecondFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match.namespace in OPEN_URL_NAMESPACES or match.view_name in OPEN_URL_NAMES:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified() or not needs_second_factor(user):
            return None
        step = "accounts:verify" if has_factor(user) else "accounts:setup"
        return redirect_to_step(step, request.get_full_path())


class StaffIdleLogoutMiddleware:
    """Logs staff out after COUNSELLOR_IDLE_MINUTES without a request, on the desk, in the admin and elsewhere.

    Only sessions marked at login (accounts/signals.py) are tracked, so visitors cost nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and IDLE_SESSION_KEY in session and request.user.is_authenticated:
            now = time.time()
            last_seen = session[IDLE_SESSION_KEY] or now
            if now - last_seen > settings.COUNSELLOR_IDLE_MINUTES * 60:
                return self.log_out(request)
            # Written at most every 30 seconds, so a busy page does not save the session on every request.
            if now - last_seen >= TOUCH_EVERY_SECONDS or session[IDLE_SESSION_KEY] is None:
                session[IDLE_SESSION_KEY] = now
        return self.get_response(request)

    def log_out(self, request):
        """Logs out; a form sent just now is kept and comes back, filled in, after the next login."""
        next_url = request.get_full_path()
        if request.method == "POST" and _csrf_valid(request):
            next_url = keep_form(request, request.user)
            message = _("Sie wurden nach längerer Inaktivität abgemeldet. Ihre Eingaben sind aufbewahrt.")
        else:
            message = _("Sie wurden nach längerer Inaktivität abgemeldet.")
        logout(request)
        messages.info(request, message)
        return redirect_to_login(next_url)


def _csrf_valid(request) -> bool:
    """Only a form sent from our own pages is kept, never one a foreign site posted in the user's name."""
    return CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {}) is None
