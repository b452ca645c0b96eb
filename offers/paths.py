"""Reads for the qualification paths: a path's modules with the next runs of their offers (nearest first when a
place is given), and the paths an offer belongs to (the "Modul 2 von 5" navigation of the offer page)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef

from offers.models import ModuleOffer, Offer, PathModule, QualificationPath, Run
from places.distance import Place

RUNS_PER_MODULE = 3


@dataclass
class Step:
    module: PathModule
    offers: list[Offer] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)  # the next runs of all its offers, nearest or soonest first


@dataclass
class Membership:
    """One path an offer teaches a module of."""

    path: QualificationPath
    module: PathModule
    modules: list[PathModule]

    @property
    def number(self) -> int:
        """The module's place in the path counted from 1 (positions may leave gaps)."""
        return self.modules.index(self.module) + 1


def path_steps(path: QualificationPath, place: Place | None = None) -> list[Step]:
    """The path's modules in order, each with its listed offers and their next runs: three queries whatever the
    size of the path."""
    steps = {module.pk: Step(module) for module in path.modules.order_by("position", "pk")}
    links = ModuleOffer.objects.filter(module__path=path, offer__in=Offer.objects.listed())
    links = list(links.select_related("offer__provider").order_by("offer__title", "offer__pk"))
    for link in links:
        steps[link.module_id].offers.append(link.offer)
    offers = {link.offer_id: link.offer for link in links}
    for run in _next_runs(offers, place):
        run.offer = offers[run.offer_id]
        for link in links:
            step = steps[link.module_id]
            if link.offer_id == run.offer_id and len(step.runs) < RUNS_PER_MODULE:
                step.runs.append(run)
    return list(steps.values())


def _next_runs(offers: dict, place: Place | None) -> list[Run]:
    runs = Run.objects.current().filter(offer_id__in=offers)
    if place is None:
        return list(runs.order_by("-rolling_start", "start_date", "pk"))
    runs = runs.with_distance_from(place)
    return list(runs.order_by(F("distance_km").asc(nulls_last=True), "start_date", "pk"))


def in_a_published_path() -> Exists:
    """Whether an offer teaches a module of a published path (an annotation): most offers do not, and the offer page
    reads its memberships only where there are some."""
    return Exists(ModuleOffer.objects.filter(offer=OuterRef("pk"), module__path__published=True))


def memberships(offer: Offer) -> list[Membership]:
    """Every published path one of whose modules this offer teaches, with that path's modules in order."""
    links = ModuleOffer.objects.filter(offer=offer, module__path__published=True).select_related("module__path")
    links = list(links.order_by("module__path__title", "module__position"))
    paths = {link.module.path_id for link in links}
    modules = defaultdict(list)
    for module in PathModule.objects.filter(path_id__in=paths).order_by("position", "pk"):
        modules[module.path_id].append(module)
    return [Membership(link.module.path, link.module, modules[link.module.path_id]) for link in links]
