"""Reads of the catalogue. Every view, the guide and the admin compose these methods."""

from __future__ import annotations

import datetime
import math
import re

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    DateField,
    Exists,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat, Sqrt
from django.utils import timezone

# Rolling-start runs never end; this date stands for "open-ended" in Offer.listed_until.
OPEN_END = datetime.date(9999, 12, 31)
KM_PER_DEGREE = 111.195
MAX_SEARCH_WORDS = 12
# Headline markers that cannot occur in text typed by editors; the view escapes the text, then swaps them for <mark>.
MARK_START, MARK_STOP = "\x02", "\x03"
SEARCH_CONFIG = "german"
# Folds feminine job titles onto the stem of the masculine form ("Mechatronikerin" → "Mechatroniker"); the
# German Snowball stemmer keeps them apart, and titles are usually written "Mechatroniker/in".
FEMININE = re.compile(r"(?<=\w{3})(er|ist|ant|ent|irt|eur)in(nen)?\b", flags=re.IGNORECASE)


def fold_gender(text: str) -> str:
    return FEMININE.sub(lambda match: match.group(1), text)


def _searchable(field: str):
    """Splits "Mechatroniker/in" into words before the text reaches the German parser."""
    from django.db.models.functions import Replace

    text = Coalesce(F(field), Value(""), output_field=TextField())
    return Replace(text, Value("/"), Value(" "), output_field=TextField())


def _slugs(values) -> list[str]:
    """Accepts one slug, model instance or an iterable of them."""
    if values is None:
        return []
    if isinstance(values, str) or hasattr(values, "slug"):
        values = [values]
    return [getattr(value, "slug", value) for value in values]


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def listed_q(prefix: str = "", today: datetime.date | None = None) -> Q:
    """The public visibility rule as a Q, also for counting through a relation (prefix "offers__")."""
    return Q(
        **{
            f"{prefix}status": "published",
            f"{prefix}listed_until__gte": today or timezone.localdate(),
            f"{prefix}provider__active": True,
        }
    )


def not_ended_q(prefix: str = "", today: datetime.date | None = None) -> Q:
    """A run that has not ended (or starts on a rolling basis); `prefix` reaches it through a relation."""
    today = today or timezone.localdate()
    return (
        Q(**{f"{prefix}rolling_start": True})
        | Q(**{f"{prefix}end_date__gte": today})
        | Q(**{f"{prefix}end_date__isnull": True, f"{prefix}start_date__gte": today})
    )


def current_run_q(prefix: str = "", today: datetime.date | None = None) -> Q:
    """Runs one can still take part in: not cancelled and not ended (or rolling start)."""
    return ~Q(**{f"{prefix}status": "cancelled"}) & not_ended_q(prefix, today)


def _catalogue_changed() -> None:
    """Bulk writes skip the signals that change the catalogue version; the methods that do them call this."""
    from offers.models import CatalogueVersion

    CatalogueVersion.bump()


def _ids(model, values):
    """Vocabulary ids of slugs, instances or ids: literal ids where they are known (the planner estimates a filter
    on literal ids from its statistics), else a subquery."""
    if values is None or isinstance(values, str | int) or hasattr(values, "pk"):
        values = [values] if values is not None else []
    values = [getattr(value, "pk", value) for value in values]
    if all(isinstance(value, int) for value in values):
        return values
    return model.objects.filter(slug__in=_slugs(values)).values("pk")


def links_exist(field: str, values) -> Exists:
    """The offer is linked through the many-to-many `field` to one of these vocabulary entries (slugs, instances or
    ids)."""
    from offers.models import Offer

    relation = Offer._meta.get_field(field)
    through, target = relation.remote_field.through, relation.m2m_reverse_field_name()
    ids = _ids(relation.related_model, values)
    return Exists(through.objects.filter(offer_id=OuterRef("pk"), **{f"{target}_id__in": ids}))


def leads_to_q(steps) -> Q:
    from offers.models import QualificationStep

    return Q(leads_to_id__in=_ids(QualificationStep, steps))


def current_run_exists(**run_filters) -> Exists:
    """The offer has a current run (see current_run_q) matching run_filters."""
    from offers.models import Run

    return Exists(Run.objects.current().filter(offer_id=OuterRef("pk"), **run_filters))


