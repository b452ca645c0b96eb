"""The public profile of a partner with its listed offers. It lives here, not in partners, because it combines a
partner with its offers and partners knows nothing of offers (docs/architecture.md)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from offers.models import Offer
from offers.views import search_context
from partners.selectors import public_partner

# The partner's own offers are filtered by what sets them apart (level, next step, sector, funding, kind); the
# facets of the runs and the target groups would double the counting for little use on one provider's list.
HIDDEN_FACETS = ("target_group", "learning_form", "schedule", "duration", "price", "language", "azav", "free")


def partner_profile(request: HttpRequest, slug: str) -> HttpResponse:
    partner = public_partner(slug).first()
    if partner is None:
        raise Http404
    # The search over the partner's own offers, paged and counted like /angebote/, so the biggest provider's page
    # costs what a search costs and not one card per offer (docs/urls.md).
    offers = Offer.objects.listed().filter(provider=partner)
    context = search_context(request, offers, hide=HIDDEN_FACETS, back_to={"partner": partner.slug})
    context["partner"] = partner
    return render(request, "offers/partner_profile.html", context)
