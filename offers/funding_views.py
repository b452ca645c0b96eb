from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from offers.models import FundingProgramme, Offer
from offers.models.offer import listed_q
from offers.views import search_context


def funding_list(request: HttpRequest) -> HttpResponse:
    listed = listed_q("offers__")
    programmes = FundingProgramme.objects.annotate(offer_count=Count("offers", filter=listed)).order_by("name", "pk")
    context = {
        "programmes": [p for p in programmes if p.active],
        "former": [p for p in programmes if not p.active],
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
