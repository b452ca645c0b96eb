import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from offers import jsonld
from offers.calendar import CONTENT_TYPE, runs_calendar
from offers.filters import OfferFilter
from offers.forms import BackLinkForm
from offers.imports.export import export_rows
from offers.models import CatalogueVersion, FundingProgramme, Offer, Run
from partners.scoping import is_coordinator
from tabular.responses import FORMATS, download

CARD_ANNOTATIONS = ("distance_km", "headline")
DETAIL_SECONDS = 3600  # also for a page of ids sorted by rank or distance


def search(request: HttpRequest) -> HttpResponse:
    context = search_context(request, Offer.objects.listed())
    context["may_export"] = is_coordinator(request.user)
    return render(request, "offers/search.html", context)


def search_export(request: HttpRequest, file_format: str) -> HttpResponse:
    """A search's results in the import template, for coordinators (docs/import.md); a 404 for everybody else."""
    if not is_coordinator(request.user) or file_format not in FORMATS:
        raise Http404
    filterset = OfferFilter(request.GET, queryset=Offer.objects.listed())
    filterset.locate_place()
    return download(export_rows(filterset.qs), filename="angebote-suche", file_format=file_format)


def search_context(request: HttpRequest, base, *, hide: tuple[str, ...] = (), back_to: dict | None = None) -> dict:
    """The search, facets and page of results over `base`, shared by /angebote/, the funding pages and the partner
    profile (`back_to`: {"programm" or "partner": slug} of the page this is, so that result links lead back to it)."""
    filterset = OfferFilter(request.GET, queryset=base, hide=hide)
    filterset.locate_place()
    number = filterset.cleaned.get("page") or 1
    paginator, estimated = result_paginator(filterset, number)
    page = paginator.get_page(number)
    total = paginator.count
    data = filterset.data
    chips = [(label, _url_without(data, name, value)) for name, value, label in filterset.active_filters()]
    relaxations = []
    if not total:
        relaxations = [(label, count, _url_without(data, name)) for name, label, count in filterset.relaxations()]
    return {
        "filter": filterset,
        "form": filterset.form,
        "facets": filterset.facets(),
        "page_obj": page,
        "total_estimated": estimated,
        "page_numbers": _page_numbers(page),
        "offers": page.object_list,
        "chips": chips,
        "relaxations": relaxations,
        "sort": filterset.sort_key,
        "sort_options": filterset.sort_options(),
        "back_query": _back_query(data, back_to or {}),
        "place": filterset.place,
        "fragment_version": filterset.fragment_version,
    }


def result_paginator(filterset: OfferFilter, number: int, per_page: int | None = None) -> tuple[Paginator, bool]:
    """The search's results in its order, paged, and whether the total is an estimate: what /angebote/ shows and
    the API (api/views.py) returns, so the two cannot disagree. `number` is the page about to be shown."""
    per_page = per_page or settings.OFFERS_PER_PAGE
    summary = filterset.summary()  # the total is counted (and cached) with the facets
    total, estimated = summary["total"], summary.get("total_estimated", False)
    cache_key = f"{filterset.summary_key}:{filterset.sort_key}"
    rows = CardsInOrder(filterset.ordered(), total, cache_key=cache_key, per_page=per_page)
    if estimated:
        total, estimated = _bound_estimate(rows, total, number, exact=filterset.qs.count)
        rows.total = total
    paginator = Paginator(rows, per_page)
    paginator.count = total
    return paginator, estimated


def _bound_estimate(rows, estimate: int, number: int, *, exact) -> tuple[int, bool]:
    """(total, still estimated) for paging through a result whose total was estimated on a sample.

    Looks one offer past the requested page: a page that is not full ends the result, so the total is exact; a full
    one has a next page even where the estimate says otherwise; an empty page past the first means the estimate was
    too high, and only then is the result counted exactly (`exact`).
    """
    start = (number - 1) * rows.per_page
    found = rows.count_from(start)
    if found > rows.per_page:
        return max(estimate, start + found), True
    if found or number == 1:
        return start + found, False
    return exact(), False


