"""Reads behind the guide's result page, composed from the catalogue's and the directory's querysets."""

from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import F
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from guide.admission import Admission, admission_check
from guide.advice import GOAL_SERVICES, GOAL_TARGET_GROUPS, RecognitionBody, offer_kinds, recognition_body
from guide.eligibility import Goal, Verdict, Who, likely_programmes
from guide.forms import GOAL_CHOICES, WHO_CHOICES, Answers
from offers.cost_estimates import ProgrammeEstimate, offer_estimates
from offers.models import FundingProgramme, Offer, QualificationPath
from offers.search.filterset import OfferFilter
from offers.search.results import first_ids
from partners.models import Partner
from places.models import Postcode

RADIUS_KM = 50
OFFER_LIMIT = 6
CONTACT_POINT_LIMIT = 3


@dataclass
class OfferMatch:
    offers: list
    params: dict = field(default_factory=dict)  # the /angebote/ filters that found them
    widened: bool = False

    @property
    def search_url(self) -> str:
        return f"{reverse('offers:search')}?{urlencode(self.params, doseq=True)}"


def search_params(answers: Answers, place: Postcode | None) -> dict:
    """The offer search's public GET parameters (the URL contract in docs/urls.md) for these answers."""
    params = {}
    if answers.step:
        params["level"] = answers.step.slug
    kinds = offer_kinds(goal=answers.goal, step=answers.step.slug if answers.step else None)
    if kinds:
        params["kind"] = kinds
    if answers.sector:
        params["sector"] = answers.sector.slug
    if answers.goal in GOAL_TARGET_GROUPS:
        params["target_group"] = GOAL_TARGET_GROUPS[answers.goal]
    if place:
        params.update(near=place.code, radius=RADIUS_KM)
    return params


def _offers_for(params: dict, languages: list[str]) -> list:
    """The catalogue search itself (offers.search.filterset.OfferFilter) answers, so the list and the link always
    agree; offers taught in the visitor's languages come first."""
    data = QueryDict(mutable=True)
    for key, value in params.items():
        data.setlist(key, [str(item) for item in value] if isinstance(value, list) else [str(value)])
    search = OfferFilter(data, queryset=Offer.objects.listed())
    ids = first_ids(search, OFFER_LIMIT, languages)
    cards = search.qs.card_data().in_bulk(ids)  # the search's annotations: the distance a card shows
    return [cards[pk] for pk in ids if pk in cards]  # an offer withdrawn in between is left out


def matching_offers(answers: Answers, place: Postcode | None) -> OfferMatch:
    """The best matching offers; when nothing fits every answer, drop sector, then distance, then kind. The target
    group of a migrants' route stays: a course for founders is no answer to "run my own business" otherwise."""
    params = search_params(answers, place)
    attempts = [params]
    for dropped in (("sector",), ("sector", "near", "radius"), ("sector", "near", "radius", "kind")):
        wider = {key: value for key, value in params.items() if key not in dropped}
        if wider != attempts[-1]:
            attempts.append(wider)
    for tried in attempts:
        offers = _offers_for(tried, answers.language_codes)
        if offers:
            return OfferMatch(offers, tried, widened=tried is not params)
    return OfferMatch([], params)


def nearest_contact_points(
    place: Postcode | None, *, languages: list[str] = (), goal: str | None = None, limit: int = CONTACT_POINT_LIMIT
) -> list[Partner]:
    """Contact points (and the partners giving the advice the goal needs) that speak the visitor's languages first,
    then nearest first (each with .distance_km), or by name when the place is unknown. Never farther than
    GUIDE_CONTACT_POINT_MAX_KM, except partners that advise by phone or video: at least one of them is always
    named."""
    service = GOAL_SERVICES.get(goal)
    points = Partner.objects.advising_on(service)
    if place is not None:
        points = points.within_reach(place, settings.GUIDE_CONTACT_POINT_MAX_KM)
        points = points.order_by(F("distance_km").asc(nulls_last=True), "name", "pk")
    points = points.ranked(languages=list(languages), service=service).prefetch_related("languages")
    nearest = list(points[:limit])
    if any(point.advises_remotely for point in nearest):
        return nearest
    return nearest + list(points.filter(advises_remotely=True)[:1])


