from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from partners import selectors
from partners.filters import PartnerFilter

PAGE_SIZE = 24


def directory(request: HttpRequest) -> HttpResponse:
    partner_filter = PartnerFilter(request.GET, queryset=selectors.directory_partners())
    page = Paginator(partner_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "partners/directory.html", {"filter": partner_filter, "page": page})
