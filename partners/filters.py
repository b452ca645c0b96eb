import django_filters as filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from multilingual.choices import ListedChoiceIterator
from multilingual.text import translated
from multilingual.widgets import FastCheckboxSelectMultiple, MarkedCheckboxSelectMultiple, MarkedSelectMultiple
from partners.models import Language, Partner, Service


class ListedMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = ListedChoiceIterator  # the options without a server-side cursor


class ListedMultipleChoiceFilter(filters.ModelMultipleChoiceFilter):
    field_class = ListedMultipleChoiceField


class PartnerFilter(filters.FilterSet):
    """The public directory's filters; unknown values become form errors, the other filters still apply."""

    q = filters.CharFilter(label=_("Suchbegriff"), method="filter_text", max_length=200)
    kind = filters.MultipleChoiceFilter(
        label=_("Art der Einrichtung"), choices=Partner.Kind.choices, widget=FastCheckboxSelectMultiple
    )
    service = ListedMultipleChoiceFilter(
        label=_("Leistung"),
        field_name="services__slug",
        to_field_name="slug",
        queryset=Service.objects.all(),
        widget=MarkedCheckboxSelectMultiple,
    )
    language = ListedMultipleChoiceFilter(
        label=_("Gesprochene Sprache"),
        field_name="languages__code",
        to_field_name="code",
        queryset=Language.objects.all(),
        widget=MarkedSelectMultiple,
    )
    contact_point = filters.BooleanFilter(
        label=_("nur Anlaufstellen des Lotsennetzwerks"), method="filter_contact_point", widget=forms.CheckboxInput
    )

    class Meta:
        model = Partner
        fields = ["q", "kind", "service", "language", "contact_point"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("service", "language"):  # vocabulary names in the page's language
            self.form.fields[name].label_from_instance = lambda row: translated(row, "name")

    def filter_text(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                Q(name__icontains=word) | Q(description__icontains=word) | Q(city__icontains=word)
            )
        return queryset

    def filter_contact_point(self, queryset, name, value):
        # An unticked box means "all", not "only those that are no contact point".
        return queryset.filter(is_contact_point=True) if value else queryset
