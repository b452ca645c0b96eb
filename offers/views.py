import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from offers import jsonld
from offers.calendar import CONTENT_TYPE, runs_calendar
from offers.cost_estimates import offer_estimates
from offers.demand import note_search_without_results
from offers.forms import BackLinkForm, CostForm
from offers.imports.export import export_rows
from offers.models import CatalogueVersion, Offer, Run
from offers.models.offer import any_translation
from offers.paths import in_a_published_path, memberships
from offers.search import paging
from offers.search.filterset import OfferFilter
from offers.search.results import search as search_offers
from offers.textsearch import matching
from partners.scoping import is_coordinator
from places.lookup import label as place_label
from tabular.responses import FORMATS, download

DETAIL_SECONDS = 3600


def search(request: HttpRequest) -> HttpResponse:
    context = search_context(request, Offer.objects.listed())
    context["may_export"] = is_coordinator(request.user)
    context["export_limit"] = settings.SEARCH_EXPORT_MAX_OFFERS
    return render(request, "offers/search.html", context)


def search_export(request: HttpRequest, file_format: str) -> HttpResponse:
    """A search's results in the import template, for coordinators (docs/import.md); a 404 for everybody else.
    At most SEARCH_EXPORT_MAX_OFFERS offers (the page says so): a download is a working list, not a backup."""
    if not is_coordinator(request.user) or file_format not in FORMATS:
        raise Http404
    filterset = OfferFilter(request.GET, queryset=Offer.objects.listed())
    filterset.locate_place()
    first = filterset.qs.values_list("pk", flat=True)[: settings.SEARCH_EXPORT_MAX_OFFERS]  # in the search's order
    limited = Offer.objects.filter(pk__in=list(first))
    return download(export_rows(limited), filename="angebote-suche", file_format=file_format)


def search_context(request: HttpRequest, base, *, hide: tuple[str, ...] = (), back_to: dict | None = None) -> dict:
    """The search, facets and page of results over `base`, shared by /angebote/, the funding pages and the partner
    profile (`back_to`: {"programm" or "partner": slug} of the page this is, so that result links lead back to it)."""
    results = search_offers(request.GET, base, hide=hide)
    filterset, page = results.filterset, results.page
    data = filterset.data
    chips = [(label, _url_without(data, name, value)) for name, value, label in results.chips()]
    relaxations = [(label, count, _url_without(data, name)) for name, label, count in results.relaxations()]
    if not page.paginator.count:
        note_search_without_results(request=request, filters=filterset.cleaned, place=filterset.place)
    return {
        "filter": filterset,
        "form": filterset.form,
        "facets": results.facets(),
        "page_obj": page,
        "total_estimated": results.total_estimated,
        "too_deep": results.too_deep,
        "max_results": results.max_results,
        "more_by_start": paging.max_results("start") > results.max_results,
        "page_numbers": paging.page_numbers(page),
        "offers": page.object_list,
        "chips": chips,
        "relaxations": relaxations,
        "sort": filterset.sort_key,
        "sort_options": filterset.sort_options(),
        "back_query": _back_query(data, back_to or {}),
        "place": filterset.place,
        "also_searched": matching.also_searched(filterset.cleaned.get("q") or ""),
        "place_choices": _place_choices(data, filterset.place_search),
        "without_place": _url_without(data, "near") if filterset.place_unresolved else "",
        "fragment_version": results.fragment_version,
    }


def _place_choices(data: QueryDict, place_search) -> list[tuple[str, str]]:
    """(town, URL of the same search near it) for each town `near` may also mean; the postcode in the URL makes the
    choice unique."""
    if place_search is None:
        return []
    choices = []
    for row in place_search.alternatives:
        query = data.copy()
        query.pop("page", None)
        query["near"] = f"{row.code} {row.city}"
        choices.append((place_label(row), "?" + query.urlencode()))
    return choices


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
    costs = CostForm(request.GET if set(request.GET) & set(CostForm.base_fields) else None)
    context = {
        "offer": offer,
        "runs": runs,
        "jsonld": jsonld.course(offer, [run for run in runs if run.status != Run.Status.CANCELLED], request),
        "back_url": back.back_url(),
        "canonical_url": request.build_absolute_uri(offer.get_absolute_url()),
        "contacts": contacts,
        "has_dates": any(run.start_date and run.status != Run.Status.CANCELLED for run in runs),
        "memberships": offer.path_memberships,
        "cost_form": costs,
        "estimates": offer_estimates(offer, costs.situation()),
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
    links = ("entry_levels", "target_groups", "sectors", "languages", "funding_programmes")  # active programmes only
    offers = offers.with_vocabulary_links(*links).annotate(
        has_translations=any_translation(), in_a_path=in_a_published_path()
    )
    offer = get_object_or_404(offers, slug=slug)
    # Most offers have no translation and teach no module of a path: those are read only where there are some. Every
    # language's translations, since the cache serves them all; the memberships give "Modul 2 von 5" and its links.
    offer.page_translations = list(offer.translations.all()) if offer.has_translations else []
    offer.path_memberships = memberships(offer) if offer.in_a_path else []
    runs = list(offer.runs.not_ended().order_by("-rolling_start", "start_date", "pk"))
    return offer, runs, _contacts(offer)


def _contacts(offer: Offer) -> list:
    if offer.contact_person_id:
        return [offer.contact_person]
    return list(offer.provider.contact_persons.all()[:1])
