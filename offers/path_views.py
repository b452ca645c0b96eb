"""The public pages of the qualification paths: /wege/ and /wege/<slug>/ (modules as steps, next runs near a
place)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from offers.forms import PlaceForm
from offers.models import QualificationPath
from offers.paths import path_steps
from partners.scoping import is_coordinator


def _paths_for(user):
    """Published paths; coordinators also preview the unpublished ones."""
    return QualificationPath.objects.all() if is_coordinator(user) else QualificationPath.objects.published()


def path_list(request: HttpRequest) -> HttpResponse:
    paths = _paths_for(request.user).prefetch_related("modules")
    return render(request, "offers/path_list.html", {"paths": paths})


def path_detail(request: HttpRequest, slug: str) -> HttpResponse:
    path = get_object_or_404(_paths_for(request.user), slug=slug)
    form = PlaceForm(request.GET or None)
    place = form.place() if form.is_bound else None
    context = {"path": path, "form": form, "place": place, "steps": path_steps(path, place)}
    return render(request, "offers/path_detail.html", context)
