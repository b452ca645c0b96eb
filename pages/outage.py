"""What a visitor sees while the database is unreachable: a 503 in the portal's layout, never a 500.

A view's database error reaches `DatabaseOutageMiddleware.process_exception`; one raised by another middleware
(loading the session, the user) reaches `server_error`, the 500 handler. Both answer the same page, rendered without
the request's context processors, so neither the session, the user nor the Merkliste is read. The app needs no
restart afterwards: Django drops a broken connection at the end of the request and opens a new one on the next.
See docs/operations.md, "Outages".
"""

import logging
import sys

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers

from counselling.consent import CONSENT_VERSION
from counselling.forms import OfflineInquiryForm

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_DOWN):
            return None
        logger.warning("Database unavailable for %s %s: %s", request.method, request.path, exception)
        return outage_response(request)


def server_error(request: HttpRequest) -> HttpResponse:
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return outage_response(request)
    return HttpResponse(render_to_string("500.html"), status=500)


def outage_response(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and _view_name(request) == "counselling:request":
        return _request_not_received(request)
    return render_offline(request, "503.html", {})


def _request_not_received(request: HttpRequest) -> HttpResponse:
    """The visitor's request is NOT stored: show their input again so they can send it later or call instead."""
    context = {
        "form": OfflineInquiryForm(request.POST),
        "not_received": True,
        "has_offices": True,
        "consent_version": CONSENT_VERSION,
    }
    return render_offline(request, "counselling/request_form.html", context)


def render_offline(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    """Renders a page of the portal with a context that needs no database (the visitor appears logged out)."""
    context = {
        "request": request,
        "csrf_token": get_token(request),
        "user": AnonymousUser(),
        "database_unavailable": True,
        "portal_name": settings.SITE_NAME,
        "office_phone": settings.OFFICE_PHONE,
        "office_email": settings.OFFICE_EMAIL,
        **context,
    }
    response = HttpResponse(render_to_string(template, context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def _view_name(request: HttpRequest) -> str:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return ""
