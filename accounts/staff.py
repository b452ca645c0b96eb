"""Staff: everyone who can reach the admin or the desk, and so must use a second factor and is logged out when idle."""

from django.db.models import Q
from django.urls import reverse

# Marks a staff session for the idle logout: the time of the last request, or None right after the login.
IDLE_SESSION_KEY = "staff_last_seen"


def needs_second_factor(user) -> bool:
    if not user.is_authenticated:
        return False
    # `memberships` is partners.Membership's reverse name: editors and counsellors of any partner.
    return user.is_staff or user.is_superuser or user.memberships.exists()


def staff_filter() -> Q:
    """needs_second_factor() as a filter on users, for checks over all accounts at once."""
    return Q(is_staff=True) | Q(is_superuser=True) | Q(memberships__isnull=False)


def landing_url(user) -> str:
    """Where a person works, and so lands after the login: counsellors on the desk, other staff in the admin,
    anyone else on the home page (docs/roles.md, "Sessions and logins")."""
    if not user.is_authenticated:
        return reverse("home")
    # The role's value as stored by partners.Membership (read through the relation, see above).
    if user.memberships.filter(role="counsellor", partner__active=True).exists():
        return reverse("counselling:desk")
    if user.is_staff or user.is_superuser:
        return reverse("admin:index")
    return reverse("home")
