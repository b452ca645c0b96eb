"""The Merkliste itself: offers a visitor keeps in the session, no account needed."""

from offers.models import Offer

SESSION_KEY = "merkliste"
MAX_ITEMS = 30


def kept_ids(session) -> list[int]:
    ids = session.get(SESSION_KEY, [])
    return [value for value in ids if isinstance(value, int)] if isinstance(ids, list) else []


def keep(session, offer: Offer) -> None:
    ids = [pk for pk in kept_ids(session) if pk != offer.pk]
    session[SESSION_KEY] = [*ids, offer.pk][-MAX_ITEMS:]


def drop(session, offer: Offer) -> None:
    session[SESSION_KEY] = [pk for pk in kept_ids(session) if pk != offer.pk]


def kept_offers(session) -> list[Offer]:
    """The listed offers on the Merkliste, in the order they were kept; unlisted ones drop out silently."""
    ids = kept_ids(session)
    offers = Offer.objects.listed().filter(pk__in=ids).card_data().in_bulk()
    return [offers[pk] for pk in ids if pk in offers]
