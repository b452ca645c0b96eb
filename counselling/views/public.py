from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from counselling.consent import CONSENT_VERSION
from counselling.forms import InquiryForm, InquiryPrefillForm, office_choices
from counselling.ratelimit import hit_and_check
from counselling.services import inquiry_submit


def request_form(request: HttpRequest) -> HttpResponse:
    limited = False
    if request.method == "POST":
        form = InquiryForm(request.POST)
        limited = hit_and_check(request)
        if not limited and form.is_valid():
            if not form.is_spam():
                inquiry_submit(inquiry=form.save(commit=False), base_url=request.build_absolute_uri("/"))
            return redirect("counselling:request_done")
    else:
        form = InquiryForm(initial=InquiryPrefillForm(request.GET).prefill())
    context = {
        "form": form,
        "limited": limited,
        "consent_version": CONSENT_VERSION,
        "has_offices": bool(office_choices()),
    }
    return render(request, "counselling/request_form.html", context, status=429 if limited else 200)


def request_done(request: HttpRequest) -> HttpResponse:
    return render(request, "counselling/request_done.html")