def responsible_body(answers: Answers) -> RecognitionBody | None:
    """For the recognition route: who decides on the foreign qualification, by the occupation's chamber."""
    if answers.goal != Goal.RECOGNITION or answers.occupation is None:
        return None
    return recognition_body(occupation=answers.occupation.name, chamber=answers.occupation.chamber)


@dataclass(frozen=True)
class ProgrammeMatch:
    programme: FundingProgramme
    verdict: Verdict


def likely_funding(answers: Answers) -> list[ProgrammeMatch]:
    """The programmes that probably apply and that the network lists as active, in the rules' order."""
    verdicts = likely_programmes(answers.situation())
    rows = FundingProgramme.objects.filter(active=True, slug__in=[verdict.programme for verdict in verdicts])
    by_slug = {row.slug: row for row in rows}
    return [ProgrammeMatch(by_slug[v.programme], v) for v in verdicts if v.programme in by_slug]


def admission(answers: Answers) -> Admission | None:
    """The Externenprüfung check for the goal "Berufsabschluss nachholen", once trade and experience are known."""
    periods = answers.work_periods()
    if answers.goal != Goal.QUALIFICATION or answers.occupation is None or not periods:
        return None
    occupation = answers.occupation
    return admission_check(
        occupation=occupation.name,
        training_months=occupation.training_months,
        periods=periods,
        handwerk=occupation.is_handwerk,
    )


def counselling_url(answers: Answers, office: Partner | None) -> str:
    """The public counselling request form, prefilled with the guide's answers."""
    params = {"who": "company" if answers.who == Who.COMPANY else "person", "topic": counselling_topic(answers)}
    if answers.postcode:
        params["postcode"] = answers.postcode
    if office:
        params["office"] = office.slug
    if answers.language_codes:
        params["language"] = answers.language_codes[0]
    return f"{reverse('counselling:request')}?{urlencode(params)}"


def answer_summary(answers: Answers) -> list[str]:
    """The understood answers in words, for the result page and the counselling request."""
    parts = [str(dict(WHO_CHOICES).get(answers.who, ""))]
    if answers.step:
        parts.append(answers.step.name)
    if answers.goal:
        parts.append(_("Ziel: %(goal)s") % {"goal": dict(GOAL_CHOICES)[answers.goal]})
    if answers.sector:
        parts.append(_("Branche: %(sector)s") % {"sector": answers.sector.name})
    if answers.language_codes:
        names = ", ".join(language.name for language in answers.languages if language.code in answers.language_codes)
        parts.append(_("Sprachen: %(languages)s") % {"languages": names})
    if answers.occupation and answers.goal in (Goal.QUALIFICATION, Goal.RECOGNITION):
        parts.append(_("Beruf: %(occupation)s") % {"occupation": answers.occupation.name})
    return [part for part in parts if part]


def counselling_topic(answers: Answers) -> str:
    return _("Anfrage aus dem Lotsen: %(answers)s") % {"answers": " · ".join(answer_summary(answers))}


def paths_to(answers: Answers) -> list[QualificationPath]:
    """The published qualification paths to the occupation the visitor named for the Externenprüfung."""
    if answers.goal != Goal.QUALIFICATION or answers.occupation is None:
        return []
    return list(QualificationPath.objects.published().filter(qualification__iexact=answers.occupation.name))


@dataclass(frozen=True)
class OfferCost:
    offer: Offer
    best: ProgrammeEstimate | None  # the applicable programme that leaves the least to pay
    url: str  # the offer page's calculation with the guide's answers filled in


def _left_to_pay(row: ProgrammeEstimate) -> Decimal:
    known = [amount for amount in (row.estimate.company_pays, row.estimate.person_pays) if amount is not None]
    return sum(known, Decimal(0)) if known else Decimal("Infinity")


def offer_costs(answers: Answers, offers: list[Offer]) -> list[OfferCost]:
    """For each matching offer, the cheapest applicable programme for the guide's answers, in euros."""
    situation = answers.cost_situation()
    params = {"betrieb": situation.employees, "alter": situation.age, "status": situation.status}
    query = urlencode({key: value for key, value in params.items() if value is not None})
    rows = []
    for offer in offers:
        applicable = [row for row in offer_estimates(offer, situation) if row.estimate.applies]
        best = min(applicable, key=_left_to_pay) if applicable else None
        rows.append(OfferCost(offer, best, f"{offer.get_absolute_url()}?{query}#kosten"))
    return rows
