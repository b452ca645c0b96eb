"""The offer search: one FilterSet for /angebote/ and the funding pages, with facet counts.

Parameter names are the public URL contract (DESIGN.md): q, level, next, sector, funding, kind, target_group,
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
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, F, FilteredRelation, Q
from django.db.models.functions import Mod
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from offers.models import (
    CatalogueVersion,
    FundingProgramme,
    Offer,
    QualificationStep,
    Run,
    SearchSummary,
    Sector,
    TargetGroup,
)
from offers.postcodes import locate
from offers.querysets import current_run_q

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
LINK_FACETS = {
    "level": "entry_levels",
    "sector": "sectors",
    "funding": "funding_programmes",
    "target_group": "target_groups",
}
RUN_FACETS = ("learning_form", "schedule")
BOOLEAN_FACETS = {"azav": {"azav": True}, "free": {"price": 0}}
COLUMN_FACETS = {"kind": "kind", "next": "leads_to__slug", **dict.fromkeys(BOOLEAN_FACETS, "")}
SUMMARY_SECONDS = 3600
# Past SAMPLE_ABOVE offers in a facet's base, the facets that join links or runs are counted on every n-th offer
# (about SAMPLE_SIZE of them) and shown as "ca." figures: exact counts would join every link row of the catalogue.
SAMPLE_ABOVE = 100_000
SAMPLE_SIZE = 50_000


def _size(queryset) -> int:
    """How many offers a facet's base holds: the planner's estimate on PostgreSQL (a base without one of the
    filters can be far larger than the result, and counting it exactly is what sampling avoids)."""
    if connection.vendor != "postgresql":
        return queryset.count()
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


def _estimate(sampled: int, step: int) -> int:
    """A sampled count scaled up and rounded to two significant digits (exact when nothing was sampled)."""
    if step == 1 or not sampled:
        return sampled
    scaled = sampled * step
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
    estimated: bool = False  # counted on a sample of a very large result (SAMPLE_ABOVE), rounded


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


def _vocab_choices(model, **filters) -> list[tuple[str, str]]:
    return list(model.objects.filter(**filters).values_list("slug", "name"))


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
        steps = list(QualificationStep.objects.values_list("slug", "name"))
        self.filters["level"].extra["choices"] = steps
        self.filters["next"].extra["choices"] = steps
        self.filters["sector"].extra["choices"] = _vocab_choices(Sector)
        self.filters["funding"].extra["choices"] = _vocab_choices(FundingProgramme, active=True)
        self.filters["target_group"].extra["choices"] = _vocab_choices(TargetGroup)
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
        return queryset.for_level(value)

    def filter_next(self, queryset, name, value):
        return queryset.leading_to(value)

    def filter_sector(self, queryset, name, value):
        return queryset.in_sectors(value)

    def filter_funding(self, queryset, name, value):
        return queryset.fundable_by(value)

    def filter_kind(self, queryset, name, value):
        return queryset.of_kind(value)

    def filter_target_group(self, queryset, name, value):
        return queryset.for_target_groups(value)

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

    # --- composing ---------------------------------------------------------------------------------------
    @property
    def cleaned(self) -> dict:
        self.errors  # noqa: B018 - validates the form once
        return getattr(self.form, "cleaned_data", {})

    def filter_queryset(self, queryset):
        return self.filter_except(queryset, skip=None)

    def filter_except(self, queryset, skip: str | None):
        """All filters but `skip` — the base of that filter's facet counts."""
        for name, value in self.cleaned.items():
            if name != skip and name in self.filters:
                queryset = self.filters[name].filter(queryset, value)
        data = self.cleaned
        if skip != "start" and (data.get("start_from") or data.get("start_until")):
            queryset = queryset.starting_between(data.get("start_from"), data.get("start_until"))
        if skip != "near":
            queryset = self._filter_near(queryset)
        return queryset

    def _filter_near(self, queryset):
        place = self.locate_place()
        if place is None:
            return queryset
        radius = self.cleaned.get("radius") or DEFAULT_RADIUS
        return queryset.near(place.latitude, place.longitude, radius)

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
        """Facets whose own filter is not set share one base (all filters); each set one needs its own."""
        shown = [name for name in FACETS if name not in self.hidden]
        bases: dict[str | None, list[str]] = {None: []}
        for name in shown:
            bases.setdefault(name if self.cleaned.get(name) else None, []).append(name)
        counts: dict[str, dict[str, int]] = {}
        total, estimated = 0, []
        for skip, names in bases.items():  # None first: its pass counts the total
            base = self.filter_except(self.queryset, skip=skip)
            columns = self._column_counts(base, [n for n in names if n in COLUMN_FACETS], total=skip is None)
            total = columns.pop("", {}).get("", total)
            counts |= columns
            joined_names = [n for n in names if n in RUN_FACETS or n in LINK_FACETS]
            if not joined_names:
                continue
            size = total if skip is None else _size(base)
            step = math.ceil(size / SAMPLE_SIZE) if size > SAMPLE_ABOVE else 1
            joined = base.alias(sample=Mod("pk", step)).filter(sample=0) if step > 1 else base
            joined_counts = self._run_counts(joined, [n for n in joined_names if n in RUN_FACETS])
            joined_counts |= {name: self._link_counts(joined, name) for name in joined_names if name in LINK_FACETS}
            counts |= {name: {value: _estimate(n, step) for value, n in c.items()} for name, c in joined_counts.items()}
            estimated += joined_names if step > 1 else []
        return {"total": total, "facets": counts, "estimated": sorted(estimated)}

    def _column_counts(self, base, names: list[str], *, total: bool) -> dict[str, dict[str, int]]:
        """Facets on the offer's own columns and the total, as conditional counts in one pass."""
        conditions = [("", "", Q())] if total else []
        for name in names:
            if name in BOOLEAN_FACETS:
                conditions.append((name, "1", Q(**BOOLEAN_FACETS[name])))
            else:
                column = COLUMN_FACETS[name]
                conditions += [(name, str(value), Q(**{column: value})) for value, _label in self._choices(name)]
        return self._aggregate(base, conditions, distinct=False)

    def _run_counts(self, base, names: list[str]) -> dict[str, dict[str, int]]:
        """Offers with a current run of each learning form / schedule: one join with the current runs."""
        if not names:
            return {}
        runs = base.annotate(current_run=FilteredRelation("runs", condition=current_run_q("runs__")))
        conditions = [
            (name, str(value), Q(**{f"current_run__{name}": value}))
            for name in names
            for value, _label in self._choices(name)
        ]
        return self._aggregate(runs, conditions, distinct=True)

    @staticmethod
    def _aggregate(base, conditions, *, distinct: bool) -> dict[str, dict[str, int]]:
        if not conditions:
            return {}
        aggregates = {
            f"c{i}": Count("pk", distinct=distinct, filter=condition or None)
            for i, (_name, _value, condition) in enumerate(conditions)
        }
        row = base.aggregate(**aggregates)
        counts: dict[str, dict[str, int]] = {}
        for i, (name, value, _condition) in enumerate(conditions):
            counts.setdefault(name, {})[value] = row[f"c{i}"]
        return counts

    @staticmethod
    def _link_counts(base, name: str) -> dict[str, int]:
        """Offers per option of a many-to-many facet: the link table joined straight to the filtered offers."""
        rows = base.values_list(f"{LINK_FACETS[name]}__slug").annotate(n=Count("pk")).order_by()
        return {str(value): n for value, n in rows if value is not None}

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
            Option(str(value), str(label), counts.get(str(value), 0), str(value) in selected)
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
        """For an empty result: (parameter, label, results without it), best first — one count per active filter."""
        names = {name for name, _value, _label in self.active_filters()}
        found = []
        for name in names:
            skip = "start" if name in ("start_from", "start_until") else name
            count = self.filter_except(self.queryset, skip=skip).count()
            if count:
                found.append((name, str(self.filters[name].label), count))
        return sorted(found, key=lambda item: -item[2])
