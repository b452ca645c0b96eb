"""Reads that span apps: the catalogue offers that fit a need, and the counsellors of an office."""

from django.contrib.auth import get_user_model

from offers.models import Offer
from partners.models import Membership


def offers_for_need(need, limit: int = 5) -> list[Offer]:
    offers = Offer.objects.published().filter(entry_levels=need.step)
    if need.sector_id:
        offers = offers.filter(sectors=need.sector_id)
    return list(offers.select_related("provider").distinct().order_by("title", "pk")[:limit])


def counsellors_of(*offices, include_inactive: bool = False):
    """Counsellors who can take a case. `include_inactive` only to find the cases of someone who left."""
    users = get_user_model().objects.filter(
        memberships__partner__in=offices, memberships__role=Membership.Role.COUNSELLOR
    )
    if not include_inactive:
        users = users.filter(is_active=True)
    return users.distinct().order_by("username")


def office_counsellor_emails(office) -> list[str]:
    return list(counsellors_of(office).exclude(email="").values_list("email", flat=True))
