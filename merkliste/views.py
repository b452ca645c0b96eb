"""The Merkliste page, keeping and dropping offers, and the side-by-side comparison."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from merkliste.forms import CompareForm, OfferForm
from merkliste.session import drop, keep, kept_offers
from offers.calendar import CONTENT_TYPE, runs_calendar
from offers.cost_estimates import offer_estimates
from offers.forms import CostForm
from offers.models import Offer


def merkliste(request: HttpRequest) -> HttpResponse:
    return render(request, "merkliste/list.html", {"offers": kept_offers(request.session)})


@require_POST
def add(request: HttpRequest) -> HttpResponse:
    form = OfferForm(request.POST)
    if not form.is_valid():
        raise Http404(_("Dieses Angebot gibt es nicht oder nicht mehr."))
    offer = form.cleaned_data["offer"]
    keep(request.session, offer)
    messages.success(request, _("„%(title)s“ steht jetzt auf Ihrer Merkliste.") % {"title": offer.title})
    return _back(request, form)


@require_POST
def remove(request: HttpRequest) -> HttpResponse:
    # Any offer may leave the list, also one that is no longer published; nothing about it is shown.
    form = OfferForm(request.POST, queryset=Offer.objects.all())
    if not form.is_valid():
        raise Http404(_("Dieses Angebot gibt es nicht oder nicht mehr."))
    drop(request.session, form.cleaned_data["offer"])
    messages.success(request, _("Das Angebot wurde von Ihrer Merkliste entfernt."))
    return _back(request, form)


@never_cache  # the visitor's own list: no shared cache may keep it
def calendar(request: HttpRequest) -> HttpResponse:
    """The current runs of the offers on the Merkliste as one iCalendar file."""
    offers = [(offer, offer.current_runs) for offer in kept_offers(request.session)]
    response = HttpResponse(runs_calendar(offers, name=_("Meine Merkliste"), request=request), CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="merkliste-termine.ics"'
    return response


def compare(request: HttpRequest) -> HttpResponse:
    form = CompareForm(request.GET)
    offers = form.chosen() if form.is_valid() else []
    costs = CostForm(request.GET if set(request.GET) & set(CostForm.base_fields) else None)
    situation = costs.situation()
    for offer in offers:
        offer.estimates = offer_estimates(offer, situation)
    context = {"form": form, "offers": offers, "cost_form": costs, "chosen": request.GET.getlist("offer")}
    return render(request, "merkliste/compare.html", context)


def _back(request: HttpRequest, form: OfferForm) -> HttpResponse:
    target = form.cleaned_data.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return HttpResponseRedirect(target if safe and target else reverse("merkliste:list"))
