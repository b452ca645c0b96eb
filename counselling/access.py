"""Who may use the desk: users with a counsellor membership. Everyone else gets the login page or a 404."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils.cache import add_never_cache_headers

from accounts.navigation import redirect_to_step
from counselling.querysets import offices_of
from partners.scoping import is_coordinator


def counsellor_required(view):
    """Login required, verified by the second factor; then only counsellors; every desk response is no-store."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_verified():  # the middleware sends staff there already; the desk checks again
            return redirect_to_step("accounts:verify", request.get_full_path())
        offices = list(offices_of(request.user))
        if not offices:
            raise Http404
        request.offices = offices
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapper


def coordinator_required(view):
    """Login required, verified by the second factor; then only coordinators (the audit log); no-store."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_verified():
            return redirect_to_step("accounts:verify", request.get_full_path())
        if not is_coordinator(request.user):
            raise Http404
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapper
