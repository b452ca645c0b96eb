"""Offers, and the queryset every view, the guide and the admin compose their reads from."""

from __future__ import annotations

import datetime
import random

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import (
    Case,
    DateField,
    Exists,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.query import ModelIterable
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from locking.models import VersionedModel
from multilingual.text import Text, current_language
from offers import vocabulary_rows
from offers.models import facet_tokens
from offers.models.catalogue import CatalogueVersion
from offers.models.run import Run
from offers.models.translation import OfferTranslation
from offers.models.vocabulary import FundingProgramme, QualificationStep, Sector, TargetGroup
from offers.search.text import is_postgres, search_vector, text_search
from offers.textsearch import matching
from partners.models import ContactPerson, Language, Partner
from partners.scoping import editable_partner_ids, is_coordinator
from places.distance import Place

# Rolling-start runs never end; this date stands for "open-ended" in Offer.listed_until.
OPEN_END = datetime.date(9999, 12, 31)
SAMPLE_RANGE = facet_tokens.SAMPLE_RANGE
# The `price` filter's bands (docs/search.md): each a range of the price column, so its index serves them all.
PRICE_BANDS = {
    "kostenlos": Q(price=0),
    "bis-1000": Q(price__gt=0, price__lte=1000),
    "bis-5000": Q(price__gt=1000, price__lte=5000),
    "mehr": Q(price__gt=5000),
}
PRICE_BAND_CHOICES = [
    ("kostenlos", _("kostenlos")),
    ("bis-1000", _("bis 1.000 €")),
    ("bis-5000", _("bis 5.000 €")),
    ("mehr", _("mehr als 5.000 €")),
]


def random_sample() -> int:
    return random.randrange(SAMPLE_RANGE)


def listed_q(prefix: str = "", today: datetime.date | None = None) -> Q:
    """The public visibility rule as a Q, also for counting through a relation (prefix "offers__")."""
    return Q(
        **{
            f"{prefix}status": Offer.Status.PUBLISHED,
            f"{prefix}listed_until__gte": today or timezone.localdate(),
            f"{prefix}provider__active": True,
        }
    )


def _slugs(values) -> list[str]:
    """Accepts one slug, model instance or an iterable of them."""
    if values is None:
        return []
    if isinstance(values, str) or hasattr(values, "slug"):
        values = [values]
    return [getattr(value, "slug", value) for value in values]


def _vocabulary_ids(model, values):
    """Vocabulary ids of slugs, instances or ids: literal ids where they are known (the planner estimates a filter
    on literal ids from its statistics), else a subquery."""
    if values is None or isinstance(values, str | int) or hasattr(values, "pk"):
        values = [values] if values is not None else []
    values = [getattr(value, "pk", value) for value in values]
    if all(isinstance(value, int) for value in values):
        return values
    return model.objects.filter(slug__in=_slugs(values)).values("pk")


def _literal_ids(model, values) -> list[int]:
    ids = _vocabulary_ids(model, values)
    return ids if isinstance(ids, list) else list(ids.values_list("pk", flat=True))


def links_exist(field: str, values) -> Exists | Q:
    """The offer is linked through the many-to-many `field` to one of these vocabulary entries (slugs, instances or
    ids). On PostgreSQL through the facet tokens (offers.models.facet_tokens), which copy the links exactly."""
    relation = Offer._meta.get_field(field)
    if facet_tokens.in_use():
        return facet_tokens.any_of(facet_tokens.LINKS[field], _literal_ids(relation.related_model, values))
    through, target = relation.remote_field.through, relation.m2m_reverse_field_name()
    ids = _vocabulary_ids(relation.related_model, values)
    return Exists(through.objects.filter(offer_id=OuterRef("pk"), **{f"{target}_id__in": ids}))


def _with_token(condition: Q, prefix: str, values) -> Q:
    """A condition on a value of the offer row: on PostgreSQL its facet tokens alone, which every write of the row
    rewrites (refresh_dates), so that the GIN index finds the candidates of a combination of filters. Not both: the
    planner would take the two for independent conditions and expect a hundredth of the rows they select."""
    return facet_tokens.any_of(prefix, values) if facet_tokens.in_use() else condition


def leads_to_q(steps) -> Q:
    ids = _literal_ids(QualificationStep, steps)
    return _with_token(Q(leads_to_id__in=ids), facet_tokens.NEXT, ids)


def of_kind_q(kinds) -> Q:
    kinds = _slugs(kinds)
    return _with_token(Q(kind__in=kinds), facet_tokens.KIND, kinds)


def in_price_bands_q(bands) -> Q:
    condition = Q(pk__in=[])
    for band in bands:
        condition |= PRICE_BANDS[band]
    return _with_token(condition, facet_tokens.PRICE, bands)


def free_q() -> Q:
    return in_price_bands_q(["kostenlos"])


def azav_q() -> Q:
    return _with_token(Q(azav=True), facet_tokens.AZAV, [""])


def price_band() -> Case:
    """The price band of an offer row, as the facet counts group it."""
    return Case(*(When(condition, then=Value(band)) for band, condition in PRICE_BANDS.items()), default=Value(""))


def current_run_exists(**run_filters) -> Exists:
    """The offer has a current run (see RunQuerySet.current) matching run_filters."""
    return Exists(Run.objects.current().filter(offer_id=OuterRef("pk"), **run_filters))


def current_run_with(field: str, values) -> Q:
    """The offer has a current run whose `field` (learning form, schedule, duration) is one of `values`; on
    PostgreSQL the facet tokens find the candidates and the runs decide (a token may be left from a run that has
    ended since the tokens were written). The tokens come first: where the condition is a facet's flag (a column of
    the counting statement, not a WHERE clause the planner orders), PostgreSQL evaluates it left to right and asks
    the runs only of the offers whose tokens match (at 1,000,000 offers a duration filter's flag read the runs of
    all ~6,000 sampled offers, 20 ms)."""
    values = list(values)
    exists = Q(current_run_exists(**{f"{field}__in": values}))
    return facet_tokens.any_of(facet_tokens.RUNS[field], values) & exists if facet_tokens.in_use() else exists


def _taught_in(languages: list[str]) -> Exists:
    links = Offer.languages.through.objects.filter(offer_id=OuterRef("pk"), language__code__in=languages)
    return Exists(links)


class OfferQuerySet(QuerySet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._vocabulary_links: tuple[str, ...] = ()  # with_vocabulary_links()

    def _clone(self):
        clone = super()._clone()
        clone._vocabulary_links = self._vocabulary_links
        return clone

    def _fetch_all(self):
        fetched = self._result_cache is not None
        super()._fetch_all()
        if self._vocabulary_links and not fetched and issubclass(self._iterable_class, ModelIterable):
            vocabulary_rows.attach(self._result_cache, self._vocabulary_links)

    # --- visibility -------------------------------------------------------------------------------------
    def published(self) -> OfferQuerySet:
        return self.filter(status=Offer.Status.PUBLISHED)

    def listed(self, today: datetime.date | None = None) -> OfferQuerySet:
        """The public visibility rule: published, by an active partner, with a run that has not ended (or a
        rolling start).

        listed_until is kept up to date from the runs (see refresh_dates), so this is a single-table filter.
        """
        return self.filter(listed_q(today=today))

    def visible_to(self, user) -> OfferQuerySet:
        """What a user may open on the public site: listed offers, plus everything a coordinator or the
        provider's editors may preview."""
        if user is None or not user.is_authenticated:
            return self.listed()
        if is_coordinator(user):
            return self.all()
        return self.filter(listed_q() | Q(provider__in=editable_partner_ids(user)))

    def stale(self, now: datetime.datetime | None = None) -> OfferQuerySet:
        now = now or timezone.now()
        return self.filter(last_confirmed_at__lt=now - datetime.timedelta(days=settings.OFFER_STALE_AFTER_DAYS))

    # --- filters (OR within one call, AND when chained); each applies one of the conditions above --------------
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
        return self.filter(of_kind_q(kinds))

    def free(self) -> OfferQuerySet:
        return self.filter(free_q())

    def in_price_bands(self, bands) -> OfferQuerySet:
        return self.filter(in_price_bands_q(bands))

    def lasting(self, bands) -> OfferQuerySet:
        """A current run of one of these durations (Run.DurationBand)."""
        return self.filter(current_run_with("duration_band", bands))

    def taught_in(self, languages) -> OfferQuerySet:
        return self.filter(links_exist("languages", languages))

    def azav_approved(self) -> OfferQuerySet:
        return self.filter(azav_q())

    def with_learning_form(self, forms) -> OfferQuerySet:
        return self.filter(current_run_with("learning_form", forms))

    def with_schedule(self, schedules) -> OfferQuerySet:
        return self.filter(current_run_with("schedule", schedules))

    def starting_between(self, start_from=None, start_until=None) -> OfferQuerySet:
        """A run starts in the window; a rolling start fits every window that has not passed."""
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

    def near(self, place: Place, km: float) -> OfferQuerySet:
        """Offers with a current run within km of `place`, annotated with distance_km of the nearest one."""
        runs = Run.objects.current().within(place, km).filter(offer_id=OuterRef("pk"))
        nearest = runs.order_by("distance_km").values("distance_km")[:1]
        return self.filter(Exists(runs)).annotate(distance_km=Subquery(nearest, output_field=FloatField()))

    def search(self, q: str) -> OfferQuerySet:
        """Full-text search (offers.search), annotated with `rank` and a highlighted snippet (`headline`)."""
        return text_search(self, q)

    # --- derived columns: bulk updates send no signals, so each changes the catalogue version itself ---------
    def update_search_vectors(self) -> int:
        """Recompute the stored PostgreSQL search vectors (title > summary > description and provider) and the
        text index of offers.textsearch (the words table; on SQLite the FTS5 index)."""
        if not is_postgres():
            matching.index(self)
            CatalogueVersion.bump()
            return 0
        provider = Subquery(Partner.objects.filter(pk=OuterRef("provider_id")).values("name")[:1])
        updated = self.update(search_vector=search_vector(provider))
        matching.index(self)
        CatalogueVersion.bump()
        return updated

    def refresh_dates(self, today: datetime.date | None = None) -> int:
        """Recompute the denormalised listed_until and next_start from the runs, in one UPDATE.

        next_start depends on the day, so a daily `manage.py refresh_offer_dates` keeps the sort order exact.
        """
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
        Run.objects.filter(offer_id__in=self.values("pk")).refresh_duration_bands()
        self.refresh_facet_tokens(today)
        CatalogueVersion.bump()
        return updated

    def refresh_facet_tokens(self, today: datetime.date | None = None) -> None:
        """Rewrite the facet tokens (offers.models.facet_tokens) of these offers from their row, links and runs."""
        facet_tokens.refresh(self, today or timezone.localdate())
        CatalogueVersion.bump()

    # --- ordering and loading ---------------------------------------------------------------------------
    def soonest_first(self) -> OfferQuerySet:
        """By the next start (stored on the offer), undated offers last."""
        return self.order_by(F("next_start").asc(nulls_last=True), "pk")

    def taught_in_first(self, languages: list[str]) -> OfferQuerySet:
        """The same order with the offers taught in one of `languages` (ISO codes) first."""
        if not languages:
            return self
        return self.alias(taught_in=_taught_in(languages)).order_by(F("taught_in").desc(), *self.query.order_by)

    def taught_in_any(self, languages: list[str], *, taught: bool = True) -> OfferQuerySet:
        """Offers taught in one of `languages` (ISO codes), or with `taught=False` in none of them."""
        return self.filter(_taught_in(languages) if taught else ~_taught_in(languages))

    def with_vocabulary_links(self, *names: str) -> OfferQuerySet:
        """Like prefetch_related(*names) for links to a vocabulary (levels, sectors, target groups, funding, languages),
        read with the process's copy of its rows (offers.vocabulary_rows): one query for all of them."""
        clone = self._chain()
        clone._vocabulary_links = (*self._vocabulary_links, *names)
        return clone

    def card_data(self) -> OfferQuerySet:
        """What a result card shows, in a constant number of queries."""
        # The search vector is the widest column and no card shows it; the facet tokens name the card's levels,
        # funding and languages (offers.vocabulary_rows.attach).
        return (
            self.select_related("provider", "leads_to")
            .defer("search_vector")
            .with_vocabulary_links("entry_levels", "funding_programmes", "languages")
            .prefetch_related(
                Prefetch("runs", queryset=Run.objects.current().order_by("start_date", "pk"), to_attr="current_runs"),
                in_page_language(),
            )
        )


def any_translation() -> Exists:
    """Whether an offer has a translation into any language (an annotation): most have none, and the offer page reads
    them only where there are some."""
    return Exists(OfferTranslation.objects.filter(offer=OuterRef("pk")))


def in_page_language() -> Prefetch:
    """The offers' translations into the page's language, read once for a whole page of cards; on a German page
    none (translations are into the other languages), without a query."""
    language = current_language()
    translations = OfferTranslation.objects.filter(language=language)
    if language == settings.LANGUAGE_CODE:
        translations = translations.none()
    return Prefetch("translations", queryset=translations, to_attr="page_translations")


class Offer(VersionedModel):
    class Kind(models.TextChoices):
        ANPASSUNG = "anpassung", _("Anpassungsweiterbildung")
        TEILQUALIFIZIERUNG = "teilqualifizierung", _("Teilqualifizierung")
        EXTERNENPRUEFUNG = "externenpruefung", _("Vorbereitung auf die Externenprüfung")
        UMSCHULUNG = "umschulung", _("Umschulung")
        AUFSTIEG = "aufstiegsfortbildung", _("Aufstiegsfortbildung")
        STUDIUM = "studium", _("Berufsbegleitendes Studium")
        SPRACHKURS = "sprachkurs", _("Berufsbezogener Sprachkurs")
        BERATUNG = "beratung", _("Beratung / Kompetenzfeststellung")
        INHOUSE = "inhouse", _("Inhouse-Schulung")

    class CertificateKind(models.TextChoices):
        TEILNAHME = "teilnahme", _("Teilnahmebescheinigung")
        ZERTIFIKAT = "zertifikat", _("Zertifikat des Anbieters")
        KAMMER = "kammer", _("Kammerprüfung / staatlich anerkannter Abschluss")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        PUBLISHED = "published", _("veröffentlicht")
        ARCHIVED = "archived", _("archiviert")

    provider = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="offers", verbose_name=_("Anbieter"))
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=220, unique=True)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=300)
    description = models.TextField(_("Beschreibung"), blank=True)
    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices)
    entry_levels = models.ManyToManyField(
        QualificationStep, related_name="offers_open", verbose_name=_("Offen für (Stufe)")
    )
    leads_to = models.ForeignKey(
        QualificationStep,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offers_leading",
        verbose_name=_("Führt zu (Stufe)"),
    )
    dqr_level = models.PositiveSmallIntegerField(
        _("DQR-Niveau"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, _("Das DQR-Niveau liegt zwischen 1 und 8.")),
            MaxValueValidator(8, _("Das DQR-Niveau liegt zwischen 1 und 8.")),
        ],
        help_text=_("Nur angeben, wenn das Angebot auf einen DQR-zugeordneten Abschluss vorbereitet."),
    )
    certificate = models.CharField(_("Abschluss / Zertifikat"), max_length=200, blank=True)
    certificate_kind = models.CharField(
        _("Art des Abschlusses"), max_length=20, choices=CertificateKind.choices, default=CertificateKind.ZERTIFIKAT
    )
    sectors = models.ManyToManyField(Sector, related_name="offers", verbose_name=_("Branchen"), blank=True)
    target_groups = models.ManyToManyField(
        TargetGroup, related_name="offers", verbose_name=_("Zielgruppen"), blank=True
    )
    funding_programmes = models.ManyToManyField(
        FundingProgramme, related_name="offers", verbose_name=_("Förderprogramme"), blank=True
    )
    azav = models.BooleanField(_("AZAV-zugelassen"), default=False)
    teaching_hours = models.PositiveIntegerField(_("Unterrichtseinheiten (UE)"), null=True, blank=True)
    duration_text = models.CharField(_("Dauer"), max_length=200, blank=True)
    price = models.DecimalField(
        _("Preis in Euro"),
        max_digits=9,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0, _("Der Preis darf nicht negativ sein (0 = kostenlos)."))],
    )
    price_note = models.CharField(_("Hinweis zum Preis"), max_length=300, blank=True)
    languages = models.ManyToManyField(Language, verbose_name=_("Unterrichtssprachen"), blank=True)
    inhouse_possible = models.BooleanField(_("auch als Inhouse-Schulung"), default=False)
    accessibility_notes = models.TextField(_("Hinweise zur Barrierefreiheit"), blank=True)
    contact_person = models.ForeignKey(
        ContactPerson, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("Ansprechperson")
    )
    registration_url = models.URLField(_("Link zur Anmeldung"), blank=True)
    # The partner's own course number: a bulk import matches its rows to offers by (provider, external_id).
    external_id = models.CharField(
        _("Kursnummer des Anbieters"),
        max_length=100,
        blank=True,
        help_text=_("Die Kursnummer aus dem eigenen System des Anbieters; ein Import erkennt das Angebot daran."),
    )
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)
    last_confirmed_at = models.DateTimeField(_("zuletzt bestätigt"), default=timezone.now)
    # Kept up to date from the runs by OfferQuerySet.refresh_dates (signals in offers.signals), so that
    # listing and sorting by start date stay single-table operations at 100,000+ offers.
    listed_until = models.DateField(_("sichtbar bis"), null=True, blank=True, editable=False)
    next_start = models.DateField(_("nächster Beginn"), null=True, blank=True, editable=False)
    # PostgreSQL only (stays empty on SQLite); GIN index in migration 0003.
    search_vector = SearchVectorField(null=True, editable=False)
    # PostgreSQL only: every filterable value as a word (offers.models.facet_tokens), GIN index in migration 0028.
    facet_tokens = SearchVectorField(null=True, editable=False)
    # A random number in [0, SAMPLE_RANGE) drawn once per offer: facet counts of a very large search are taken on
    # the offers with sample < k (an index range, see offers.search.estimates), a uniform sample of any filtered set.
    sample = models.PositiveSmallIntegerField(default=random_sample, editable=False)
    history = HistoricalRecords(
        m2m_fields=[entry_levels, sectors, target_groups, funding_programmes],
        excluded_fields=["search_vector", "facet_tokens", "listed_until", "next_start", "sample"],
    )

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")
        indexes = [
            models.Index(fields=["status", "listed_until"], name="offer_listed_idx"),
            models.Index(fields=["next_start", "id"], name="offer_next_start_idx"),
            models.Index(fields=["-created_at", "id"], name="offer_newest_idx"),
            models.Index(fields=["title", "id"], name="offer_title_idx"),
            models.Index(fields=["kind"], name="offer_kind_idx"),
            models.Index(fields=["price"], name="offer_price_idx"),
            models.Index(fields=["last_confirmed_at"], name="offer_confirmed_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "external_id"],
                condition=~Q(external_id=""),
                name="offer_unique_external_id",
                violation_error_message=_("Dieser Anbieter hat schon ein Angebot mit dieser Kursnummer."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def translated(self, field: str) -> Text:
        """Title or summary in the page's language where the provider wrote one, else the German original."""
        language = current_language()
        translations = getattr(self, "page_translations", None)  # prefetched: a page's cards, the offer page
        if translations is None:
            translations = list(self.translations.filter(language=language))
        value = next((getattr(t, field) for t in translations if t.language == language and getattr(t, field)), "")
        return Text(value, language) if value else Text(getattr(self, field), settings.LANGUAGE_CODE)

    def get_absolute_url(self) -> str:
        return reverse("offers:detail", args=[self.slug])

    @property
    def is_free(self) -> bool:
        return self.price == 0

    @property
    def is_stale(self) -> bool:
        """Not confirmed by its provider for more than OFFER_STALE_AFTER_DAYS days."""
        limit = timezone.now() - datetime.timedelta(days=settings.OFFER_STALE_AFTER_DAYS)
        return self.last_confirmed_at < limit

    def clean(self) -> None:
        if self.contact_person_id and self.provider_id and self.contact_person.partner_id != self.provider_id:
            raise ValidationError(
                {"contact_person": _("Die Ansprechperson muss zum Anbieter dieses Angebots gehören.")}
            )
