import re

from django import forms
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from offers.filters import PLACE_NOT_FOUND, OfferFilter
from offers.models import FundingProgramme
from partners.models import Partner
from places.lookup import locate

MAX_BACK_LENGTH = 2000


def _plausible_slug(slug: str) -> str:
    """Anything but a plausible slug is ignored (the link then leads to /angebote/), never an error that would also
    drop the search."""
    return slug if len(slug) <= 100 and re.fullmatch(r"[-a-zA-Z0-9_]+", slug) else ""


class BackLinkForm(forms.Form):
    """`suche` carries the search a visitor came from, so the detail page can link back to it; `programm` the
    funding programme and `partner` the partner whose page the search was on.

    Only the search's own parameters survive; anything else in it is dropped. The link leads to a programme's or
    partner's page only for one that exists; otherwise to /angebote/.
    """

    suche = forms.CharField(required=False, max_length=MAX_BACK_LENGTH)
    programm = forms.CharField(required=False)
    partner = forms.CharField(required=False)

    def clean_programm(self) -> str:
        return _plausible_slug(self.cleaned_data["programm"])

    def clean_partner(self) -> str:
        return _plausible_slug(self.cleaned_data["partner"])

    def back_url(self) -> str:
        data = self.cleaned_data if self.is_valid() else {}
        programme, partner = data.get("programm"), data.get("partner")
        if programme and FundingProgramme.objects.filter(slug=programme).exists():
            return reverse("funding:detail", args=[programme]) + self.query_string()
        if partner and Partner.objects.active().filter(slug=partner).exists():
            return reverse("partners:detail", args=[partner]) + self.query_string()
        return reverse("offers:search") + self.query_string()

    def query_string(self) -> str:
        if not self.is_valid() or not self.cleaned_data["suche"]:
            return ""
        known = set(OfferFilter.base_filters) | {"page"}
        source = QueryDict(self.cleaned_data["suche"])
        query = QueryDict(mutable=True)
        for key in source:
            if key in known:
                query.setlist(key, [value[:200] for value in source.getlist(key)[:30]])
        return "?" + query.urlencode() if query else ""


class PlaceForm(forms.Form):
    """`near`: a postcode or town for "next runs near me"; an unknown place is an error next to the field."""

    near = forms.CharField(label=_("Postleitzahl oder Ort"), required=False, max_length=60)

    def clean_near(self):
        near = " ".join(self.cleaned_data["near"].split())
        if not near:
            return None
        place = locate(near)
        if place is None:
            raise forms.ValidationError(PLACE_NOT_FOUND)
        return place

    def place(self):
        return self.cleaned_data.get("near") if self.is_valid() else None
