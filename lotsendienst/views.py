from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        reason = str(exc).splitlines()[0][:200] if str(exc) else exc.__class__.__name__
        return HttpResponse(f"database unavailable: {reason}", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def page(request: HttpRequest, template: str) -> HttpResponse:
    return render(request, f"pages/{template}.html")