class CardsInOrder:
    """The sorted result list, sliced by Paginator like a QuerySet: a page of ids first, then only their cards.

    The sort runs on the offer ids alone, so that the wide rows and their joins do not pass through it; where
    it is expensive (a rank or a distance for every match, a deep offset, several link filters) its result is
    cached like the counts, under the catalogue version, the date and the search.
    """

    ordered = True

    def __init__(self, queryset, total: int, cache_key: str, per_page: int):
        self.queryset = queryset
        self.total = total
        self.cache_key = cache_key
        self.per_page = per_page

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def _ids_from(self, start: int) -> list[int]:
        """The ids of one page from position `start` and of one more result (so a page knows whether one follows):
        one sorted query, cached."""
        page_key = f"offers:page:{self.cache_key}:{start}:{self.per_page}"
        ids = cache.get(page_key)
        if ids is None:
            ids = list(self.queryset.values_list("pk", flat=True)[start : start + self.per_page + 1])
            cache.set(page_key, ids, DETAIL_SECONDS)
        return ids

    def count_from(self, start: int) -> int:
        """How many results there are from position `start` on, counting no further than one page and one."""
        return len(self._ids_from(start))

    def __getitem__(self, key: slice) -> list[Offer]:
        ids = self._ids_from(key.start)[: key.stop - key.start]
        # The ids were chosen under the same catalogue version and date: their cards need the search's annotations
        # (distance, snippet), not its filters again.
        annotations = {name: self.queryset.query.annotations.get(name) for name in CARD_ANNOTATIONS}
        cards = Offer.objects.filter(pk__in=ids).annotate(**{k: v for k, v in annotations.items() if v is not None})
        cards = cards.card_data().in_bulk(ids)
        return [cards[pk] for pk in ids if pk in cards]


def _page_numbers(page) -> list[int | None]:
    """First, last and two pages either side of the current one; None for a gap. Never loops over every page."""
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return [number if isinstance(number, int) else None for number in numbers]


def _url_without(data: QueryDict, name: str, value: str | None = None) -> str:
    query = data.copy()
    query.pop("page", None)
    names = {"near": ["near", "radius"], "start_from": ["start_from", "start_until"]}.get(name, [name])
    if name == "start_until":
        names = ["start_from", "start_until"]
    if value is None or name in ("near", "free", "azav"):
        for key in names:
            query.pop(key, None)
    else:
        query.setlist(name, [v for v in query.getlist(name) if v != value])
    return "?" + query.urlencode() if query else "?"


def _back_query(data: QueryDict, back_to: dict) -> str:
    """`suche=<this search>` (and `programm=<slug>` on a funding page, `partner=<slug>` on a partner's) for result
    links, so the detail page can lead back to the same list."""
    back = QueryDict(mutable=True)
    if data:
        back["suche"] = data.urlencode()
    back.update(back_to)
    return back.urlencode()


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    offer, runs, contacts = _detail_data(request.user, slug)
    back = BackLinkForm(request.GET)
    context = {
        "offer": offer,
        "runs": runs,
        "jsonld": jsonld.course(offer, [run for run in runs if run.status != Run.Status.CANCELLED], request),
        "back_url": back.back_url(),
        "canonical_url": request.build_absolute_uri(offer.get_absolute_url()),
        "contacts": contacts,
        "has_dates": any(run.start_date and run.status != Run.Status.CANCELLED for run in runs),
    }
    return render(request, "offers/detail.html", context)


def detail_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """The offer's current runs as an iCalendar file (the same offers the detail page opens)."""
    offer = get_object_or_404(Offer.objects.visible_to(request.user).select_related("provider"), slug=slug)
    runs = offer.runs.current().order_by("start_date", "pk")
    response = HttpResponse(runs_calendar([(offer, runs)], name=offer.title, request=request), CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{offer.slug}-termine.ics"'
    return response


def _detail_data(user, slug: str) -> tuple[Offer, list[Run], list]:
    """The offer with everything the page shows. What the public sees is cached under the catalogue version and
    today's date (runs end, offers stop being listed); editors previewing their own offers always get fresh data."""
    if user.is_authenticated:
        return _load_detail(Offer.objects.visible_to(user), slug)
    return public_detail(slug)


def public_detail(slug: str) -> tuple[Offer, list[Run], list]:
    """A listed offer with its runs that have not ended and its contacts, as every visitor sees it (cached); 404
    for anything else. Also the API's offer detail."""
    digest = hashlib.sha256(slug.encode()).hexdigest()[:32]
    key = f"offers:detail:{CatalogueVersion.current()}:{timezone.localdate()}:{digest}"
    data = cache.get(key)
    if data is None:
        data = _load_detail(Offer.objects.listed(), slug)
        cache.set(key, data, DETAIL_SECONDS)
    return data


def _load_detail(offers, slug: str) -> tuple[Offer, list[Run], list]:
    offers = offers.select_related("provider", "leads_to", "contact_person").defer("search_vector")
    offers = offers.prefetch_related(
        "entry_levels",
        "target_groups",
        "sectors",
        "languages",
        Prefetch("funding_programmes", queryset=FundingProgramme.objects.filter(active=True)),
        Prefetch("translations", to_attr="page_translations"),  # every language: the cache serves them all
    )
    offer = get_object_or_404(offers, slug=slug)
    runs = list(offer.runs.not_ended().order_by("-rolling_start", "start_date", "pk"))
    return offer, runs, _contacts(offer)


def _contacts(offer: Offer) -> list:
    if offer.contact_person_id:
        return [offer.contact_person]
    return list(offer.provider.contact_persons.all()[:1])
