"""A search as the templates show it: counted facets, removable filters ("chips") and, for an empty result, the
filters whose removal would find something."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from multilingual.text import Captioned, Text
from offers.search.facet_kinds import BOOLEAN_FACETS, FACETS


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    estimated: bool = False  # counted on a sample of a very large result (SEARCH_SAMPLE_ABOVE), rounded


@dataclass
class Facet:
    name: str
    label: str
    options: list[Option]
    boolean: bool = False


def facets(filterset, summary: dict) -> list[Facet]:
    shown = [name for name in FACETS if name not in filterset.hidden]
    return [_facet(filterset, name, summary["facets"].get(name, {}), name in summary["estimated"]) for name in shown]


def _label(label) -> str:
    """A vocabulary's Text keeps its language (the template marks German fallbacks); lazy labels become str."""
    return label if isinstance(label, Text) else str(label)


def _facet(filterset, name: str, counts: dict[str, int], estimated: bool) -> Facet:
    selected = filterset.cleaned.get(name) or []
    field = filterset.filters[name]
    if name in BOOLEAN_FACETS:
        option = Option("1", field.label, counts.get("1", 0), bool(selected), estimated)
        return Facet(name, field.label, [option], boolean=True)
    options = [
        Option(str(value), _label(label), counts.get(str(value), 0), str(value) in selected, estimated)
        for value, label in field.extra["choices"]
    ]
    return Facet(name, field.label, options)


def active_filters(filterset) -> list[tuple[str, str, str]]:
    """(parameter, value, label) of every active filter value."""
    chips = []
    for name, value in filterset.cleaned.items():
        if name in ("page", "sort", "radius") or name in filterset.hidden or value in (None, "", [], False):
            continue
        chips += _chips(filterset, name, value)
    return chips


def _chips(filterset, name: str, value) -> list[tuple[str, str, str]]:
    field = filterset.filters[name]
    if isinstance(value, list):
        labels = dict(field.extra.get("choices", []))
        return [(name, v, Captioned(field.label, labels.get(v, v))) for v in value]
    if name == "near":
        if filterset.place is None:
            return []
        label = _("Umkreis %(radius)s km um %(place)s") % {
            "radius": filterset.criteria.radius,
            "place": filterset.place,
        }
        return [(name, value, label)]
    if isinstance(value, bool):
        return [(name, "1", str(field.label))]
    return [(name, str(value), f"{field.label}: {value}")]


def relaxations(filterset, summary: dict) -> list[tuple[str, str, int]]:
    """For an empty result: (parameter, label, results without it), best first (counted with the summary)."""
    without = summary.get("without") or {}
    found = [(name, str(filterset.filters[name].label), count) for name, count in without.items() if count]
    return sorted(found, key=lambda item: (-item[2], item[0]))
