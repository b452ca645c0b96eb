from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from offers.models import FundingProgramme, Offer
from offers.search.results import catalogue_summary
from offers.views import search_context


def funding_list(request: HttpRequest) -> HttpResponse:
    counts = catalogue_summary()  # the search's funding facet: bounded and cached like a search
    programmes = list(FundingProgramme.objects.order_by("name", "pk"))
    for programme in programmes:
        programme.offer_count = counts["facets"]["funding"].get(programme.slug, 0)
    context = {
        "programmes": [p for p in programmes if p.active],
        "former": [p for p in programmes if not p.active],
        "counts_estimated": counts["total_estimated"],
    }
    return render(request, "funding/list.html", context)


def funding_easy(request: HttpRequest) -> HttpResponse:
    """The funding overview in Leichte Sprache: the active programmes with their plain-language explanations."""
    programmes = FundingProgramme.objects.filter(active=True).order_by("name", "pk")
    return render(request, "funding/easy.html", {"programmes": programmes})


def funding_detail(request: HttpRequest, slug: str) -> HttpResponse:
    programme = get_object_or_404(FundingProgramme, slug=slug)
    base = Offer.objects.listed().fundable_by(programme)
    context = search_context(request, base, hide=("funding",), back_to={"programm": programme.slug})
    context["programme"] = programme
    return render(request, "funding/detail.html", context)
