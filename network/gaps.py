"""The gap view: supply (current offers and seats) against demand (needs analyses, guide answers, searches without
results, referrals without an offer) by sector × ladder step × region, for a period (docs/domain.md, gap view)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from counselling.models import Need, Referral, Topic
from network.models import DemandCount
from network.regions import NO_REGION, RegionMap
from network.suppression import shown
from offers.models import Offer, QualificationStep, Run, Sector

ONLINE_FORMS = (Run.LearningForm.ONLINE_LIVE, Run.LearningForm.SELBSTLERNEN, Run.LearningForm.FERNUNTERRICHT)
RANKED_GAPS = 10

Key = tuple[str, str, str]  # sector slug, step slug, region slug


@dataclass
class GapCell:
    sector: str
    step: str
    region: str
    employees: int = 0  # employees concerned, from needs analyses
    needs: int = 0
    guide: int = 0
    searches: int = 0
    referrals_without_offer: int = 0
    offers: int = 0  # current offers with a run in the region
    seats: int = 0
    next_start: date | None = None
    online: int = 0  # current online offers open to this sector and step (anywhere)
    labels: dict = field(default_factory=dict)

    @property
    def demand(self) -> int:
        return self.employees + self.guide + self.searches + self.referrals_without_offer

    @property
    def score(self) -> float:
        """How much demand waits per current offer in the region: the gaps' ranking."""
        return self.demand / (1 + self.offers)


@dataclass
class GapReport:
    start: date
    end: date
    cells: list[GapCell]
    requests: dict[str, int]  # region slug → counselling requests
    requests_by_topic: list[tuple[str, str, int]]
    regions: list[tuple[str, str]]  # (slug, name) shown
    suppress: bool

    @property
    def ranked(self) -> list[GapCell]:
        gaps = [cell for cell in self.cells if cell.region != NO_REGION and cell.step and cell.demand]
        return sorted(gaps, key=lambda cell: (-cell.score, -cell.demand, cell.labels["sector"]))[:RANKED_GAPS]

    def gap_text(self, cell: GapCell) -> str:
        return _(
            "%(sector)s, %(step)s, %(region)s: %(employees)s Beschäftigte mit Bedarf, %(asked)s Nachfragen im Portal, "
            "%(requests)s Anfragen in der Region, %(offers)s aktuelle Angebote in der Region"
        ) % {
            "sector": cell.labels["sector"],
            "step": cell.labels["step"],
            "region": cell.labels["region"],
            "employees": cell.employees,
            "asked": cell.guide + cell.searches,
            "requests": self.requests.get(cell.region, 0),
            "offers": cell.offers,
        }

    def referrals_shown(self, cell: GapCell) -> str:
        return shown(cell.referrals_without_offer, suppress=self.suppress)

    def csv_rows(self):
        yield [_("Branche"), _("Stufe"), _("Region"), _("Beschäftigte mit Bedarf"), _("Bedarfe"),
               _("Antworten im Lotsen"), _("Suchen ohne Treffer"), _("Vermittlungen ohne Angebot"),
               _("Anfragen in der Region"), _("aktuelle Angebote in der Region"), _("Plätze"), _("nächster Beginn"),
               _("Online-Angebote")]  # fmt: skip
        for cell in self.cells:
            yield [cell.labels["sector"], cell.labels["step"], cell.labels["region"], cell.employees, cell.needs,
                   cell.guide, cell.searches, self.referrals_shown(cell), self.requests.get(cell.region, 0),
                   cell.offers, cell.seats, cell.next_start, cell.online]  # fmt: skip


class _Cells(dict):
    def __missing__(self, key: Key) -> GapCell:
        self[key] = GapCell(*key)
        return self[key]


def _add_needs(cells: _Cells, regions: RegionMap, needs) -> None:
    for step, sector, company_sector, postcode, employees in needs:
        cell = cells[(sector or company_sector or "", step, regions.of_postcode(postcode))]
        cell.employees += employees
        cell.needs += 1


def _add_demand_counts(cells: _Cells, regions: RegionMap, start: date, end: date) -> dict[str, int]:
    rows = (
        DemandCount.objects.filter(day__range=(start, end))
        .values_list("kind", "step", "sector", "district_code", "topic")
        .annotate(n=Sum("count"))
        .order_by()
    )
    requests: dict[str, int] = defaultdict(int)
    for kind, step, sector, district, _topic, n in rows:
        region = regions.of_district(district)
        if kind == DemandCount.Kind.GUIDE:
            cells[(sector, step, region)].guide += n
        elif kind == DemandCount.Kind.SEARCH:
            cells[(sector, step, region)].searches += n
        elif kind == DemandCount.Kind.REQUEST:
            requests[region] += n
    return requests


def _requests_by_topic(regions: RegionMap, start: date, end: date, region: str | None) -> list[tuple[str, str, int]]:
    rows = (
        DemandCount.objects.filter(day__range=(start, end), kind=DemandCount.Kind.REQUEST)
        .values_list("topic", "district_code")
        .annotate(n=Sum("count"))
        .order_by()
    )
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for topic, district, n in rows:
        slug = regions.of_district(district)
        if region is None or slug == region:
            totals[(topic, slug)] += n
    labels = dict(Topic.choices)
    return sorted(
        ((str(labels.get(topic, _("ohne Angabe"))), regions.name(slug) or _("ohne Region"), n)
         for (topic, slug), n in totals.items()),
        key=lambda row: (-row[2], row[0], row[1]),
    )  # fmt: skip


