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


def partner_offers(partner: Partner):
    """The partner's offers a visitor can find in the catalogue (published, with a current run)."""
    from offers.models import Offer  # offers depends on partners, not the other way round

    return Offer.objects.listed().filter(provider=partner).with_next_run().card_data()
