"""The public in-house request form of an offer marked "auch als Inhouse-Schulung"."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from accounts.ratelimit import RateLimit
from counselling.inhouse import inhouse_submit
from counselling.inhouse_forms import INHOUSE_CONSENT_VERSION, InhouseRequestForm
from offers.models import InhouseRequest, Offer

# Counts requests that were received, like the counselling request form (the same setting).
INHOUSE_REQUESTS = RateLimit(scope="inhouse", limit_setting="INQUIRY_RATE_LIMIT")


@never_cache  # the form comes back with the company's contact data
def inhouse_request(request: HttpRequest, slug: str) -> HttpResponse:
    offer = get_object_or_404(
        Offer.objects.listed().filter(inhouse_possible=True).select_related("provider"), slug=slug
    )
    form = InhouseRequestForm(request.POST or None, instance=InhouseRequest(offer=offer))
    limited = request.method == "POST" and INHOUSE_REQUESTS.exceeded(request)
    if request.method == "POST" and not limited and form.is_valid():
        if not form.is_spam():
            base_url = request.build_absolute_uri("/")
            inhouse_submit(request=form.save(commit=False), consent_version=INHOUSE_CONSENT_VERSION, base_url=base_url)
            INHOUSE_REQUESTS.count(request)
        return redirect("counselling:inhouse_done")
    context = {"offer": offer, "form": form, "limited": limited}
    return render(request, "counselling/inhouse_form.html", context, status=429 if limited else 200)


def inhouse_done(request: HttpRequest) -> HttpResponse:
    return render(request, "counselling/inhouse_done.html")
