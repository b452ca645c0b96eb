"""Needs matching: which current offers fit a company's needs, which people of the office fit a need, and which
companies' needs fit a person. Each read is one set of queries for the whole page, never one per need; the score is
documented in docs/domain.md (needs matching)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Exists, FloatField, OuterRef, Prefetch, Q, Subquery, Value
from django.utils.translation import gettext as _

from counselling.models import Case, ClientKind, Company, Goal, Need
from offers.models import FundingProgramme, Offer, Run
from offers.search.text import fold_gender
from places.distance import distance_km
from places.lookup import locate

DEFAULT_RADIUS_KM = 50
MAX_RADIUS_KM = 1000
# Proximity halves at this distance: 1 / (1 + km / HALF_AT_KM). Online offers count as this far away.
HALF_AT_KM = 25.0
ONLINE_FORMS = (Run.LearningForm.ONLINE_LIVE, Run.LearningForm.SELBSTLERNEN, Run.LearningForm.FERNUNTERRICHT)
SECTOR_BONUS = 0.25
SUGGESTIONS_PER_NEED = 5
STOP_WORDS = {"und", "oder", "für", "mit", "der", "die", "das", "den", "dem", "des", "von", "zur", "zum", "ein", "eine"}

# Employees a size class stands for: the funding rules change at 50, 250 and 500 staff (§ 82 SGB III).
SIZE_EMPLOYEES = {"1-9": 1, "10-49": 10, "50-249": 50, "250-499": 250, "250+": 250, "500+": 500}
EMPLOYEE_TRAINING = "qualifizierungschancengesetz"
SMALL_AND_MEDIUM_ONLY = {"esf-fachkurse-bw"}  # programmes for firms under 250 staff
# Which goals of a person fit a need on a ladder step: a need "ohne Abschluss" wants people to gain a qualification.
GOALS_FOR_STEP = {
    "ohne-abschluss": {Goal.QUALIFICATION, Goal.ADAPT, Goal.GERMAN},
    "fachkraft": {Goal.ADVANCE, Goal.ADAPT},
    "aufstieg": {Goal.ADVANCE, Goal.ADAPT},
    "akademisch": {Goal.ADAPT},
}


def topic_words(text: str) -> list[str]:
    """The words of a need's topic that carry meaning, lower-cased, feminine job titles folded onto the masculine."""
    words = re.findall(r"\w+", fold_gender(text or "").lower())
    return [word for word in dict.fromkeys(words) if len(word) >= 3 and word not in STOP_WORDS]


def relevance(words: list[str], offer: Offer) -> float:
    """Share of the topic's words in the offer's title (full weight) or summary (half weight): 0 to 1."""
    if not words:
        return 0.0
    title = fold_gender(offer.title).lower()
    summary = fold_gender(offer.summary).lower()
    hits = sum(1.0 if word in title else 0.5 if word in summary else 0.0 for word in words)
    return hits / len(words)


def proximity(km: float | None) -> float:
    """1 at the company's door, ½ at 25 km (and online), ⅓ at 50 km, about 0.08 at 300 km."""
    return 1 / (1 + (HALF_AT_KM if km is None else km) / HALF_AT_KM)


def employer_share(size: str) -> int | None:
    """§ 82 SGB III: share of course costs the agency pays for an employee, by company size (docs/domain.md)."""
    employees = SIZE_EMPLOYEES.get(size)
    if employees is None:
        return None
    return 100 if employees < 50 else 50 if employees < 500 else 25


@dataclass
class Suggestion:
    offer: Offer
    score: int
    distance_km: float | None  # None: online
    funding: list[tuple[FundingProgramme, str]] = field(default_factory=list)


def fitting_funding(offer: Offer, size: str) -> list[tuple[FundingProgramme, str]]:
    """The offer's active programmes a company of this size can use, with the share where it depends on size."""
    employees = SIZE_EMPLOYEES.get(size)
    result = []
    for programme in offer.funding_programmes.all():
        if not programme.active:
            continue
        if programme.slug in SMALL_AND_MEDIUM_ONLY and employees is not None and employees >= 250:
            continue
        share = employer_share(size) if programme.slug == EMPLOYEE_TRAINING else None
        result.append((programme, _("bis zu %(share)s %% der Lehrgangskosten") % {"share": share} if share else ""))
    return result


def _text_q(needs: Iterable[Need]) -> Q:
    """Offers whose title or summary holds a word of any need's topic, or that share any need's sector."""
    condition = Q(pk__in=[])
    for need in needs:
        for word in topic_words(need.topic):
            condition |= Q(title__icontains=word) | Q(summary__icontains=word)
        if need.sector_id:
            condition |= Q(sectors=need.sector_id)
    return condition


