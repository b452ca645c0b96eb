"""Reads that span apps: the counsellors of an office (the offers that fit a need: counselling/matching.py)."""

from django.contrib.auth import get_user_model

from partners.models import Membership


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