def _add_referrals(cells: _Cells, regions: RegionMap, referrals) -> None:
    for step, sector, postcode in referrals:
        cells[(sector or "", step or "", regions.of_postcode(postcode))].referrals_without_offer += 1


def _links(relation: str, offers) -> dict[int, set[str]]:
    """{offer id: slugs} of a many-to-many vocabulary of the offers, in one query."""
    through = Offer._meta.get_field(relation).remote_field.through
    target = Offer._meta.get_field(relation).m2m_reverse_field_name()
    links: dict[int, set[str]] = defaultdict(set)
    for offer_id, slug in through.objects.filter(offer__in=offers).values_list("offer_id", f"{target}__slug"):
        links[offer_id].add(slug)
    return links


def _add_supply(cells: _Cells, today: date) -> None:
    """Current offers, seats and next start per sector, entry step and region of the run's venue; online apart."""
    offers = Offer.objects.listed(today)
    sectors, steps = _links("sectors", offers), _links("entry_levels", offers)
    runs = list(
        Run.objects.current(today)
        .filter(offer__in=offers)
        .values_list("offer_id", "postcode", "seats", "start_date", "rolling_start", "learning_form")
    )
    regions = RegionMap(postcode for _offer, postcode, *_rest in runs)
    counted: set[tuple[Key, int]] = set()
    online: dict[tuple[str, str], set[int]] = defaultdict(set)
    for offer_id, postcode, seats, start, rolling, form in runs:
        region = regions.of_postcode(postcode) if postcode else NO_REGION
        begins = today if rolling else (start if start and start >= today else None)
        for sector in sectors.get(offer_id, ()):
            for step in steps.get(offer_id, ()):
                if form in ONLINE_FORMS and not postcode:
                    online[(sector, step)].add(offer_id)
                if region == NO_REGION:
                    continue
                cell = cells[(sector, step, region)]
                cell.seats += seats or 0
                if begins and (cell.next_start is None or begins < cell.next_start):
                    cell.next_start = begins
                if ((sector, step, region), offer_id) not in counted:
                    counted.add(((sector, step, region), offer_id))
                    cell.offers += 1
    for (sector, step, _region), cell in cells.items():
        cell.online = len(online.get((sector, step), ()))


def _label(cells: _Cells, regions: RegionMap) -> None:
    sectors = dict(Sector.objects.values_list("slug", "name"))
    ladder = list(QualificationStep.objects.order_by("order").values_list("slug", "name"))
    names = dict(ladder)
    following = {slug: ladder[i + 1][1] for i, (slug, _name) in enumerate(ladder[:-1])}
    for (sector, step, region), cell in cells.items():
        step_name = names.get(step, _("ohne Angabe"))
        if step in following:
            step_name = f"{step_name} → {following[step]}"
        cell.labels = {
            "sector": sectors.get(sector, _("ohne Branche")),
            "step": step_name,
            "region": regions.name(region) or _("ohne Region"),
            "step_order": [slug for slug, _name in ladder].index(step) if step in names else 99,
        }


def gap_report(*, start: date, end: date, region: str | None = None, offices=None, suppress: bool = True) -> GapReport:
    """`region`: a region slug or None for all; `offices`: limit the case records (needs, referrals) to these
    offices, None for the whole network; `suppress`: show case-derived counts under 5 as "< 5"."""
    needs = Need.objects.filter(analysis__date__range=(start, end))
    referrals = Referral.objects.filter(date__range=(start, end), offer__isnull=True, need__isnull=True)
    if offices is not None:
        needs = needs.filter(analysis__company__office__in=offices)
        referrals = referrals.filter(case__office__in=offices)
    company = "analysis__company__"
    need_rows = list(
        needs.values_list("step__slug", "sector__slug", f"{company}sector__slug", f"{company}postcode", "employees")
    )
    referral_rows = list(referrals.values_list("case__step__slug", "case__sector__slug", "case__postcode"))
    regions = RegionMap([row[3] for row in need_rows] + [row[2] for row in referral_rows])
    cells = _Cells()
    _add_needs(cells, regions, need_rows)
    requests = _add_demand_counts(cells, regions, start, end)
    _add_referrals(cells, regions, referral_rows)
    _add_supply(cells, timezone.localdate())
    _label(cells, regions)
    chosen = [cell for cell in cells.values() if region is None or cell.region == region]
    chosen = [cell for cell in chosen if cell.demand or cell.offers]
    chosen.sort(key=lambda c: (c.labels["sector"], c.labels["step_order"], c.labels["region"]))
    shown_regions = [(slug, r.name) for slug, r in regions.regions.items() if region is None or slug == region]
    if region is not None:
        requests = {region: requests.get(region, 0)}
    topics = _requests_by_topic(regions, start, end, region)
    return GapReport(start, end, chosen, dict(requests), topics, sorted(shown_regions, key=lambda r: r[1]), suppress)
