import datetime
import itertools
from dataclasses import dataclass

from django.utils import timezone

from offers.models import FundingProgramme, Offer, QualificationStep, Run, Sector
from partners.models import Partner
from places.models import Postcode

_numbers = itertools.count(1)

STUTTGART = ("70173", "Stuttgart", 48.7784, 9.1800)
SCHWERIN = ("19053", "Schwerin", 53.6288, 11.4148)
PROGRAMMES = [
    "teilqualifizierung",
    "bildungsgutschein",
    "qualifizierungschancengesetz",
    "qualifizierungsgeld",
    "aufstiegs-bafoeg",
    "weiterbildungsstipendium",
    "aufstiegsstipendium",
    "esf-fachkurse-bw",
    "bildungszeit-bw",
    "bildungsfreistellung-mv",
    "avgs",
]


def step(slug: str) -> QualificationStep:
    order = ["ohne-abschluss", "fachkraft", "aufstieg", "akademisch"].index(slug) + 1
    return QualificationStep.objects.get_or_create(slug=slug, defaults={"name": slug.title(), "order": order})[0]


def sector(slug: str) -> Sector:
    return Sector.objects.get_or_create(slug=slug, defaults={"name": slug.title()})[0]


def programme(slug: str) -> FundingProgramme:
    return FundingProgramme.objects.get_or_create(slug=slug, defaults={"name": slug.title(), "short_name": slug})[0]


def make_postcode(place) -> Postcode:
    code, city, lat, lon = place
    return Postcode.objects.get_or_create(code=code, city=city, defaults={"latitude": lat, "longitude": lon})[0]


def make_partner(place=STUTTGART, **fields) -> Partner:
    n = next(_numbers)
    code, city, lat, lon = place
    fields = {
        "name": f"Partner {n}",
        "slug": f"partner-{n}",
        "kind": Partner.Kind.BERATUNG,
        "postcode": code,
        "city": city,
        "latitude": lat,
        "longitude": lon,
        **fields,
    }
    return Partner.objects.create(**fields)


def make_offer(
    provider: Partner, *, levels=(), sectors=(), programmes=(), place=STUTTGART, run=True, **fields
) -> Offer:
    n = next(_numbers)
    fields = {
        "title": f"Angebot {n}",
        "slug": f"angebot-{n}",
        "summary": "Kurz beschrieben.",
        "kind": Offer.Kind.ANPASSUNG,
        "status": Offer.Status.PUBLISHED,
        **fields,
    }
    offer = Offer.objects.create(provider=provider, **fields)
    offer.entry_levels.set([step(slug) for slug in levels])
    offer.sectors.set([sector(slug) for slug in sectors])
    offer.funding_programmes.set([programme(slug) for slug in programmes])
    if run:
        make_run(offer, place=place)
    return offer


def make_run(offer: Offer, *, place=STUTTGART, days: int = 30, **fields) -> Run:
    code, city, lat, lon = place
    start = timezone.localdate() + datetime.timedelta(days=days)
    fields = {
        "start_date": start,
        "end_date": start + datetime.timedelta(days=60),
        "schedule": Run.Schedule.TEILZEIT,
        "learning_form": Run.LearningForm.PRAESENZ,
        "postcode": code,
        "city": city,
        "latitude": lat,
        "longitude": lon,
        **fields,
    }
    return Run.objects.create(offer=offer, **fields)


@dataclass
class Region:
    stuttgart_point: Partner
    schwerin_point: Partner
    tq_stuttgart: Offer
    externen_schwerin: Offer
    meister_stuttgart: Offer
    sprachkurs_stuttgart: Offer
    draft_tq_stuttgart: Offer
    past_tq_stuttgart: Offer


def build_region() -> Region:
    """Two towns, each with a contact point and offers; plus rows that must never show (draft, ended, inactive)."""
    for place in (STUTTGART, SCHWERIN):
        make_postcode(place)
    for slug in PROGRAMMES:
        programme(slug)
    stuttgart_point = make_partner(
        name="Lotsendienst Stuttgart",
        slug="lotsendienst-stuttgart",
        is_contact_point=True,
        opening_hours="Mo–Fr 9–16 Uhr",
    )
    schwerin_point = make_partner(SCHWERIN, name="SAZ Schwerin", slug="saz-schwerin", is_contact_point=True)
    make_partner(name="Stillgelegte Anlaufstelle", slug="alt", is_contact_point=True, active=False)
    provider = make_partner(name="Bildungswerk Stuttgart", slug="bildungswerk", kind=Partner.Kind.TRAEGER)
    tq = {"kind": Offer.Kind.TEILQUALIFIZIERUNG, "levels": ["ohne-abschluss"], "sectors": ["metall-elektro"]}
    past = make_offer(provider, title="Vergangene TQ", run=False, **tq)
    make_run(past, days=-100)
    return Region(
        stuttgart_point=stuttgart_point,
        schwerin_point=schwerin_point,
        tq_stuttgart=make_offer(
            provider, title="TQ Maschinen- und Anlagenführer", programmes=["teilqualifizierung"], **tq
        ),
        externen_schwerin=make_offer(
            provider,
            title="Externenprüfung Mechatroniker/in",
            kind=Offer.Kind.EXTERNENPRUEFUNG,
            levels=["ohne-abschluss"],
            sectors=["metall-elektro"],
            place=SCHWERIN,
        ),
        meister_stuttgart=make_offer(
            provider,
            title="Industriemeister Metall",
            kind=Offer.Kind.AUFSTIEG,
            levels=["fachkraft"],
            sectors=["metall-elektro"],
            teaching_hours=600,
            programmes=["aufstiegs-bafoeg"],
        ),
        sprachkurs_stuttgart=make_offer(
            provider, title="Deutsch im Beruf", kind=Offer.Kind.SPRACHKURS, levels=["ohne-abschluss", "fachkraft"]
        ),
        draft_tq_stuttgart=make_offer(provider, title="Entwurf TQ", status=Offer.Status.DRAFT, **tq),
        past_tq_stuttgart=past,
    )
