"""What an import would do to a partner's offers: new, changed, unchanged and (for a complete file) archived."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from offers.imports.template import MANY_FIELDS, RUN_FIELDS
from offers.imports.validate import OfferData
from offers.models import Offer, Run


@dataclass
class Plan:
    partner: object
    new: list[OfferData] = field(default_factory=list)
    changed: list[tuple[Offer, OfferData]] = field(default_factory=list)
    unchanged: list[Offer] = field(default_factory=list)
    archived: list[Offer] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in ("new", "changed", "unchanged", "archived")}


def run_key(run) -> tuple:
    """A run as the file describes it; runs are compared as a sorted list of these."""
    get = run.get if isinstance(run, dict) else lambda name: getattr(run, name)
    return tuple(str(get(name) if get(name) is not None else "") for name in RUN_FIELDS)


def differs(offer: Offer, data: OfferData) -> bool:
    if any(getattr(offer, name) != value for name, value in data.fields.items()):
        return True
    if any(
        {entry.pk for entry in getattr(offer, name).all()} != {e.pk for e in data.links[name]} for name in data.links
    ):
        return True
    return sorted(run_key(run) for run in offer.runs.all()) != sorted(run_key(run) for run in data.runs)


def make_plan(*, partner, offers: list[OfferData], complete: bool = False) -> Plan:
    """Matches each offer of the file to the partner's offer with the same Kursnummer."""
    existing = {
        offer.external_id: offer
        for offer in Offer.objects.filter(provider=partner)
        .exclude(external_id="")
        .prefetch_related(*MANY_FIELDS, Prefetch("runs", queryset=Run.objects.order_by("pk")))
    }
    plan = Plan(partner)
    for data in offers:
        offer = existing.pop(data.external_id, None)
        if offer is None:
            plan.new.append(data)
        elif differs(offer, data):
            plan.changed.append((offer, data))
        else:
            plan.unchanged.append(offer)
    if complete:
        plan.archived = [offer for offer in existing.values() if offer.status != Offer.Status.ARCHIVED]
    return plan
