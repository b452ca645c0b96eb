"""The offer search: one FilterSet for /angebote/ and the funding pages, with facet counts.

Parameter names are the public URL contract (docs/urls.md): q, level, next, sector, funding, kind, target_group,
near, radius, start_from, start_until, free, sort, page; plus learning_form, schedule and azav.
OR within one parameter, AND across parameters.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass

import django_filters
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from multilingual.columns import column_name, other_languages
from multilingual.text import Text, translated
from offers.facets import BOOLEAN_FACETS, facet_condition, facet_counts
from offers.models import (
    SAMPLE_RANGE,
    CatalogueVersion,
    FundingProgramme,
    Offer,
    QualificationStep,
    Run,
    SearchSummary,
    Sector,
    TargetGroup,
)
from places.lookup import locate

MAX_VALUES = 30
PLACE_NOT_FOUND = _("Postleitzahl nicht gefunden. Bitte eine fünfstellige Postleitzahl oder einen Ortsnamen eingeben.")
RADIUS_CHOICES = [(5, "5 km"), (10, "10 km"), (25, "25 km"), (50, "50 km"), (100, "100 km")]
DEFAULT_RADIUS = 25
SORTS = {
    "relevance": (F("rank").desc(), F("next_start").asc(nulls_last=True), "pk"),
    "start": (F("next_start").asc(nulls_last=True), "pk"),
    "newest": ("-created_at", "pk"),
    "title": ("title", "pk"),
    "distance": (F("distance_km").asc(nulls_last=True), "pk"),
}
SORT_LABELS = {
    "relevance": _("Relevanz"),
    "start": _("nächster Beginn"),
    "newest": _("neueste"),
    "title": _("Titel"),
    "distance": _("Entfernung"),
}
# Filters whose options are counted, in the order the page shows them.
FACETS = ["level", "next", "sector", "funding", "kind", "target_group", "learning_form", "schedule", "azav", "free"]
SUMMARY_SECONDS = 3600


def _size(queryset) -> int:
    """How many offers the search's queryset holds: the planner's estimate on PostgreSQL (counting a catalogue of
    a million offers exactly is what sampling avoids)."""
    if connection.vendor != "postgresql":
        return queryset.count()
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


def _fraction(size: float) -> float:
    """The share of the offers to count (a multiple of 1 / SAMPLE_RANGE) for a base of about `size` offers."""
    if size <= settings.SEARCH_SAMPLE_ABOVE:
        return 1.0
    return max(1, math.ceil(SAMPLE_RANGE * settings.SEARCH_SAMPLE_SIZE / size)) / SAMPLE_RANGE


def _sampled(queryset, fraction: float):
    return queryset if fraction >= 1 else queryset.filter(sample__lt=round(fraction * SAMPLE_RANGE))


def estimate(sampled: int, fraction: float) -> int:
    """A count on a sample of `fraction` of the offers, scaled up and rounded to two significant digits (exact
    when nothing was sampled)."""
    if fraction >= 1 or not sampled:
        return sampled
    scaled = round(sampled / fraction)
    return round(scaled, -max(len(str(scaled)) - 2, 0))


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the known values and drops unknown ones, so an outdated bookmark still searches what it can."""

    def clean(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        known = {str(key) for key, _label in self.choices}
        kept = list(dict.fromkeys(str(v) for v in values[:MAX_VALUES] if str(v) in known))
        return kept


class LenientMultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    field_class = LenientMultipleChoiceField


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    estimated: bool = False  # counted on a sample of a very large result (SEARCH_SAMPLE_ABOVE), rounded


@dataclass
class Facet:
    name: str
    label: str
    options: list[Option]
    boolean: bool = False


class RadiusSelect(forms.Select):
    """Shows the default radius as chosen when the visitor has not picked one."""

    def format_value(self, value):
        return super().format_value(DEFAULT_RADIUS if value in (None, "", []) else value)


class SearchForm(forms.Form):
    """Base form of the FilterSet; adds the page number, which filters nothing."""

    page = forms.IntegerField(required=False, min_value=1, max_value=100_000)

    def clean(self):
        cleaned = super().clean()
        start_from, start_until = cleaned.get("start_from"), cleaned.get("start_until")
        if start_from and start_until and start_until < start_from:
            self.add_error("start_until", _("Das Enddatum liegt vor dem Anfangsdatum."))
        return cleaned


def _vocab(model, **filters) -> tuple[list[tuple[str, Text]], dict[int, str]]:
    """(slug, name in the page's language) choices and {id: slug} of a vocabulary, from one query."""
    names = ["name", *(column_name("name", code) for code, _name in other_languages())]
    rows = list(model.objects.filter(**filters).only("pk", "slug", *names))
    return [(row.slug, translated(row, "name")) for row in rows], {row.pk: row.slug for row in rows}


def _label(label) -> str:
    """A vocabulary's Text keeps its language (the template marks German fallbacks); lazy labels become str."""
    return label if isinstance(label, Text) else str(label)


class OfferFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Suchbegriff"),
        method="filter_q",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("z. B. Mechatroniker, Pflege, Deutsch")}),
    )
    level = LenientMultipleChoiceFilter(label=_("Offen für (meine Stufe)"), method="filter_level")
    next = LenientMultipleChoiceFilter(label=_("Führt zu (nächste Stufe)"), method="filter_next")
    sector = LenientMultipleChoiceFilter(label=_("Branche"), method="filter_sector")
    funding = LenientMultipleChoiceFilter(label=_("Förderprogramm"), method="filter_funding")
    kind = LenientMultipleChoiceFilter(label=_("Art des Angebots"), method="filter_kind", choices=Offer.Kind.choices)
    target_group = LenientMultipleChoiceFilter(label=_("Zielgruppe"), method="filter_target_group")
    learning_form = LenientMultipleChoiceFilter(
        label=_("Lernform"), method="filter_learning_form", choices=Run.LearningForm.choices
    )
    schedule = LenientMultipleChoiceFilter(label=_("Zeitform"), method="filter_schedule", choices=Run.Schedule.choices)
    azav = django_filters.BooleanFilter(
        label=_("AZAV-zugelassen (Bildungsgutschein möglich)"), method="filter_azav", widget=forms.CheckboxInput
    )
    free = django_filters.BooleanFilter(label=_("kostenlos"), method="filter_free", widget=forms.CheckboxInput)
    near = django_filters.CharFilter(label=_("Postleitzahl oder Ort"), method="filter_nothing", max_length=60)
    radius = django_filters.TypedChoiceFilter(
        label=_("Umkreis"),
        choices=RADIUS_CHOICES,
        coerce=int,
        empty_value=None,
        method="filter_nothing",
        widget=RadiusSelect,
    )
    start_from = django_filters.DateFilter(label=_("Beginn ab"), method="filter_nothing")
    start_until = django_filters.DateFilter(label=_("Beginn bis"), method="filter_nothing")
    sort = django_filters.ChoiceFilter(
        label=_("Sortierung"), choices=list(SORT_LABELS.items()), method="filter_nothing", empty_label=None
    )

    class Meta:
        model = Offer
        fields: list[str] = []
        form = SearchForm

    def __init__(self, *args, hide: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        steps, step_slugs = _vocab(QualificationStep)
        self.filters["level"].extra["choices"] = steps
        self.filters["next"].extra["choices"] = steps
        self.filters["sector"].extra["choices"], sector_slugs = _vocab(Sector)
        self.filters["funding"].extra["choices"], funding_slugs = _vocab(FundingProgramme, active=True)
        self.filters["target_group"].extra["choices"], group_slugs = _vocab(TargetGroup)
        # Facet counts come back by id: the slug of each id, per facet.
        self.slugs = {"level": step_slugs, "next": step_slugs, "sector": sector_slugs, "funding": funding_slugs,
                      "target_group": group_slugs}  # fmt: skip
        for name in ("start_from", "start_until"):
            self.filters[name].extra["widget"] = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        self.hidden = hide
        self.place = None
        self._located = False
        self._summary = None

    # --- filter methods: each delegates to one OfferQuerySet method ---------------------------------------
    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_level(self, queryset, name, value):
        return queryset.for_level(self._chosen_ids(name, value))

    def filter_next(self, queryset, name, value):
        return queryset.leading_to(self._chosen_ids(name, value))

    def filter_sector(self, queryset, name, value):
        return queryset.in_sectors(self._chosen_ids(name, value))

    def filter_funding(self, queryset, name, value):
        return queryset.fundable_by(self._chosen_ids(name, value))

    def filter_kind(self, queryset, name, value):
        return queryset.of_kind(value)

    def filter_target_group(self, queryset, name, value):
        return queryset.for_target_groups(self._chosen_ids(name, value))

    def filter_learning_form(self, queryset, name, value):
        return queryset.with_learning_form(value)

    def filter_schedule(self, queryset, name, value):
        return queryset.with_schedule(value)

    def filter_azav(self, queryset, name, value):
        return queryset.azav_approved() if value else queryset

    def filter_free(self, queryset, name, value):
        return queryset.free() if value else queryset

    def filter_nothing(self, queryset, name, value):
        # near/radius, dates and sort work together; filter_queryset applies them.
        return queryset

    def _chosen_ids(self, name: str, slugs: list[str]):
        """The vocabulary ids of chosen slugs (the choices were loaded with them); other values pass unchanged."""
        if name not in self.slugs:
            return slugs
        ids = {slug: pk for pk, slug in self.slugs[name].items()}
        return [ids[slug] for slug in slugs if slug in ids]

    # --- composing ---------------------------------------------------------------------------------------
    @property
    def cleaned(self) -> dict:
        self.errors  # noqa: B018 - validates the form once
        return getattr(self.form, "cleaned_data", {})

    def filter_queryset(self, queryset):
        return self._filtered(queryset, skip=set())

    def filter_except(self, queryset, skip: str | None):
        """All filters but `skip` ("start" for both dates, "near" for the place)."""
        return self._filtered(queryset, skip={skip} if skip else set())

    def _filtered(self, queryset, skip: set[str]):
        for name, value in self.cleaned.items():
            if name not in skip and name in self.filters:
                queryset = self.filters[name].filter(queryset, value)
        data = self.cleaned
        if "start" not in skip and (data.get("start_from") or data.get("start_until")):
            queryset = queryset.starting_between(data.get("start_from"), data.get("start_until"))
        if "near" not in skip:
            queryset = self._filter_near(queryset)
        return queryset

    def _filter_near(self, queryset):
        place = self.locate_place()
        if place is None:
            return queryset
        radius = self.cleaned.get("radius") or DEFAULT_RADIUS
        return queryset.near(place, radius)

    def locate_place(self):
        """The Postcode row for `near`, looked up once; an unknown place becomes a form error."""
        near = self.cleaned.get("near")
        if not near or self._located:
            return self.place
        self._located = True
        self.place = locate(near)
        if self.place is None:
            self.form.add_error("near", PLACE_NOT_FOUND)
        return self.place

    @property
    def sort_key(self) -> str:
        sort = self.cleaned.get("sort")
        if sort == "relevance" and not self.cleaned.get("q"):
            sort = None
        if sort == "distance" and self.place is None:
            sort = None
        return sort or ("relevance" if self.cleaned.get("q") else "distance" if self.place else "start")

    def sort_options(self) -> list[tuple[str, str]]:
        names = ["start", "newest", "title"]
        if self.cleaned.get("q"):
            names.insert(0, "relevance")
        if self.place is not None:
            names.append("distance")
        return [(name, SORT_LABELS[name]) for name in names]

    def ordered(self):
        return self.qs.order_by(*SORTS[self.sort_key])

    # --- total and facet counts: a few aggregate queries, cached per catalogue version, day and search ---------
    def summary(self) -> dict:
        """{"total": number of results, "facets": {facet: {value: count}}}.

        Cached under the catalogue version (changed by every edit that can change a count, see offers.signals),
        today's date (visibility depends on it) and the normalised search, so repeated searches cost one
        primary-key lookup instead of the aggregates.
        """
        if self._summary is None:
            self._summary = cache.get(self.summary_key)
            if self._summary is None:
                self._summary = self._shared_summary()
                cache.set(self.summary_key, self._summary, SUMMARY_SECONDS)
        return self._summary

    def _shared_summary(self) -> dict:
        """From the table all processes share; the first one to miss counts while the others wait for it."""
        key = self.summary_key
        with transaction.atomic():
            if connection.vendor == "postgresql":
                lock = int(hashlib.sha256(key.encode()).hexdigest()[:15], 16)
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock])
            data = SearchSummary.objects.filter(key=key).values_list("data", flat=True).first()
            if data is None:
                data = self._count()
                SearchSummary.objects.bulk_create([SearchSummary(key=key, data=data)], ignore_conflicts=True)
        return data

    @cached_property
    def summary_key(self) -> str:
        """The catalogue version, today and the normalised search (not the page or the sort)."""
        place = self.locate_place()
        search = {name: value for name, value in self.cleaned.items() if name not in ("page", "sort")}
        search = {name: sorted(value) if isinstance(value, list) else value for name, value in search.items()}
        if place is not None:
            search["near"] = (place.pk, place.latitude, place.longitude)
            search["radius"] = search.get("radius") or DEFAULT_RADIUS
        sql, params = self.queryset.query.sql_with_params()
        raw = repr((sorted(search.items()), sql, params, sorted(self.hidden)))
        digest = hashlib.sha256(raw.encode()).hexdigest()[:32]
        return f"offers:summary:{self.fragment_version}:{digest}"

    @cached_property
    def fragment_version(self) -> str:
        """The catalogue version and today's date: what cached counts and rendered fragments depend on."""
        return f"{CatalogueVersion.current()}:{timezone.localdate()}"

    def _count(self) -> dict:
        """The total and every shown facet's counts in one query (see offers.facet_counts).

        A facet's options are counted over the offers that pass every filter but its own (OR within a facet, AND
        across). Past SEARCH_SAMPLE_ABOVE offers in the search's base (its text, place and dates), everything is
        counted on a uniform sample of about SEARCH_SAMPLE_SIZE of them (Offer.sample) and shown as "ca."; a total
        that small a sample cannot tell reliably (under SEARCH_MIN_SAMPLED offers in it) is counted exactly.
        """
        shown = [name for name in FACETS if name not in self.hidden]
        active = {
            name: facet_condition(name, self._chosen_ids(name, value))
            for name, value in self.cleaned.items()
            if name in FACETS and value not in (None, "", [], (), False)
        }
        base = self._filtered(self.queryset, skip=set(FACETS))  # the text, place and dates only
        # The planner knows the catalogue's size well, a text or place search's size badly: sample the catalogue,
        # and where the search turns out narrow, count it again on a larger sample or exactly.
        fraction = _fraction(_size(self.queryset))
        counted = facet_counts(_sampled(base, fraction), active, shown, today=timezone.localdate())
        seen = counted["*"][""]
        if fraction < 1 and seen < settings.SEARCH_SAMPLE_SIZE // 4:
            fraction = _fraction(seen / fraction)
            counted = facet_counts(_sampled(base, fraction), active, shown, today=timezone.localdate())
        del counted["*"]
        total = counted.pop("", {}).get("", 0)
        counts = {
            name: {self._slug(name, value): estimate(n, fraction) for value, n in values.items()}
            for name, values in counted.items()
        }
        estimated = shown if fraction < 1 else []
        total_estimated = fraction < 1
        if total_estimated and total < settings.SEARCH_MIN_SAMPLED:
            total, total_estimated = self.qs.count(), False
        elif total_estimated:
            total = estimate(total, fraction)
        summary = {"total": total, "total_estimated": total_estimated, "facets": counts, "estimated": sorted(estimated)}
        if not total:  # an empty result shows what each filter keeps out: counted here, so it is cached too
            summary["without"] = self._without_counts()
        return summary

    def _slug(self, name: str, value) -> str:
        """Link and ladder facets are counted by vocabulary id; the page speaks slugs."""
        if name in self.slugs:
            return self.slugs[name].get(int(value), str(value))
        return "1" if name in BOOLEAN_FACETS else str(value)

    def _choices(self, name: str):
        return self.filters[name].extra["choices"]

    def facets(self) -> list[Facet]:
        summary = self.summary()
        facets = [self._facet(name, summary["facets"].get(name, {})) for name in FACETS if name not in self.hidden]
        for facet in facets:
            for option in facet.options:
                option.estimated = facet.name in summary["estimated"]
        return facets

    def _facet(self, name: str, counts: dict[str, int]) -> Facet:
        selected = self.cleaned.get(name) or []
        field = self.filters[name]
        if name in BOOLEAN_FACETS:
            option = Option("1", field.label, counts.get("1", 0), bool(selected))
            return Facet(name, field.label, [option], boolean=True)
        options = [
            Option(str(value), _label(label), counts.get(str(value), 0), str(value) in selected)
            for value, label in self._choices(name)
        ]
        return Facet(name, field.label, options)

    # --- active filters as removable chips, and what to drop when nothing is found ---------------------------
    def active_filters(self) -> list[tuple[str, str, str]]:
        """(parameter, value, label) of every active filter value."""
        chips = []
        for name, value in self.cleaned.items():
            if name in ("page", "sort", "radius") or name in self.hidden or value in (None, "", [], False):
                continue
            field = self.filters[name]
            if isinstance(value, list):
                labels = dict(field.extra.get("choices", []))
                chips += [(name, v, f"{field.label}: {labels.get(v, v)}") for v in value]
            elif name == "near":
                if self.place is not None:
                    radius = self.cleaned.get("radius") or DEFAULT_RADIUS
                    label = _("Umkreis %(radius)s km um %(place)s") % {"radius": radius, "place": self.place}
                    chips.append((name, value, label))
            elif isinstance(value, bool):
                chips.append((name, "1", str(field.label)))
            else:
                chips.append((name, str(value), f"{field.label}: {value}"))
        return chips

    def relaxations(self) -> list[tuple[str, str, int]]:
        """For an empty result: (parameter, label, results without it), best first (counted with the summary)."""
        without = self.summary().get("without")
        if without is None:  # counts stored by an older release under the same catalogue version
            without = self._without_counts()
        found = [(name, str(self.filters[name].label), count) for name, count in without.items() if count]
        return sorted(found, key=lambda item: (-item[2], item[0]))

    def _without_counts(self) -> dict[str, int]:
        """{parameter: results without it} for every active filter: one count each."""
        names = sorted({name for name, _value, _label in self.active_filters()})
        counts = {}
        for name in names:
            skip = "start" if name in ("start_from", "start_until") else name
            counts[name] = self.filter_except(self.queryset, skip=skip).count()
        return counts
