"""The public URL parameters of the offer search and their form: `OfferFilter`.

Parameter names are the public URL contract (docs/urls.md). The FilterSet validates them and turns them into
`query.Criteria`; what the criteria select is `offers.search.query`'s job, what they count `counting`'s.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from multilingual.text import Text, translated
from multilingual.widgets import FastSelect
from offers import vocabulary_rows
from offers.models import FundingProgramme, Offer, QualificationStep, Run, Sector, TargetGroup
from offers.models.offer import PRICE_BAND_CHOICES
from offers.search.query import DEFAULT_RADIUS, FILTERS, Criteria, filtered, ordered, sort_key, sort_names
from partners.models import Language
from places.lookup import find_places, label

MAX_VALUES = 30
MAX_PAGE = 100_000
PLACE_NOT_FOUND = _(
    "Zu „%(query)s“ haben wir keinen Ort gefunden. Bitte eine Postleitzahl oder einen Ortsnamen eingeben, z. B. 70173 "
    "oder Stuttgart."
)
PLACE_AMBIGUOUS = _(
    "„%(query)s“ passt zu mehreren Orten: %(towns)s. Bitte einen davon wählen oder die Postleitzahl angeben."
)
RADIUS_CHOICES = [(5, "5 km"), (10, "10 km"), (25, "25 km"), (50, "50 km"), (100, "100 km")]
SORT_LABELS = {
    "relevance": _("Relevanz"),
    "start": _("nächster Beginn"),
    "newest": _("neueste"),
    "title": _("Titel"),
    "distance": _("Entfernung"),
}
VOCABULARIES = {"level": QualificationStep, "next": QualificationStep, "sector": Sector,
                "funding": FundingProgramme, "target_group": TargetGroup, "language": Language}  # fmt: skip


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the known values and drops unknown ones, so an outdated bookmark still searches what it can."""

    def clean(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        known = {str(key) for key, _label in self.choices}
        kept = list(dict.fromkeys(str(v) for v in values[:MAX_VALUES] if str(v) in known))
        return kept


class LenientMultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    field_class = LenientMultipleChoiceField


class RadiusSelect(FastSelect):
    """Shows the default radius as chosen when the visitor has not picked one."""

    def format_value(self, value):
        return super().format_value(DEFAULT_RADIUS if value in (None, "", []) else value)


class SearchForm(forms.Form):
    """Base form of the FilterSet; adds the page number, which filters nothing."""

    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def clean(self):
        cleaned = super().clean()
        start_from, start_until = cleaned.get("start_from"), cleaned.get("start_until")
        if start_from and start_until and start_until < start_from:
            self.add_error("start_until", _("Das Enddatum liegt vor dem Anfangsdatum."))
        return cleaned


def _vocab(model) -> tuple[list[tuple[str, Text]], dict[int, str]]:
    """(slug, name in the page's language) choices and {id: slug} of a vocabulary (the process's copy of it)."""
    rows = vocabulary_rows.shown(model)
    slug = "code" if model is Language else "slug"
    return [(getattr(row, slug), translated(row, "name")) for row in rows], {row.pk: getattr(row, slug) for row in rows}


def _choice(label, choices=None):
    return LenientMultipleChoiceFilter(label=label, method="filter_nothing", choices=choices or [])


def _checkbox(label):
    return django_filters.BooleanFilter(label=label, method="filter_nothing", widget=forms.CheckboxInput)


class OfferFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Suchbegriff"),
        method="filter_nothing",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("z. B. Mechatroniker, Pflege, Deutsch")}),
    )
    level = _choice(_("Offen für (meine Stufe)"))
    next = _choice(_("Führt zu (nächste Stufe)"))
    sector = _choice(_("Branche"))
    funding = _choice(_("Förderprogramm"))
    kind = _choice(_("Art des Angebots"), Offer.Kind.choices)
    target_group = _choice(_("Zielgruppe"))
    learning_form = _choice(_("Lernform"), Run.LearningForm.choices)
    schedule = _choice(_("Zeitform"), Run.Schedule.choices)
    duration = _choice(_("Dauer"), Run.DurationBand.choices)
    price = _choice(_("Preis"), PRICE_BAND_CHOICES)
    language = _choice(_("Unterrichtssprache"))
    azav = _checkbox(_("AZAV-zugelassen (Bildungsgutschein möglich)"))
    free = _checkbox(_("kostenlos"))
    near = django_filters.CharFilter(label=_("Postleitzahl oder Ort"), method="filter_nothing", max_length=60)
    radius = django_filters.TypedChoiceFilter(
        label=_("Umkreis"),
        choices=RADIUS_CHOICES,
        coerce=int,
        empty_value=None,
        method="filter_nothing",
        widget=RadiusSelect,
    )
    start_from = django_filters.DateFilter(
        label=_("Beginn ab"), method="filter_nothing", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start_until = django_filters.DateFilter(
        label=_("Beginn bis"),
        method="filter_nothing",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sortierung"),
        choices=list(SORT_LABELS.items()),
        method="filter_nothing",
        empty_label=None,
        widget=FastSelect,
    )

    class Meta:
        model = Offer
        fields: list[str] = []
        form = SearchForm

    def __init__(self, *args, hide: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        # Facet counts come back by id: the slug of each id, per vocabulary parameter.
        self.slugs = {}
        loaded = {}
        for name, model in VOCABULARIES.items():
            if model not in loaded:
                loaded[model] = _vocab(model)
            self.filters[name].extra["choices"], self.slugs[name] = loaded[model]
        self.hidden = hide
        self.place = None
        self.place_search = None  # places.lookup.PlaceSearch of `near`, once looked up
        self._located = False

    def filter_nothing(self, queryset, name, value):
        # Never called: filter_queryset hands the whole search to offers.search.query.
        return queryset

    @property
    def cleaned(self) -> dict:
        self.errors  # noqa: B018 - validates the form once
        return getattr(self.form, "cleaned_data", {})

    def locate_place(self):
        """The Postcode row for `near`, looked up once; an unknown place, or a name several towns of similar size
        share, becomes a form error (the towns are offered, docs/urls.md)."""
        near = self.cleaned.get("near")
        if not near or self._located:
            return self.place
        self._located = True
        self.place_search = find_places(near)
        self.place = self.place_search.place
        if self.place_search.not_found:
            self.form.add_error("near", PLACE_NOT_FOUND % {"query": near})
        elif self.place_search.ambiguous:
            towns = ", ".join(label(row) for row in self.place_search.alternatives)
            self.form.add_error("near", PLACE_AMBIGUOUS % {"query": near, "towns": towns})
        return self.place

    @property
    def place_unresolved(self) -> str:
        """What was typed for a place that was not found or not yet chosen among several towns; "" otherwise."""
        if self.place_search is None or self.place is not None:
            return ""
        return self.place_search.query

    @cached_property
    def criteria(self) -> Criteria:
        data = self.cleaned
        chosen = {name: data[name] for name in FILTERS if data.get(name) not in (None, "", [], False)}
        return Criteria(
            filters={name: self.chosen_ids(name, value) for name, value in chosen.items()},
            q=data.get("q") or "",
            place=self.locate_place(),
            place_unresolved=self.place_unresolved,
            radius=data.get("radius") or DEFAULT_RADIUS,
            start_from=data.get("start_from"),
            start_until=data.get("start_until"),
            sort=data.get("sort") or "",
        )

    def chosen_ids(self, name: str, values):
        """The vocabulary ids of chosen slugs (the choices were loaded with them); other values pass unchanged."""
        if name not in self.slugs:
            return values
        ids = {slug: pk for pk, slug in self.slugs[name].items()}
        return [ids[slug] for slug in values if slug in ids]

    def filter_queryset(self, queryset):
        return filtered(queryset, self.criteria)

    @property
    def sort_key(self) -> str:
        return sort_key(self.criteria)

    def sort_options(self) -> list[tuple[str, str]]:
        return [(name, SORT_LABELS[name]) for name in sort_names(self.criteria)]

    def ordered(self, *, large: bool = False, expected: int = 0):
        return ordered(self.qs, self.criteria, large=large, expected=expected)

    def unplaced(self):
        """The search without its place: what offers.search.nearest tests the offers nearest the place against."""
        return filtered(self.queryset, self.criteria, skip=frozenset({"near"}))
