"""Where a staff member goes next: to the page they asked for, if it is ours, else where they work."""

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from accounts.staff import landing_url


def safe_next(request) -> str:
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return landing_url(request.user)


def redirect_to_step(url_name: str, next_url: str) -> HttpResponseRedirect:
    """To a step of the login (second factor, setup, codes), carrying where the user was going."""
    return HttpResponseRedirect(f"{reverse(url_name)}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
