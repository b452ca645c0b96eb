"""open-Qcat downloads: the whole catalogue for coordinators, one partner's offers for its editors and coordinators
(docs/import.md). Mounted by ImportLogAdmin.get_urls, so the admin site's login and second-factor checks run first.
Another user's partner is a 404, like any object outside the user's scope."""

from __future__ import annotations

from django.http import Http404, HttpRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers

from offers.imports.openqcat_write import CONTENT_TYPE, openqcat_chunks
from offers.models import Offer
from partners.models import Partner
from partners.scoping import is_coordinator, scope_to_editor


def openqcat_download(offers, *, filename: str) -> StreamingHttpResponse:
    """Streamed offer by offer: the whole catalogue is never in memory (nor in one response body)."""
    response = StreamingHttpResponse(openqcat_chunks(offers), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xml"'
    add_never_cache_headers(response)
    return response


def catalogue_export(request: HttpRequest) -> StreamingHttpResponse:
    if not is_coordinator(request.user):
        raise Http404
    return openqcat_download(Offer.objects.all(), filename="angebote-openqcat")


def partner_export(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    partner = get_object_or_404(scope_to_editor(Partner.objects.all(), request.user, ""), slug=slug)
    return openqcat_download(Offer.objects.filter(provider=partner), filename=f"angebote-{partner.slug}-openqcat")
