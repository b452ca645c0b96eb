"""The read-only public API (docs/urls.md, "API"): listed offers, active partners and contact points, funding
programmes and the vocabularies. Only anonymous GET, HEAD and OPTIONS; public data only, never drafts."""

from django import forms
from django.http import Http404
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import generics, serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from api import serializers as out
from api.pagination import MAX_PAGE_SIZE, PAGE_SIZE
from api.schema import offer_search_parameters
from api.vocabularies import vocabularies
from offers.models import FundingProgramme, Offer
from offers.search.filterset import OfferFilter
from offers.search.paging import max_results
from offers.search.results import results_of
from offers.views import public_detail
from partners.models import Partner
from partners.selectors import directory_partners, public_partner

TOO_DEEP = _("Die API liefert die ersten %(max)s Treffer einer Suche. Bitte die Suche eingrenzen.")


class PageSizeForm(forms.Form):
    page_size = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)


OfferPage = inline_serializer(
    "OfferPage",
    {
        "count": serializers.IntegerField(),
        "count_estimated": serializers.BooleanField(help_text=_("Gesamtzahl geschätzt (sehr große Treffermenge)")),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "results": out.OfferSerializer(many=True),
    },
)


@extend_schema(operation_id="offers_list", parameters=offer_search_parameters(MAX_PAGE_SIZE), responses=OfferPage)
@api_view(["GET", "HEAD"])
def offer_list(request):
    """Listed offers, searched and sorted exactly as /angebote/ does with the same parameters."""
    filterset = OfferFilter(request.query_params, queryset=Offer.objects.listed())
    filterset.locate_place()
    paging = PageSizeForm(request.query_params)
    errors = {**filterset.form.errors, **paging.errors}
    if errors:
        return Response(errors, status=400)
    number = filterset.cleaned.get("page") or 1
    per_page = paging.cleaned_data["page_size"] or PAGE_SIZE
    # A page past the widest bound of its sort is refused before anything is counted; the bound of this result
    # (relevance, or title and newest of a large one, stop earlier) once it is counted.
    widest = max_results(filterset.sort_key, large=False)
    if (number - 1) * per_page >= widest:
        return _too_deep(widest)
    results = results_of(filterset, per_page=per_page)
    if results.too_deep:
        return _too_deep(results.max_results)
    page = results.page
    if page.number != number:
        raise NotFound(_("Diese Seite gibt es nicht."))
    return Response(_page_data(request, page, results.total_estimated))


def _too_deep(most: int) -> Response:
    return Response({"page": [TOO_DEEP % {"max": number_format(most, force_grouping=True)}]}, status=400)


def _page_data(request, page, estimated: bool) -> dict:
    url = request.build_absolute_uri()
    context = {"request": request}
    return {
        "count": page.paginator.count,
        "count_estimated": estimated,
        "next": replace_query_param(url, "page", page.next_page_number()) if page.has_next() else None,
        "previous": _previous_url(url, page),
        "results": out.OfferSerializer(page.object_list, many=True, context=context).data,
    }


def _previous_url(url: str, page) -> str | None:
    if not page.has_previous():
        return None
    number = page.previous_page_number()
    return remove_query_param(url, "page") if number == 1 else replace_query_param(url, "page", number)


@extend_schema(responses=out.OfferDetailSerializer)
@api_view(["GET", "HEAD"])
def offer_detail(request, slug: str):
    """A listed offer with its runs that have not ended, its provider, contact, funding programmes and
    vocabularies; 404 for a draft, an archived or an unknown offer."""
    try:
        offer, runs, contacts = public_detail(slug)
    except Http404:
        raise NotFound(_("Dieses Angebot gibt es nicht oder es ist nicht veröffentlicht.")) from None
    offer.public_runs, offer.public_contact = runs, (contacts[0] if contacts else None)
    return Response(out.OfferDetailSerializer(offer, context={"request": request}).data)


class PartnerList(generics.ListAPIView):
    """Active partners of the network, by name."""

    serializer_class = out.PartnerSerializer

    def get_queryset(self):
        return directory_partners()


class PartnerDetail(generics.RetrieveAPIView):
    """An active partner with its services, languages and contact persons (as on its profile page)."""

    serializer_class = out.PartnerDetailSerializer

    def get_object(self):
        partner = public_partner(self.kwargs["slug"]).first()
        if partner is None:
            raise NotFound(_("Diesen Partner gibt es nicht oder er ist nicht mehr aktiv."))
        return partner


class ContactPointList(generics.ListAPIView):
    """The active contact points (Anlaufstellen) of the Lotsennetzwerk, by name."""

    serializer_class = out.PartnerSerializer

    def get_queryset(self):
        return Partner.objects.contact_points()


class FundingList(generics.ListAPIView):
    """Funding programmes, active and former ones (`active`), by name."""

    serializer_class = out.FundingProgrammeSerializer

    def get_queryset(self):
        return FundingProgramme.objects.order_by("name", "pk")


@extend_schema(responses=out.VocabulariesSerializer)
@api_view(["GET", "HEAD"])
def vocabulary_list(request):
    """Every value the offer search's parameters accept, with its German label."""
    return Response(out.VocabulariesSerializer(vocabularies()).data)


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from our own static files, in a page of ours (German, no inline script or style)."""

    template_name = "api/docs.html"
    title = _("Lotsendienst API – Dokumentation")
