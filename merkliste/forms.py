from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from offers.models import Offer

COMPARE_MIN, COMPARE_MAX = 2, 4


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
