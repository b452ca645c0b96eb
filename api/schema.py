"""The offer search's parameters in the OpenAPI schema, read from the FilterSet /angebote/ uses."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from offers.search.filterset import OfferFilter

VOCABULARY_NOTE = _("Werte: die Kurznamen (slug) aus /api/v1/vocabularies/.")


def _parameter(name: str, field) -> OpenApiParameter:
    description = str(field.label)
    choices = field.extra.get("choices")
    enum = [str(value) for value, _label in choices] if choices else None
    if isinstance(field, django_filters.MultipleChoiceFilter):
        if enum is None:
            description = f"{description}. {VOCABULARY_NOTE}"
        kind = {"type": "array", "items": {"type": "string", **({"enum": enum} if enum else {})}}
        return OpenApiParameter(name, kind, description=description, explode=True)
    if isinstance(field, django_filters.BooleanFilter):
        return OpenApiParameter(name, OpenApiTypes.STR, description=f"{description} (1 = ja)", enum=["1"])
    if isinstance(field, django_filters.DateFilter):
        return OpenApiParameter(name, OpenApiTypes.DATE, description=description)
    return OpenApiParameter(name, OpenApiTypes.STR, description=description, enum=enum)


def offer_search_parameters(page_size_max: int) -> list[OpenApiParameter]:
    """Every parameter of /angebote/ (docs/urls.md), plus the page and the page size."""
    parameters = [_parameter(name, field) for name, field in OfferFilter.base_filters.items()]
    parameters += [
        OpenApiParameter("page", OpenApiTypes.INT, description=str(_("Seite (ab 1)"))),
        OpenApiParameter(
            "page_size", OpenApiTypes.INT, description=str(_("Angebote je Seite (1 bis %d)") % page_size_max)
        ),
    ]
    return parameters
