"""The offers of one result page, read from the database only as far as the page needs them.

A result card's body is cached (`{% offer_cards %}` in offers_tags); beside it, the Merkliste button
needs the offer's slug and title. On a page whose cards are all cached, reading every card's data (the offer, its
provider, levels, funding, languages and runs: two or three queries and some hundred model instances) would be
wasted. So a page first reads its offers' slugs and titles (one small query, which also drops an offer deleted
since its id was cached); anything else a template or the API asks of a card reads the whole cards of the page,
once, together.
"""

from __future__ import annotations

from collections.abc import Callable

from offers.models import Offer

# What the Merkliste button shows beside a cached card.
LIGHT_FIELDS = ("slug", "title")


class PageOfCards:
    """The offers of `ids` in that order; `load_cards(ids)` ({id: offer}) reads their whole cards when needed."""

    def __init__(self, ids: list[int], load_cards: Callable[[list[int]], dict[int, Offer]]):
        rows = Offer.objects.filter(pk__in=ids).order_by().values_list("id", *LIGHT_FIELDS)
        self.light = {pk: dict(zip(LIGHT_FIELDS, values, strict=True)) for pk, *values in rows}
        self.ids = [pk for pk in ids if pk in self.light]
        self.load_cards = load_cards
        self.whole: dict[int, Offer] | None = None

    def cards(self) -> list[Card]:
        return [Card(pk, self) for pk in self.ids]

    def whole_offer(self, pk: int) -> Offer:
        if self.whole is None:
            self.whole = self.load_cards(self.ids)
        return self.whole[pk]


class Card:
    """One offer of a PageOfCards: its id, slug and title at once; any other attribute is the whole offer's."""

    def __init__(self, pk: int, page: PageOfCards):
        self.pk = self.id = pk
        self.slug = page.light[pk]["slug"]
        self.title = page.light[pk]["title"]
        self._page = page

    def __getattr__(self, name: str):
        if name.startswith("__"):  # copy and pickle probe for these: an offer's fields never start so
            raise AttributeError(name)
        return getattr(self._page.whole_offer(self.pk), name)

    def __str__(self) -> str:
        return str(self._page.whole_offer(self.pk))
