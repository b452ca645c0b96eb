import re

from django import forms
from django.http import QueryDict
from django.urls import reverse

from offers.models import FundingProgramme
from offers.search.filterset import OfferFilter
from partners.models import Partner

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
