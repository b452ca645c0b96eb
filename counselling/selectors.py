"""Reads that span apps: the catalogue offers a counsellor may point to."""

from django.db.models import Q, QuerySet

from offers.models import Offer
from partners.models import Membership


def published_offers() -> QuerySet[Offer]:
    manager = Offer.objects
    return manager.published() if hasattr(manager, "published") else manager.filter(status=Offer.Status.PUBLISHED)


def search_offers(q: str) -> QuerySet[Offer]:
    offers = published_offers()
    if hasattr(offers, "search"):
        return offers.search(q)
    return offers.filter(Q(title__icontains=q) | Q(summary__icontains=q))


def offers_for_need(need, limit: int = 5) -> list[Offer]:
    offers = published_offers().filter(entry_levels=need.step)
    if need.sector_id:
        offers = offers.filter(sectors=need.sector_id)
    return list(offers.select_related("provider").distinct().order_by("title", "pk")[:limit])


def counsellors_of(*offices, include_inactive: bool = False):
    """Counsellors who can take a case. `include_inactive` only to find the cases of someone who left."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(
        memberships__partner__in=offices, memberships__role=Membership.Role.COUNSELLOR
    )
    if not include_inactive:
        users = users.filter(is_active=True)
    return users.distinct().order_by("username")


def office_counsellor_emails(office) -> list[str]:
    return list(counsellors_of(office).exclude(email="").values_list("email", flat=True))
