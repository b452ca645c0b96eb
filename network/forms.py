from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Region

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class GapFilterForm(forms.Form):
    start = forms.DateField(label=_("von"), required=False, widget=DATE)
    end = forms.DateField(label=_("bis"), required=False, widget=DATE)
    region = forms.ModelChoiceField(
        queryset=Region.objects.all(), to_field_name="slug", required=False, label=_("Region"),
        empty_label=_("alle Regionen"),
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Das Ende darf nicht vor dem Beginn liegen."))
        return data

    def choice(self):
        """(start, end, region slug or None); the last twelve months and every region where input is missing or bad."""
        today = timezone.localdate()
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        start = data.get("start") or today - timedelta(days=365)
        end = data.get("end") or today
        region = data.get("region")
        return start, end, region.slug if region else None


class FiguresForm(forms.Form):
    year = forms.IntegerField(label=_("Jahr"), min_value=2000, max_value=2100, required=False,
                              error_messages={"invalid": _("Bitte ein Jahr wie 2026 angeben.")})  # fmt: skip
    quarter = forms.TypedChoiceField(
        label=_("Quartal"), coerce=int, required=False, empty_value=None,
        choices=[("", _("ganzes Jahr")), (1, _("1. Quartal")), (2, _("2. Quartal")), (3, _("3. Quartal")),
                 (4, _("4. Quartal"))],
    )  # fmt: skip

    def choice(self):
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return data.get("year") or timezone.localdate().year, data.get("quarter")
