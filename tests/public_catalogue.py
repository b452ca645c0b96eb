"""A small public catalogue built with the ORM for the outgoing data tests (API, feeds, iCalendar, sitemap):
eight listed offers of two partners, and the offers that must never leave the portal."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from offers.models import FundingProgramme, Offer, QualificationStep, Run, Sector, TargetGroup
from partners.models import ContactPerson, Partner
from places.models import Postcode

LISTED = ["mechatronik", "cnc-tq", "pflege-extern", "deutsch-beruf", "meister-metall", "excel", "lager", "pflege-basis"]
HIDDEN = ["entwurf", "archiviert", "abgelaufen", "inaktiver-traeger"]


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@dataclass
class Catalogue:
    ihk: Partner
    saz: Partner
    gone: Partner
    offers: dict[str, Offer]


def add_postcodes() -> None:
    """The venues' postcodes (the only Postcode rows these tests need)."""
    for code, city, lat, lon in [
        ("70173", "Stuttgart", 48.7784, 9.1800),
        ("73728", "Esslingen am Neckar", 48.7427, 9.3057),
        ("19053", "Schwerin", 53.6278, 11.4147),
    ]:
        Postcode.objects.create(code=code, city=city, latitude=lat, longitude=lon)


def partner(slug: str, name: str, **fields) -> Partner:
    fields = {"kind": Partner.Kind.TRAEGER, "city": "Stuttgart", **fields}
    return Partner.objects.create(slug=slug, name=name, **fields)


def offer(provider: Partner, slug: str, title: str, *, links: dict | None = None, **fields) -> Offer:
    fields = {"summary": f"{title} in Kürze.", "kind": Offer.Kind.ANPASSUNG, "status": Offer.Status.PUBLISHED, **fields}
    created = Offer.objects.create(provider=provider, slug=slug, title=title, **fields)
    models = {"entry_levels": QualificationStep, "sectors": Sector, "funding_programmes": FundingProgramme,
              "target_groups": TargetGroup}  # fmt: skip
    for relation, values in (links or {}).items():
        getattr(created, relation).set(models[relation].objects.filter(slug__in=values))
    return created


def run(offer: Offer, start: int | None, *, venue: str = "", **fields) -> Run:
    """A run starting in `start` days (None: rolling start), online unless a venue postcode is given."""
    places = {"70173": "Stuttgart", "73728": "Esslingen am Neckar", "19053": "Schwerin"}
    fields = {
        "rolling_start": start is None,
        "start_date": days(start) if start is not None else None,
        "end_date": days(start + 30) if start is not None else None,
        "schedule": Run.Schedule.TEILZEIT,
        "learning_form": Run.LearningForm.PRAESENZ if venue else Run.LearningForm.ONLINE_LIVE,
        "street": "Hauptstraße 1" if venue else "",
        "postcode": venue,
        "city": places.get(venue, ""),
        **fields,
    }
    return Run.objects.create(offer=offer, **fields)


def build_catalogue() -> Catalogue:
    add_postcodes()
    ihk = partner("ihk-test", "IHK Test", is_contact_point=True, kind=Partner.Kind.IHK)
    saz = partner("saz-test", "Schweriner Ausbildungszentrum Test", city="Schwerin")
    gone = partner("weg-traeger", "Ehemaliger Träger", active=False)
    o = {}
    o["mechatronik"] = offer(ihk, "mechatronik", "Umschulung Mechatroniker/in", kind=Offer.Kind.UMSCHULUNG, azav=True,
                             links={"entry_levels": ["ohne-abschluss"], "sectors": ["metall-elektro"],
                                    "funding_programmes": ["bildungsgutschein"]})  # fmt: skip
    run(o["mechatronik"], 30, venue="70173", schedule=Run.Schedule.VOLLZEIT)
    o["cnc-tq"] = offer(
        ihk,
        "cnc-tq",
        "CNC-Fachkraft Teilqualifizierung",
        kind=Offer.Kind.TEILQUALIFIZIERUNG,
        price=1200,
        links={"entry_levels": ["ohne-abschluss"], "sectors": ["metall-elektro"]},
    )
    run(o["cnc-tq"], 10)
    o["pflege-extern"] = offer(saz, "pflege-extern", "Pflegefachhelfer/in Externenprüfung",
                               kind=Offer.Kind.EXTERNENPRUEFUNG, price=800,
                               links={"sectors": ["pflege-gesundheit"],
                                      "funding_programmes": ["qualifizierungschancengesetz"]})  # fmt: skip
    run(o["pflege-extern"], 60, venue="19053")
    o["deutsch-beruf"] = offer(
        saz,
        "deutsch-beruf",
        "Deutsch für den Beruf",
        kind=Offer.Kind.SPRACHKURS,
        links={"target_groups": ["migration"], "sectors": ["branchenuebergreifend"]},
    )
    run(o["deutsch-beruf"], None, learning_form=Run.LearningForm.SELBSTLERNEN)
    o["meister-metall"] = offer(ihk, "meister-metall", "Industriemeister/in Metall", kind=Offer.Kind.AUFSTIEG,
                                price=5000, leads_to=QualificationStep.objects.get(slug="aufstieg"),
                                links={"entry_levels": ["fachkraft"], "sectors": ["metall-elektro"],
                                       "funding_programmes": ["aufstiegs-bafoeg"]})  # fmt: skip
    run(o["meister-metall"], 90, venue="73728", schedule=Run.Schedule.BERUFSBEGLEITEND)
    o["excel"] = offer(
        saz,
        "excel",
        "Excel für Fortgeschrittene",
        price=300,
        links={"entry_levels": ["fachkraft"], "sectors": ["it-digitalisierung"]},
    )
    run(o["excel"], 5, schedule=Run.Schedule.BERUFSBEGLEITEND)
    o["lager"] = offer(
        ihk,
        "lager",
        "Lagerlogistik kompakt",
        azav=True,
        price=900,
        links={"sectors": ["logistik"], "funding_programmes": ["bildungsgutschein"]},
    )
    run(o["lager"], 20, venue="70173")
    o["pflege-basis"] = offer(saz, "pflege-basis", "Pflege Basiskurs", links={"sectors": ["pflege-gesundheit"]})
    run(o["pflege-basis"], 40, venue="70173")
    o["entwurf"] = offer(ihk, "entwurf", "Entwurf Mechatronik", status=Offer.Status.DRAFT)
    run(o["entwurf"], 15)
    o["archiviert"] = offer(ihk, "archiviert", "Archiviertes Pflegeangebot", status=Offer.Status.ARCHIVED)
    run(o["archiviert"], 15)
    o["abgelaufen"] = offer(saz, "abgelaufen", "Abgelaufener Excel-Kurs")
    run(o["abgelaufen"], -60)
    o["inaktiver-traeger"] = offer(gone, "inaktiver-traeger", "Mechatronik beim ehemaligen Träger")
    run(o["inaktiver-traeger"], 15)
    ContactPerson.objects.create(partner=ihk, name="Erika Beispiel", position="Weiterbildungsberatung",
                                 email="beispiel@ihk.example")  # fmt: skip
    return Catalogue(ihk=ihk, saz=saz, gone=gone, offers=o)
