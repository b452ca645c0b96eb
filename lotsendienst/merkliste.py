"""The Merkliste: offers a visitor keeps in the session (no account), and a side-by-side comparison."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from offers.models import Offer

SESSION_KEY = "merkliste"
MAX_ITEMS = 30
COMPARE_MIN, COMPARE_MAX = 2, 4


# --- the list in the session ------------------------------------------------------------------------------
def kept_ids(session) -> list[int]:
    ids = session.get(SESSION_KEY, [])
    return [value for value in ids if isinstance(value, int)] if isinstance(ids, list) else []


def keep(session, offer: Offer) -> None:
    ids = [pk for pk in kept_ids(session) if pk != offer.pk]
    session[SESSION_KEY] = [*ids, offer.pk][-MAX_ITEMS:]


def drop(session, offer: Offer) -> None:
    session[SESSION_KEY] = [pk for pk in kept_ids(session) if pk != offer.pk]


def kept_offers(session) -> list[Offer]:
    """The listed offers on the Merkliste, in the order they were kept; unlisted ones drop out silently."""
    ids = kept_ids(session)
    offers = Offer.objects.listed().filter(pk__in=ids).card_data().in_bulk()
    return [offers[pk] for pk in ids if pk in offers]


# --- forms ------------------------------------------------------------------------------------------------
class OfferForm(forms.Form):
    offer = forms.ModelChoiceField(queryset=Offer.objects.none(), to_field_name="slug")
    next = forms.CharField(required=False)

    def __init__(self, *args, queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        # listed() depends on today's date, so the queryset is built per request.
        self.fields["offer"].queryset = queryset if queryset is not None else Offer.objects.listed()


class CompareForm(forms.Form):
    offer = forms.ModelMultipleChoiceField(
        queryset=Offer.objects.none(),
        to_field_name="slug",
        error_messages={
            "required": gettext_lazy("Bitte wählen Sie zwei bis vier Angebote zum Vergleich."),
            "invalid_choice": gettext_lazy("Ein gewähltes Angebot gibt es nicht mehr."),
            "invalid_pk_value": gettext_lazy("Ein gewähltes Angebot gibt es nicht mehr."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = Offer.objects.listed()

    def clean_offer(self):
        offers = self.cleaned_data["offer"]
        if not COMPARE_MIN <= len(offers) <= COMPARE_MAX:
            raise forms.ValidationError(_("Bitte wählen Sie zwei bis vier Angebote zum Vergleich."))
        return offers

    def chosen(self) -> list[Offer]:
        """The chosen offers with everything the table shows, in the order of the address."""
        slugs = list(dict.fromkeys(self.data.getlist("offer")))
        offers = {offer.slug: offer for offer in self.cleaned_data["offer"].card_data()}
        for offer in offers.values():
            offer.learning_forms = list(dict.fromkeys(run.get_learning_form_display() for run in offer.current_runs))
        return [offers[slug] for slug in slugs if slug in offers]


# --- views ------------------------------------------------------------------------------------------------
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


def compare(request: HttpRequest) -> HttpResponse:
    form = CompareForm(request.GET)
    offers = form.chosen() if form.is_valid() else []
    return render(request, "merkliste/compare.html", {"form": form, "offers": offers})


def _back(request: HttpRequest, form: OfferForm) -> HttpResponse:
    target = form.cleaned_data.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return HttpResponseRedirect(target if safe and target else reverse("merkliste:list"))
