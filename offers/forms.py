import re

from django import forms
from django.http import QueryDict
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from offers.costs import Situation as CostSituation
from offers.costs import Status
from offers.models import FundingProgramme
from offers.search.filterset import PLACE_NOT_FOUND, OfferFilter
from partners.models import Partner
from places.lookup import locate

MAX_BACK_LENGTH = 2000
COST_STATUS_CHOICES = [
    (Status.EMPLOYED, _("beschäftigt, mit Berufsabschluss")),
    (Status.UNQUALIFIED, _("beschäftigt, ohne Berufsabschluss")),
    (Status.JOBSEEKER, _("arbeitsuchend")),
]


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
            raise forms.ValidationError(PLACE_NOT_FOUND % {"query": near})
        return place

    def place(self):
        return self.cleaned_data.get("near") if self.is_valid() else None


def _whole_number(label, low: int, high: int, message):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=low,
        max_value=high,
        error_messages={"invalid": message, "min_value": message, "max_value": message},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
    )


# CostForm.fields_html() of an unanswered form, by language.
_UNANSWERED_FIELDS: dict[str, SafeString] = {}


class CostForm(forms.Form):
    """The visitor's situation for the cost in euros (GET, nothing stored). A garbled answer is an error next to its
    field and counts as not answered; the estimate is shown all the same."""

    betrieb = _whole_number(
        _("Beschäftigte im Betrieb"), 1, 1_000_000, _("Bitte eine Zahl von 1 bis 1.000.000 angeben, z. B. 40.")
    )
    alter = _whole_number(_("Alter"), 14, 99, _("Bitte ein Alter von 14 bis 99 Jahren angeben."))
    status = forms.ChoiceField(
        label=_("Beschäftigungsstatus"),
        required=False,
        choices=[("", _("keine Angabe")), *COST_STATUS_CHOICES],
        error_messages={"invalid_choice": _("Bitte einen der angebotenen Werte wählen.")},
    )
    lohn = forms.DecimalField(
        label=_("Bruttolohn im Monat in Euro (freiwillig)"),
        required=False,
        min_value=0,
        max_value=100_000,
        decimal_places=2,
        localize=True,
        error_messages={
            "invalid": _("Bitte einen Betrag in Euro angeben, z. B. 2800 oder 2800,50."),
            "min_value": _("Bitte einen Betrag von 0 bis 100.000 € angeben."),
            "max_value": _("Bitte einen Betrag von 0 bis 100.000 € angeben."),
            "max_decimal_places": _("Bitte höchstens zwei Stellen nach dem Komma angeben."),
            "max_digits": _("Bitte einen Betrag von 0 bis 100.000 € angeben."),
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 8}),
    )

    def fields_html(self) -> SafeString:
        """The fields as each one's field group renders them. Unanswered (nearly every visit to an offer page) the
        form is the same on every offer page of a language, so this process renders it once per language: four field
        groups in Django's form templates were a fifth of a cold offer page's time."""
        if self.is_bound:
            return self._render_fields()
        language = get_language()
        if language not in _UNANSWERED_FIELDS:
            _UNANSWERED_FIELDS[language] = self._render_fields()
        return _UNANSWERED_FIELDS[language]

    def _render_fields(self) -> SafeString:
        return mark_safe("".join(self[name].as_field_group() for name in self.fields))  # noqa: S308 (Django's own)

    def situation(self) -> CostSituation:
        if not self.is_bound:
            return CostSituation()
        self.is_valid()
        data = self.cleaned_data
        return CostSituation(
            employees=data.get("betrieb"),
            age=data.get("alter"),
            status=data.get("status") or None,
            monthly_wage=data.get("lohn"),
        )
