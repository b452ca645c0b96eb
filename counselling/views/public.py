from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts.ratelimit import RateLimit
from counselling.consent import CONSENT_VERSION
from counselling.forms import InquiryForm, InquiryPrefillForm, office_choices
from counselling.services import inquiry_submit
from offers.demand import note_request
from partners.models import Partner
from places.lookup import locate

# Counts requests that were received (valid and saved), so typing errors never use up a visitor's allowance.
INQUIRIES = RateLimit(scope="inquiry", limit_setting="INQUIRY_RATE_LIMIT")


def request_form(request: HttpRequest) -> HttpResponse:
    limited = False
    if request.method == "POST":
        form = InquiryForm(request.POST)
        limited = INQUIRIES.exceeded(request)
        if not limited and form.is_valid():
            if not form.is_spam():
                inquiry = inquiry_submit(inquiry=form.save(commit=False), base_url=request.build_absolute_uri("/"))
                INQUIRIES.count(request)
                _note_demand(request, inquiry)
            return redirect("counselling:request_done")
    else:
        form = InquiryForm(initial=InquiryPrefillForm(request.GET).prefill())
    context = {
        "form": form,
        "limited": limited,
        "offices_to_call": _offices_to_call(form) if limited else [],
        "consent_version": CONSENT_VERSION,
        "has_offices": bool(office_choices()),
    }
    return render(request, "counselling/request_form.html", context, status=429 if limited else 200)


def _note_demand(request: HttpRequest, inquiry) -> None:
    """The request's topic, kind and district (never the postcode) go to the network's demand record."""
    place = locate(inquiry.postcode) if inquiry.postcode else None
    note_request(request=request, facts={"topic": inquiry.topic, "who": inquiry.kind}, place=place)


def _offices_to_call(form: InquiryForm):
    """For a visitor over the limit: the office they chose, else every contact point, to phone or write to."""
    form.is_valid()
    chosen = form.cleaned_data.get("office")
    return [chosen] if chosen else list(Partner.objects.contact_points())


def request_done(request: HttpRequest) -> HttpResponse:
    return render(request, "counselling/request_done.html")
