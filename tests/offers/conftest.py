import datetime
import itertools

import pytest
from django.utils import timezone

from offers.models import FundingProgramme, Offer, QualificationStep, Run, Sector, TargetGroup
from partners.models import ContactPerson, Partner
from places.models import Postcode

_numbers = itertools.count(1)
TODAY = timezone.localdate


def days(n: int) -> datetime.date:
    return TODAY() + datetime.timedelta(days=n)


def make_partner(**fields) -> Partner:
    n = next(_numbers)
    fields = {"name": f"Träger {n}", "slug": f"traeger-{n}", "kind": Partner.Kind.TRAEGER, **fields}
    return Partner.objects.create(**fields)


def make_offer(provider: Partner | None = None, *, runs=1, levels=(), sectors=(), funding=(), groups=(), **fields):
    """A published offer with `runs` online runs starting in 30 days, unless told otherwise."""
    n = next(_numbers)
    fields = {
        "title": f"Kurs {n}",
        "slug": f"kurs-{n}",
        "summary": "Ein Kurs.",
        "kind": Offer.Kind.ANPASSUNG,
        "status": Offer.Status.PUBLISHED,
        **fields,
    }
    offer = Offer.objects.create(provider=provider or make_partner(), **fields)
    for relation, model, values in (
        (offer.entry_levels, QualificationStep, levels),
        (offer.sectors, Sector, sectors),
        (offer.funding_programmes, FundingProgramme, funding),
        (offer.target_groups, TargetGroup, groups),
    ):
        if values:
            relation.set(model.objects.filter(slug__in=values))
    for _ in range(runs):
        make_run(offer)
    return offer


def make_run(offer: Offer, **fields) -> Run:
    fields = {
        "start_date": days(30),
        "end_date": days(60),
        "schedule": Run.Schedule.TEILZEIT,
        "learning_form": Run.LearningForm.ONLINE_LIVE,
        **fields,
    }
    return Run.objects.create(offer=offer, **fields)


def make_venue_run(offer: Offer, lat: float, lon: float, **fields) -> Run:
    venue = {"street": "Hauptstraße 1", "postcode": "70173", "city": "Stuttgart", "latitude": lat, "longitude": lon}
    return make_run(offer, learning_form=Run.LearningForm.PRAESENZ, **{**venue, **fields})


def slugs(queryset) -> set[str]:
    return {offer.slug for offer in queryset}


@pytest.fixture
def postcodes(db):
    rows = [
        ("70173", "Stuttgart", 48.7784, 9.1800),
        ("19053", "Schwerin", 53.6278, 11.4147),
        ("73728", "Esslingen am Neckar", 48.7427, 9.3057),
    ]
    return {
        code: Postcode.objects.create(code=code, city=city, latitude=lat, longitude=lon)
        for code, city, lat, lon in rows
    }


@pytest.fixture
def contact(db):
    partner = make_partner(name="Schweriner Ausbildungszentrum e.V.")
    return ContactPerson.objects.create(partner=partner, name="Kerstin Wegner", position="Beratung")
