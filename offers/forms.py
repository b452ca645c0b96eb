import re

from django import forms
from django.http import QueryDict
from django.urls import reverse

from offers.filters import OfferFilter
from offers.models import FundingProgramme

MAX_BACK_LENGTH = 2000


class BackLinkForm(forms.Form):
    """`suche` carries the search a visitor came from, so the detail page can link back to it; `programm` the
    funding programme whose page the search was on.

    Only the search's own parameters survive; anything else in it is dropped. The link leads to a programme's page
    only for a programme that exists; otherwise to /angebote/.
    """

    suche = forms.CharField(required=False, max_length=MAX_BACK_LENGTH)
    programm = forms.CharField(required=False)

    def clean_programm(self) -> str:
        """Anything but a plausible slug is ignored (the link then leads to /angebote/), never an error that would
        also drop the search."""
        slug = self.cleaned_data["programm"]
        return slug if len(slug) <= 100 and re.fullmatch(r"[-a-zA-Z0-9_]+", slug) else ""

    def back_url(self) -> str:
        slug = self.cleaned_data.get("programm") if self.is_valid() else ""
        if slug and FundingProgramme.objects.filter(slug=slug).exists():
            return reverse("funding:detail", args=[slug]) + self.query_string()
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
