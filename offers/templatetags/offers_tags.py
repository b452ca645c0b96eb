import hashlib
import json

from django import template
from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from offers import card_html
from offers.search import facet_html

register = template.Library()
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
CARD_SECONDS = 3600


@register.filter
def jsonld(data: dict) -> SafeString:
    """JSON for a <script type="application/ld+json"> block; <, > and & escaped so no text can end the block."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))  # noqa: S308


@register.simple_tag
def facet_fieldsets(facets) -> SafeString:
    """The search form's counted facets (offers.search.facet_html)."""
    return facet_html.fieldsets(facets)


@register.simple_tag(takes_context=True)
def offer_cards(context, offers) -> list[tuple[object, SafeString]]:
    """(offer, the body of its result card) for each of `offers`, in order.

    On the search pages (`fragment_version` set) the bodies are cached under the catalogue version, the language and
    the search they link back to (`back_query`): read with one round trip to the cache and the missing ones stored
    with one more, instead of two per card. The Merkliste button beside each body is the visitor's own, never
    cached."""
    offers = list(offers)
    version = context.get("fragment_version")
    if not version:
        return [(offer, _card_body(context, offer)) for offer in offers]
    keys = {offer.pk: _card_key(version, context.get("back_query", ""), offer.pk) for offer in offers}
    cached = cache.get_many(list(keys.values()))
    rendered = {keys[offer.pk]: _card_body(context, offer) for offer in offers if keys[offer.pk] not in cached}
    if rendered:
        cache.set_many(rendered, CARD_SECONDS)
    bodies = cached | rendered
    return [(offer, mark_safe(bodies[keys[offer.pk]])) for offer in offers]  # noqa: S308 (our own template's output)


def _card_key(version: str, back_query: str, pk: int) -> str:
    search = hashlib.sha256(back_query.encode()).hexdigest()[:16]
    return f"offers:card:{version}:{translation.get_language()}:{pk}:{search}"


def _card_body(context, offer) -> SafeString:
    return card_html.card_body(offer, context.get("back_query", ""))