class RunQuerySet(QuerySet):
    def not_cancelled(self) -> RunQuerySet:
        return self.exclude(status="cancelled")

    def not_ended(self, today: datetime.date | None = None) -> RunQuerySet:
        return self.filter(not_ended_q(today=today))

    def current(self, today: datetime.date | None = None) -> RunQuerySet:
        """Runs one can still take part in: not cancelled and not ended (or rolling start)."""
        return self.not_cancelled().not_ended(today)

    def with_distance(self, lat: float, lon: float) -> RunQuerySet:
        """distance_km from (lat, lon), computed in the database (equirectangular; exact enough below 300 km)."""
        cos_lat = math.cos(math.radians(lat))
        dlat = F("latitude") - Value(lat)
        dlon = (F("longitude") - Value(lon)) * Value(cos_lat)
        return self.annotate(
            distance_km=Sqrt(dlat * dlat + dlon * dlon, output_field=FloatField()) * Value(KM_PER_DEGREE)
        )

    def within(self, lat: float, lon: float, km: float) -> RunQuerySet:
        """Bounding box first (uses the latitude/longitude index), then the exact distance."""
        dlat = km / KM_PER_DEGREE
        dlon = km / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.01))
        boxed = self.filter(
            latitude__range=(lat - dlat, lat + dlat),
            longitude__range=(lon - dlon, lon + dlon),
        )
        return boxed.with_distance(lat, lon).filter(distance_km__lte=km)


