"""The company's private page with the provider's answer to its in-house request (no account: the link's token)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from offers.models import InhouseRequest


@never_cache  # the company's contact data and the offered price: no shared cache may keep it
def inhouse_answer(request: HttpRequest, token: str) -> HttpResponse:
    inhouse = InhouseRequest.objects.by_token(token)
    if inhouse is None:
        raise Http404
    if inhouse.expired:
        return render(request, "offers/inhouse_expired.html", {"inhouse": inhouse}, status=410)
    return render(request, "offers/inhouse_answer.html", {"inhouse": inhouse})
