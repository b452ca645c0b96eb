"""The Atom feed of any offer search, "new offers for my search": /angebote/feed/?<the search's parameters>."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from offers.models import Offer
from offers.search.display import active_filters
from offers.search.filterset import OfferFilter
from offers.search.query import SORTS

FEED_SIZE = 30  # the newest offers of the search; a reader polls again for more


class SearchFeed(Feed):
    """The FilterSet of /angebote/ with the same parameters, newest offers first (bad values are dropped as there)."""

    feed_type = Atom1Feed

    def get_object(self, request):
        filterset = OfferFilter(request.GET, queryset=Offer.objects.listed())
        filterset.locate_place()
        return filterset

    def title(self, filterset) -> str:
        labels = [str(label) for _name, _value, label in active_filters(filterset)]
        if not labels:
            return _("Neue Weiterbildungsangebote")
        return _("Neue Weiterbildungsangebote: %(search)s") % {"search": "; ".join(labels)}

    def subtitle(self, filterset) -> str:
        return _("Die %(count)s neuesten Angebote dieser Suche im Lotsendienst.") % {"count": FEED_SIZE}

    def link(self, filterset) -> str:
        """The search page with the same search (without page and sort)."""
        query = filterset.data.copy()
        for name in ("page", "sort"):
            query.pop(name, None)
        return reverse("offers:search") + (f"?{query.urlencode()}" if query else "")

    def items(self, filterset):
        offers = filterset.qs.order_by(*SORTS["newest"]).select_related("provider")
        return offers.defer("search_vector", "description")[:FEED_SIZE]

    def item_title(self, offer: Offer) -> str:
        return offer.title

    def item_description(self, offer: Offer) -> str:
        return offer.summary

    def item_pubdate(self, offer: Offer):
        return offer.created_at

    def item_updateddate(self, offer: Offer):
        return offer.updated_at

    def item_author_name(self, offer: Offer) -> str:
        return offer.provider.name

    def item_categories(self, offer: Offer) -> list[str]:
        return [offer.get_kind_display()]
