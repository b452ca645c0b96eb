"""The public profile of a partner with its listed offers. It lives here, not in partners, because it combines a
partner with its offers and partners knows nothing of offers (docs/architecture.md)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from offers.models import Offer
from partners.selectors import public_partner


def partner_profile(request: HttpRequest, slug: str) -> HttpResponse:
    partner = public_partner(slug).first()
    if partner is None:
        raise Http404
    offers = Offer.objects.listed().filter(provider=partner).soonest_first().card_data()
    return render(request, "offers/partner_profile.html", {"partner": partner, "offers": offers})
