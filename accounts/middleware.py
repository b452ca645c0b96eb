"""Staff sessions stay locked to the login's second step until a second factor has been verified."""

from accounts.factors import has_factor
from accounts.navigation import redirect_to_step
from accounts.staff import needs_second_factor

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
