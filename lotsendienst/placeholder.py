"""Temporary pages for URLs whose feature is not built yet; each issue replaces its own."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def coming_soon(request: HttpRequest, **kwargs) -> HttpResponse:
    return render(request, "coming_soon.html")
