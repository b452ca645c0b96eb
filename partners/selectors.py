"""Reads for the public partner pages."""

from django.db.models import Prefetch, QuerySet

from partners.models import ContactPerson, Partner


def directory_partners() -> QuerySet[Partner]:
    return Partner.objects.active().prefetch_related("services").order_by("name", "pk")


def public_partner(slug: str) -> QuerySet[Partner]:
    return (
        Partner.objects.active()
        .filter(slug=slug)
        .prefetch_related(
            "services", "languages", Prefetch("contact_persons", queryset=ContactPerson.objects.order_by("order", "pk"))
        )
    )
