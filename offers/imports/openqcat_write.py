"""Offers as an open-Qcat file (offers/imports/schema/openqcat-subset.xsd), written piece by piece so that the
whole catalogue streams: one SERVICE per offer, one MODULE_COURSE per run. Choices are written as their stored
values, vocabularies as slugs (languages as codes), dates as JJJJ-MM-TT; importing the file changes nothing."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal

from django.utils import timezone
from lxml import etree

from offers.imports.export import _entry_key, catalogue_offers, own_key
from offers.imports.openqcat import (
    CATALOG,
    EDUCATION,
    OFFER_ELEMENTS,
    PRICE_ELEMENTS,
    ROOT,
    RUN,
    RUN_ELEMENTS,
    SERVICE,
    VERSION,
)
from offers.imports.template import COLUMNS, MANY, ONE, PARTNER_COLUMN
from offers.models import Offer

CONTENT_TYPE = "application/xml; charset=utf-8"
BY_HEADER = {column.header: column for column in COLUMNS}


def xml_value(header: str, source) -> str | list[str]:
    column = BY_HEADER[header]
    value = getattr(source, column.field)
    if column.kind == ONE:
        return _entry_key(value) if value else ""
    if column.kind == MANY:
        return sorted(_entry_key(entry) for entry in value.all())
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return "" if value is None else str(value)


def put(parent, path: str, value: str | list[str]) -> None:
    """Appends the element at `path` below `parent` (reusing the last child where it is the path's next step, so
    that elements keep the schema's order); a list repeats the last element, an empty value writes nothing."""
    values = [item for item in (value if isinstance(value, list) else [value]) if item != ""]
    if not values:
        return
    *steps, leaf = path.split("/")
    for step in steps:
        last = parent[-1] if len(parent) else None
        parent = last if last is not None and last.tag == step else etree.SubElement(parent, step)
    for item in values:
        etree.SubElement(parent, leaf).text = item


def service_element(offer: Offer) -> etree._Element:
    service = etree.Element(SERVICE)
    for header, path in OFFER_ELEMENTS:
        if header == PARTNER_COLUMN:
            value = offer.provider.slug
        elif header == "Kursnummer":
            value = own_key(offer)
        else:
            value = xml_value(header, offer)
        put(service, path, value)
    education = service.find(EDUCATION)
    for run in offer.runs.all():
        module = etree.SubElement(education, RUN)
        for header, path in RUN_ELEMENTS:
            put(module, path, xml_value(header, run))
    for header, path in PRICE_ELEMENTS:
        put(service, path, xml_value(header, offer))
    return service


def openqcat_chunks(offers) -> Iterator[bytes]:
    """The file for `offers` (a queryset) in pieces of one offer each."""
    generated = timezone.localtime().replace(microsecond=0).isoformat()
    yield (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<{ROOT} version="{VERSION}">\n'
        f"  <HEADER>\n    <GENERATOR_INFO>Lotsendienst</GENERATOR_INFO>\n"
        f"    <CATALOG>\n      <LANGUAGE>deu</LANGUAGE>\n      <GENERATION_DATE>{generated}</GENERATION_DATE>\n"
        f"    </CATALOG>\n  </HEADER>\n  <{CATALOG}>\n"
    ).encode()
    for offer in catalogue_offers(offers):
        yield etree.tostring(service_element(offer), encoding="utf-8", pretty_print=True)
    yield f"  </{CATALOG}>\n</{ROOT}>\n".encode()


def to_openqcat(offers) -> bytes:
    return b"".join(openqcat_chunks(offers))
