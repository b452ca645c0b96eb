"""Forms of the needs matching on the desk: the radius, a suggestion taken into a case, a person put forward."""

from django import forms
from django.utils.translation import gettext_lazy as _

from counselling.matching import DEFAULT_RADIUS_KM, MAX_RADIUS_KM
from counselling.models import Case, ClientKind, Need
from offers.models import Offer


class RadiusForm(forms.Form):
    umkreis = forms.IntegerField(
        label=_("Umkreis in km"),
        min_value=1,
        max_value=MAX_RADIUS_KM,
        required=False,
        error_messages={"invalid": _("Bitte eine ganze Zahl von Kilometern angeben.")},
        widget=forms.NumberInput(attrs={"class": "narrow"}),
    )

    def radius(self) -> int:
        if self.is_bound and self.is_valid() and self.cleaned_data["umkreis"]:
            return self.cleaned_data["umkreis"]
        return DEFAULT_RADIUS_KM


def open_person_cases(user):
    return Case.objects.visible_to(user).open().filter(client_kind=ClientKind.PERSON, anonymised_at__isnull=True)


class SuggestionForm(forms.Form):
    """Take a suggested offer into one of the company's open cases, as a referral or as a plan step."""

    REFERRAL, PLAN = "referral", "plan"
    need = forms.ModelChoiceField(queryset=Need.objects.none(), widget=forms.HiddenInput)
    offer = forms.ModelChoiceField(queryset=Offer.objects.listed(), widget=forms.HiddenInput)
    case = forms.ModelChoiceField(queryset=Case.objects.none(), label=_("Fall"))
    action = forms.ChoiceField(choices=[(REFERRAL, _("als Vermittlung")), (PLAN, _("als Planschritt"))])

    def __init__(self, *args, company, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].queryset = Need.objects.filter(analysis__company=company)
        self.fields["case"].queryset = (
            Case.objects.visible_to(user).open().filter(company=company, anonymised_at__isnull=True)
        )


class PutForwardForm(forms.Form):
    """Propose a person of the office (an open case) to a company's need."""

    need = forms.ModelChoiceField(queryset=Need.objects.none(), widget=forms.HiddenInput)
    case = forms.ModelChoiceField(queryset=Case.objects.none(), widget=forms.HiddenInput)

    def __init__(self, *args, needs, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].queryset = needs
        self.fields["case"].queryset = open_person_cases(user)