def candidate_offers(needs: list[Need], place, radius_km: float) -> list[Offer]:
    """Every listed offer that may fit one of the needs: open to a need's step, near enough or online. One query
    (and three to prefetch), whatever the number of needs."""
    current = Run.objects.current().filter(offer_id=OuterRef("pk"))
    offers = Offer.objects.listed().for_level({need.step_id for need in needs}).filter(_text_q(needs))
    online = Exists(current.filter(learning_form__in=ONLINE_FORMS))
    if place is None:
        offers = offers.annotate(online=online, distance_km=Value(None, output_field=FloatField()))
    else:
        nearest = current.filter(latitude__isnull=False).annotate(km=distance_km(place)).order_by("km").values("km")[:1]
        offers = offers.annotate(online=online, distance_km=Subquery(nearest, output_field=FloatField()))
        offers = offers.filter(Q(online=True) | Q(distance_km__lte=radius_km))
    return list(
        offers.distinct()
        .select_related("provider")
        .defer("search_vector", "description")
        .prefetch_related(
            "entry_levels", "sectors", Prefetch("funding_programmes", FundingProgramme.objects.order_by("name"))
        )
    )


def _score(need: Need, offer: Offer, words: list[str], company_sector_id) -> int:
    if need.step_id not in {level.pk for level in offer.entry_levels.all()}:
        return 0
    sector_id = need.sector_id or company_sector_id
    sector_fits = bool(sector_id) and sector_id in {sector.pk for sector in offer.sectors.all()}
    text = relevance(words, offer)
    if not text and (words or not sector_fits):  # a topic must be met by the text; no topic: the sector decides
        return 0
    km = None if offer.online and (offer.distance_km is None or offer.distance_km > HALF_AT_KM) else offer.distance_km
    return round(100 * (text + (SECTOR_BONUS if sector_fits else 0)) * proximity(km))


def _shown_distance(offer: Offer, radius_km: float) -> float | None:
    """The nearest venue's distance, or None where the offer came in as an online offer."""
    km = offer.distance_km
    return km if km is not None and km <= radius_km else None


def offers_for_needs(company: Company, needs: list[Need], *, radius_km: float = DEFAULT_RADIUS_KM) -> dict:
    """{need pk: [Suggestion, …] best first} for the needs of one company."""
    if not needs:
        return {}
    place = locate(company.postcode) if company.postcode else None
    candidates = candidate_offers(needs, place, radius_km)
    result = {}
    for need in needs:
        words = topic_words(need.topic)
        scored = [(offer, _score(need, offer, words, company.sector_id)) for offer in candidates]
        ranked = sorted((pair for pair in scored if pair[1] > 0), key=lambda pair: (-pair[1], pair[0].title))
        result[need.pk] = [
            Suggestion(offer, score, _shown_distance(offer, radius_km), fitting_funding(offer, company.size))
            for offer, score in ranked[:SUGGESTIONS_PER_NEED]
        ]
    return result


def _fits(case: Case, need: Need, company_sector_id) -> bool:
    sector_id = need.sector_id or company_sector_id
    goals = GOALS_FOR_STEP.get(need.step.slug, set())
    return case.step_id == need.step_id and case.goal_kind in goals and (not sector_id or case.sector_id == sector_id)


def people_for_needs(company: Company, needs: list[Need], user) -> dict:
    """{need pk: [Case, …]}: open person cases of the user's offices whose step, goal and sector fit the need.
    One query for all needs; only the reference code is shown, never a name."""
    steps = {need.step_id for need in needs}
    cases = list(
        Case.objects.visible_to(user)
        .open()
        .filter(client_kind=ClientKind.PERSON, anonymised_at__isnull=True, step__in=steps)
        .exclude(goal_kind="")
        .only("pk", "reference", "step_id", "goal_kind", "sector_id", "office_id")
        .order_by("reference")
    )
    return {need.pk: [case for case in cases if _fits(case, need, company.sector_id)] for need in needs}


def needs_for_case(case: Case, user) -> list[Need]:
    """Needs of the user's offices' companies (from their analyses) that fit this person's step, goal and sector."""
    if case.client_kind != ClientKind.PERSON or not case.step_id or not case.goal_kind:
        return []
    needs = (
        Need.objects.filter(analysis__company__in=Company.objects.visible_to(user), step_id=case.step_id)
        .select_related("analysis__company__sector", "step", "sector")
        .order_by("-analysis__date", "pk")
    )
    return [need for need in needs if _fits(case, need, need.analysis.company.sector_id)]


def company_matches(company: Company, user, *, radius_km: float = DEFAULT_RADIUS_KM) -> dict:
    """What the company page shows: each analysis with its needs, each need with its offers and fitting people."""
    analyses = list(company.analyses.prefetch_related("needs__step", "needs__sector"))
    needs = [need for analysis in analyses for need in analysis.needs.all()]
    offers = offers_for_needs(company, needs, radius_km=radius_km)
    people = people_for_needs(company, needs, user)
    rows = [
        (analysis, [(need, offers[need.pk], people[need.pk]) for need in analysis.needs.all()]) for analysis in analyses
    ]
    open_cases = list(
        Case.objects.visible_to(user).open().filter(company=company, anonymised_at__isnull=True).order_by("reference")
    )
    return {"analyses": rows, "open_cases": open_cases, "radius": radius_km}
