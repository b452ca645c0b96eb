"""The one place lookup: what a visitor types for a place, to the Postcode row of its coordinates."""

import re

from places.models import Postcode
from places.validators import is_postcode

CODE_AND_CITY = re.compile(r"([0-9]{5})\s+(.+)")


def locate(query: str) -> Postcode | None:
    """A postcode ("70173"), a postcode with its town ("70173 Stuttgart") or a town ("Schwerin"), or None if
    unknown."""
    query = " ".join(query.split())
    if is_postcode(query):
        return Postcode.objects.filter(code=query).first()
    match = CODE_AND_CITY.fullmatch(query)
    if match:
        return Postcode.objects.filter(code=match.group(1)).first()
    return Postcode.objects.filter(city__iexact=query).order_by("code").first()
