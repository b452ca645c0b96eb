from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts.ratelimit import RateLimit
from counselling.consent import CONSENT_VERSION
from counselling.forms import InquiryForm, InquiryPrefillForm
from counselling.services import inquiry_submit
from partners.models import Partner

# Counts requests that were received (valid and saved), so typing errors never use up a visitor's allowance.
INQUIRIES = RateLimit(scope="inquiry", limit_setting="INQUIRY_RATE_LIMIT")


def request_form(request: HttpRequest) -> HttpResponse:
    limited = False
    if request.method == "POST":
        form = InquiryForm(request.POST)
        limited = INQUIRIES.exceeded(request)
        if not limited and form.is_valid():
            if not form.is_spam():
                inquiry_submit(inquiry=form.save(commit=False), base_url=request.build_absolute_uri("/"))
                INQUIRIES.count(request)
            return redirect("counselling:request_done")
    else:
        form = InquiryForm(initial=InquiryPrefillForm(request.GET).prefill())
    context = {
        "form": form,
        "limited": limited,
        "offices_to_call": _offices_to_call(form) if limited else [],
        "consent_version": CONSENT_VERSION,
        "has_offices": Partner.objects.contact_points().taking_requests().exists(),
    }
    return render(request, "counselling/request_form.html", context, status=429 if limited else 200)


def _offices_to_call(form: InquiryForm):
    """For a visitor over the limit: the office they chose, else every contact point, to phone or write to."""
    form.is_valid()
    chosen = form.cleaned_data.get("office")
    return [chosen] if chosen else list(Partner.objects.contact_points())


def request_done(request: HttpRequest) -> HttpResponse:
    return render(request, "counselling/request_done.html")