class OfferQuerySet(QuerySet):
    # --- visibility -------------------------------------------------------------------------------------
    def published(self) -> OfferQuerySet:
        return self.filter(status="published")

    def listed(self, today: datetime.date | None = None) -> OfferQuerySet:
        """The public visibility rule: published, by an active partner, with a run that has not ended (or a
        rolling start).

        listed_until is kept up to date from the runs (see refresh_dates), so this is a single-table filter.
        """
        return self.filter(listed_q(today=today))

    def visible_to(self, user) -> OfferQuerySet:
        """What a user may open on the public site: listed offers, plus everything a coordinator or the
        provider's editors may preview."""
        from partners.scoping import editable_partner_ids, is_coordinator

        if user is None or not user.is_authenticated:
            return self.listed()
        if is_coordinator(user):
            return self.all()
        return self.filter(listed_q() | Q(provider__in=editable_partner_ids(user)))

    def stale(self, now: datetime.datetime | None = None) -> OfferQuerySet:
        now = now or timezone.now()
        return self.filter(last_confirmed_at__lt=now - datetime.timedelta(days=settings.OFFER_STALE_AFTER_DAYS))

    # --- filters (OR within one call, AND when chained); each applies one of the conditions below --------------
    def for_level(self, steps) -> OfferQuerySet:
        """Offers open to people standing on one of these ladder steps (slug, instance or a list)."""
        return self.filter(links_exist("entry_levels", steps))

    def leading_to(self, steps) -> OfferQuerySet:
        return self.filter(leads_to_q(steps))

    def in_sectors(self, sectors) -> OfferQuerySet:
        return self.filter(links_exist("sectors", sectors))

    def for_target_groups(self, groups) -> OfferQuerySet:
        return self.filter(links_exist("target_groups", groups))

    def fundable_by(self, programmes) -> OfferQuerySet:
        return self.filter(links_exist("funding_programmes", programmes))

    def of_kind(self, kinds) -> OfferQuerySet:
        return self.filter(kind__in=_slugs(kinds))

    def free(self) -> OfferQuerySet:
        return self.filter(price=0)

    def azav_approved(self) -> OfferQuerySet:
        return self.filter(azav=True)

    def with_learning_form(self, forms) -> OfferQuerySet:
        return self.filter(current_run_exists(learning_form__in=list(forms)))

    def with_schedule(self, schedules) -> OfferQuerySet:
        return self.filter(current_run_exists(schedule__in=list(schedules)))

    def starting_between(self, start_from=None, start_until=None) -> OfferQuerySet:
        """A run starts in the window; a rolling start fits every window that has not passed."""
        from offers.models import Run

        dated = Q(rolling_start=False)
        if start_from:
            dated &= Q(start_date__gte=start_from)
        if start_until:
            dated &= Q(start_date__lte=start_until)
        rolling = Q(rolling_start=True)
        if start_until and start_until < timezone.localdate():
            rolling = Q(pk__in=[])
        runs = Run.objects.not_cancelled().filter(dated | rolling, offer_id=OuterRef("pk"))
        return self.filter(Exists(runs))

    def near(self, lat: float, lon: float, km: float) -> OfferQuerySet:
        """Offers with a current run within km of (lat, lon), annotated with distance_km of the nearest one."""
        from offers.models import Run

        runs = Run.objects.current().within(lat, lon, km).filter(offer_id=OuterRef("pk"))
        nearest = runs.order_by("distance_km").values("distance_km")[:1]
        return self.filter(Exists(runs)).annotate(distance_km=Subquery(nearest, output_field=FloatField()))

    # --- text search ------------------------------------------------------------------------------------
    def search(self, q: str) -> OfferQuerySet:
        """Full-text search. PostgreSQL: German stemming, web-search syntax, ranking (annotated `rank`),
        highlighted snippet (`headline`) and typo tolerance. SQLite: every word somewhere in the text."""
        q = " ".join((q or "").split())[:200]
        if not q:
            return self
        if is_postgres():
            return self._search_postgres(q)
        return self._search_plain(q)

    def _search_plain(self, q: str) -> OfferQuerySet:
        qs = self
        for word in re.findall(r"\w[\w\-.]*", fold_gender(q))[:MAX_SEARCH_WORDS]:
            qs = qs.filter(
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(description__icontains=word)
                | Q(provider__name__icontains=word)
            )
        return qs.annotate(rank=Value(0.0, output_field=FloatField()), headline=Value(""))

    def _search_postgres(self, q: str) -> OfferQuerySet:
        from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, TrigramWordSimilarity

        query = SearchQuery(q, config=SEARCH_CONFIG, search_type="websearch")
        folded = fold_gender(q)
        if folded != q:
            query |= SearchQuery(folded, config=SEARCH_CONFIG, search_type="websearch")
        matches = Q(search_vector=query)
        similarity = Value(0.0, output_field=FloatField())
        if not re.search(r"[\"\-]|\bor\b", q, flags=re.IGNORECASE):
            # Plain words: also accept titles that look alike ("Mechatronikr" finds "Mechatroniker").
            similarity = TrigramWordSimilarity(Value(q), "title")
            matches |= Q(title__trigram_word_similar=q)
        return self.filter(matches).annotate(
            rank=SearchRank(F("search_vector"), query, cover_density=False) + similarity * Value(0.1),
            headline=SearchHeadline(
                Concat(_searchable("summary"), Value(" … "), _searchable("description"), output_field=TextField()),
                query,
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=30,
                min_words=12,
            ),
        )

    def update_search_vectors(self) -> int:
        """Recompute the stored PostgreSQL search vectors (title > summary > description and provider)."""
        if not is_postgres():
            return 0
        from django.contrib.postgres.search import SearchVector

        from partners.models import Partner

        provider = Subquery(Partner.objects.filter(pk=OuterRef("provider_id")).values("name")[:1])
        vector = (
            SearchVector(_searchable("title"), weight="A", config=SEARCH_CONFIG)
            + SearchVector(_searchable("summary"), weight="B", config=SEARCH_CONFIG)
            + SearchVector(_searchable("description"), weight="C", config=SEARCH_CONFIG)
            + SearchVector(Coalesce(provider, Value("")), weight="C", config=SEARCH_CONFIG)
        )
        updated = self.update(search_vector=vector)
        _catalogue_changed()
        return updated

    # --- dates and ordering -------------------------------------------------------------------------------
    def refresh_dates(self, today: datetime.date | None = None) -> int:
        """Recompute the denormalised listed_until and next_start from the runs, in one UPDATE.

        next_start depends on the day, so a daily `manage.py refresh_offer_dates` keeps the sort order exact.
        """
        from offers.models import Run

        today = today or timezone.localdate()
        runs = Run.objects.not_cancelled().filter(offer_id=OuterRef("pk"))
        until = Case(
            When(rolling_start=True, then=Value(OPEN_END)),
            default=Coalesce("end_date", "start_date"),
            output_field=DateField(),
        )
        last = runs.annotate(until=until).filter(until__isnull=False).order_by("-until").values("until")[:1]
        begins = Case(
            When(rolling_start=True, then=Value(today)),
            When(start_date__gte=today, then=F("start_date")),
            default=None,
            output_field=DateField(),
        )
        first = runs.annotate(begins=begins).filter(begins__isnull=False).order_by("begins").values("begins")[:1]
        updated = self.update(
            listed_until=Subquery(last, output_field=DateField()),
            next_start=Subquery(first, output_field=DateField()),
        )
        _catalogue_changed()
        return updated

    def with_next_run(self) -> OfferQuerySet:
        """Alias kept for callers: next_start is stored on the offer; this orders by it, undated last."""
        return self.order_by(F("next_start").asc(nulls_last=True), "pk")

    def card_data(self) -> OfferQuerySet:
        """What a result card shows, in a constant number of queries."""
        from django.db.models import Prefetch

        from offers.models import Run

        # The search vector is the widest column and no card shows it.
        return (
            self.select_related("provider", "leads_to")
            .defer("search_vector")
            .prefetch_related(
                "entry_levels",
                "funding_programmes",
                Prefetch("runs", queryset=Run.objects.current().order_by("start_date", "pk"), to_attr="current_runs"),
            )
        )
