import django_filters
from django.utils.translation import gettext_lazy as _

from counselling.forms import german_blank_choices
from counselling.models import Case
from counselling.selectors import counsellors_of
from offers.models import QualificationStep, TargetGroup


class CaseFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Case.Status.choices)
    step = django_filters.ModelChoiceFilter(
        label=_("Stufe"), queryset=QualificationStep.objects.all(), to_field_name="slug"
    )
    target_group = django_filters.ModelChoiceFilter(
        label=_("Zielgruppe"), queryset=TargetGroup.objects.all(), to_field_name="slug"
    )
    counsellor = django_filters.ModelChoiceFilter(label=_("Beratung durch"), queryset=None)

    class Meta:
        model = Case
        fields = ["status", "step", "target_group", "counsellor"]

    def __init__(self, *args, offices, **kwargs):
        super().__init__(*args, **kwargs)
        # Deactivated counsellors stay in the filter so their remaining cases can be found and handed over.
        self.filters["counsellor"].queryset = counsellors_of(*offices, include_inactive=True)

    @property
    def form(self):
        form = super().form
        german_blank_choices(form)
        return form
