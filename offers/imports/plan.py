"""What an import would do to a partner's offers: new, changed, unchanged and (for a complete file) archived."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from offers.imports.template import MANY_FIELDS, RUN_FIELDS
from offers.imports.validate import OfferData
from offers.models import Offer, Run

OWN_KEY_PREFIX = "LD-"  # the export's key for an offer without Kursnummer


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
    """Matches each offer of the file to the partner's offer with the same Kursnummer, or, for "LD-<id>" (an
    export's key for an offer without Kursnummer, offers/imports/export.py), to that offer if it still has none."""
    own = Offer.objects.filter(provider=partner).prefetch_related(
        *MANY_FIELDS, Prefetch("runs", queryset=Run.objects.order_by("pk"))
    )
    existing = {offer.external_id: offer for offer in own.exclude(external_id="")}
    unnumbered = {f"{OWN_KEY_PREFIX}{offer.pk}": offer for offer in own.filter(external_id="", pk__in=_own_ids(offers))}
    plan = Plan(partner)
    for data in offers:
        offer = existing.pop(data.external_id, None) or unnumbered.get(data.external_id)
        if offer is None:
            plan.new.append(data)
        elif differs(offer, data):
            plan.changed.append((offer, data))
        else:
            plan.unchanged.append(offer)
    if complete:
        plan.archived = [offer for offer in existing.values() if offer.status != Offer.Status.ARCHIVED]
    return plan


def _own_ids(offers: list[OfferData]) -> list[int]:
    keys = (data.external_id.removeprefix(OWN_KEY_PREFIX) for data in offers)
    return [int(key) for key in keys if key.isdigit()]
