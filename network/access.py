"""Who may use the network pages: coordinators (the whole network, aggregates only, small numbers hidden) and
counsellors (their own offices, unhidden). Everyone else gets the login page or a 404; every answer is no-store."""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils.cache import add_never_cache_headers

from accounts.navigation import redirect_to_step
from counselling.querysets import offices_of
from partners.models import Partner
from partners.scoping import is_coordinator


@dataclass(frozen=True)
class Scope:
    offices: object  # the counselling offices whose records are counted (a list or a queryset)
    network_wide: bool  # a coordinator's view: every office, never a case
    suppress: bool  # small numbers as "< 5"


def all_offices():
    """Every partner, as a subquery: counselling records belong to offices, so this counts every office's."""
    return Partner.objects.all()


def scope_of(user) -> Scope | None:
    if is_coordinator(user):
        return Scope(offices=all_offices(), network_wide=True, suppress=True)
    offices = list(offices_of(user))
    return Scope(offices=offices, network_wide=False, suppress=False) if offices else None


def network_required(view):
    """Login and the second factor, then coordinators or counsellors; `request.scope` says what they see."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_verified():
            return redirect_to_step("accounts:verify", request.get_full_path())
        scope = scope_of(request.user)
        if scope is None:
            raise Http404
        request.scope = scope
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapper
