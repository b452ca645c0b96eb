from django import forms
from django.http import QueryDict

MAX_BACK_LENGTH = 2000


class BackLinkForm(forms.Form):
    """`suche` carries the search a visitor came from, so the detail page can link back to it.

    Only the search's own parameters survive; anything else in it is dropped.
    """

    suche = forms.CharField(required=False, max_length=MAX_BACK_LENGTH)

    def query_string(self) -> str:
        from offers.filters import OfferFilter

        if not self.is_valid() or not self.cleaned_data["suche"]:
            return ""
        known = set(OfferFilter.base_filters) | {"page"}
        source = QueryDict(self.cleaned_data["suche"])
        query = QueryDict(mutable=True)
        for key in source:
            if key in known:
                query.setlist(key, [value[:200] for value in source.getlist(key)[:30]])
        return "?" + query.urlencode() if query else ""
