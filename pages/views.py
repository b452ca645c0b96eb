import logging

from django.db import Error as DatabaseDriverError
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache

from offers.models import FundingProgramme, Offer, QualificationStep
from offers.search.results import catalogue_summary
from partners.models import Partner

logger = logging.getLogger(__name__)

LATEST_OFFERS = 6


def home(request: HttpRequest) -> HttpResponse:
    listed = Offer.objects.listed()
    counts = catalogue_summary()  # bounded (sampled past a size) and cached like a search
    context = {
        "ladder": _ladder(counts),
        "counts_estimated": counts["total_estimated"],
        "figures": {
            "offers": counts["total"],
            "partners": Partner.objects.active().count(),
            "programmes": FundingProgramme.objects.filter(active=True).count(),
        },
        "latest_offers": listed.order_by("-created_at", "-pk").card_data()[:LATEST_OFFERS],
        "contact_points": Partner.objects.contact_points().order_by("city", "name", "pk"),
    }
    return render(request, "pages/home.html", context)


def _ladder(counts: dict) -> list[QualificationStep]:
    """The four ladder steps, each with the number of listed offers open to it (the search's level facet)."""
    levels = counts["facets"]["level"]
    steps = list(QualificationStep.objects.all())
    for step in steps:
        step.offer_count = levels.get(step.slug, 0)
    return steps


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """`ok` or `unavailable`, nothing more: the database's host and error text go to the log, not to the public."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseDriverError as error:  # also InterfaceError, which is no DatabaseError
        # One line per failed check, no traceback: monitoring polls this every few seconds.
        logger.error("Health check: database unavailable: %s", error)
        return HttpResponse("unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def page(request: HttpRequest, template: str) -> HttpResponse:
    return render(request, f"pages/{template}.html")


def robots(request: HttpRequest) -> HttpResponse:
    """Keeps crawlers out of the admin, the desk (but not its public request form) and the login, and names the
    sitemap."""
    context = {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))}
    return render(request, "pages/robots.txt", context, content_type="text/plain; charset=utf-8")


@cache_control(max_age=86400, public=True)
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico where nothing names an icon (the API's JSON, a downloaded file): it leads to the
    SVG icon the pages link, so the request ends in the icon and not in a 404 in every log."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's own page is a bare English "403 Forbidden"; this one is the portal's 403 in German. `reason` is for
    developers only and stays out of the page."""
    return render(request, "403.html", {"form_expired": True}, status=403)
