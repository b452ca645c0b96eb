"""Demo offers, runs and postcodes for `manage.py load_demo`; idempotent (keyed on slugs)."""

import datetime
from pathlib import Path

from django.utils import timezone

from offers import demo_paths
from offers.demo_data import OFFERS, VENUES
from offers.models import FundingProgramme, Offer, QualificationStep, Run, Sector, TargetGroup
from partners.models import ContactPerson, Language, Partner
from places.geonames import BUNDLED_FILE, import_postcodes

POSTCODE_FILE = Path(__file__).resolve().parent / "data" / "demo_postcodes.txt"
STALE_DAYS = 240
NEEDS_VENUE = ("praesenz", "blended")

KIND_TEXT = {
    "teilqualifizierung": "Die Teilqualifizierung ist ein standardisiertes Modul eines anerkannten Ausbildungsberufs. "
    "Mehrere Module nacheinander führen zur Externenprüfung vor der Kammer – ohne dass Sie Ihre Arbeit aufgeben.",
    "externenpruefung": "Zur Externenprüfung lässt die Kammer zu, wer mindestens das Eineinhalbfache der regulären "
    "Ausbildungszeit im Beruf gearbeitet hat (§ 45 Abs. 2 BBiG, § 37 Abs. 2 HwO). Wir helfen beim Antrag auf "
    "Zulassung.",
    "umschulung": "Die Umschulung ist gegenüber der Erstausbildung um etwa ein Drittel verkürzt und endet mit der "
    "Prüfung vor der zuständigen Stelle.",
    "aufstiegsfortbildung": "Die Fortbildung endet mit einer öffentlich-rechtlichen Prüfung der Kammer.",
    "studium": "Der Studiengang ist staatlich anerkannt. Beruflich Qualifizierte können auch ohne Abitur "
    "zugelassen werden; Vorleistungen aus Fortbildungen werden angerechnet.",
    "sprachkurs": "Der Kurs verbindet Deutschunterricht mit dem Wortschatz und den Gesprächssituationen Ihres Berufs.",
    "beratung": "Die Beratung ist vertraulich. Sie können einen Termin vor Ort, am Telefon oder per Video vereinbaren.",
    "inhouse": "Wir kommen in Ihren Betrieb; Termine und Inhalte stimmen wir mit Ihnen ab.",
    "anpassung": "Der Kurs bringt Ihr Wissen auf den aktuellen Stand und lässt sich gut mit dem Beruf verbinden.",
}


def load(*, stdout) -> None:
    # Every German postcode, so that any town works in a fresh clone; the demo file's coordinates win for its towns.
    result = import_postcodes(BUNDLED_FILE, POSTCODE_FILE)
    stdout.write(f"Postcodes: {len(result.rows)} ({result.created} new, {result.updated} updated)")
    lookups = _lookups()
    now = timezone.now()
    for index, row in enumerate(OFFERS):
        offer = _load_offer(row, lookups, now - datetime.timedelta(days=(index * 7) % 90 + 1))
        _load_runs(offer, row["runs"])
    loaded = Offer.objects.filter(slug__in=[row["slug"] for row in OFFERS])
    loaded.refresh_dates()
    loaded.update_search_vectors()
    stdout.write(f"Demo offers: {len(OFFERS)} ({loaded.listed().count()} publicly listed)")
    demo_paths.load(stdout=stdout)


def _lookups() -> dict:
    return {
        "partners": {p.slug: p for p in Partner.objects.all()},
        "steps": {s.slug: s for s in QualificationStep.objects.all()},
        "sectors": {s.slug: s for s in Sector.objects.all()},
        "groups": {g.slug: g for g in TargetGroup.objects.all()},
        "funding": {f.slug: f for f in FundingProgramme.objects.all()},
        "languages": {lang.code: lang for lang in Language.objects.all()},
    }


def _description(row: dict) -> str:
    parts = ["Inhalte: " + ", ".join(row["topics"]) + ".", KIND_TEXT[row["kind"]]]
    if row.get("inhouse"):
        parts.append("Das Angebot ist auch als Inhouse-Schulung in Ihrem Betrieb möglich.")
    return "\n\n".join(parts)


def _load_offer(row: dict, lookups: dict, confirmed: datetime.datetime) -> Offer:
    provider = lookups["partners"][row["provider"]]
    contact = ContactPerson.objects.filter(partner=provider, name=row.get("contact", "")).first()
    if row.get("stale"):
        confirmed = timezone.now() - datetime.timedelta(days=STALE_DAYS)
    offer, _created = Offer.objects.update_or_create(
        slug=row["slug"],
        defaults={
            "provider": provider,
            "title": row["title"],
            "summary": row["summary"],
            "description": _description(row),
            "kind": row["kind"],
            "leads_to": lookups["steps"].get(row["leads_to"]),
            "dqr_level": row.get("dqr"),
            "certificate": row.get("certificate", ""),
            "certificate_kind": row.get("certificate_kind", "zertifikat"),
            "azav": row.get("azav", False),
            "teaching_hours": row.get("hours"),
            "duration_text": row.get("duration", ""),
            "price": row.get("price", 0),
            "price_note": row.get("price_note", ""),
            "inhouse_possible": row.get("inhouse", False),
            "accessibility_notes": provider.accessibility,
            "contact_person": contact,
            "registration_url": f"{provider.website.rstrip('/')}/anmeldung" if provider.website else "",
            "status": row.get("status", "published"),
            "last_confirmed_at": confirmed,
        },
    )
    offer.entry_levels.set([lookups["steps"][slug] for slug in row["levels"]])
    offer.sectors.set([lookups["sectors"][slug] for slug in row.get("sectors", [])])
    offer.target_groups.set([lookups["groups"][slug] for slug in row.get("groups", [])])
    offer.funding_programmes.set([lookups["funding"][slug] for slug in row.get("funding", [])])
    offer.languages.set([lookups["languages"][code] for code in row.get("languages", ["de"])])
    return offer


RUN_FIELDS = [
    "rolling_start",
    "start_date",
    "end_date",
    "application_deadline",
    "schedule",
    "learning_form",
    "street",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "seats",
    "status",
    "start_guaranteed",
]


def _load_runs(offer: Offer, runs: list[tuple]) -> None:
    """Replace the offer's runs when they differ, so their dates always lie relative to today.

    bulk_create skips the per-run signals; load() refreshes the offers' dates once at the end.
    """
    wanted = [_run(offer, *spec) for spec in runs]
    existing = list(offer.runs.order_by("pk").values_list(*RUN_FIELDS))
    if existing == [tuple(getattr(run, name) for name in RUN_FIELDS) for run in wanted]:
        return
    offer.runs.all().delete()
    Run.objects.bulk_create(wanted)


def _run(offer: Offer, offset, length, schedule, form, venue, status, guaranteed) -> Run:
    run = Run(offer=offer, schedule=schedule, learning_form=form, status=status, start_guaranteed=guaranteed)
    if offset == "R":
        run.rolling_start = True
    else:
        today = timezone.localdate()
        run.start_date = today + datetime.timedelta(days=offset)
        run.end_date = run.start_date + datetime.timedelta(days=length)
        if offset > 10:
            run.application_deadline = run.start_date - datetime.timedelta(days=7)
    if form in NEEDS_VENUE:
        _place(run, venue, offer.provider)
        run.seats = 12 + (len(offer.slug) % 5) * 2
    run.full_clean()
    return run


def _place(run: Run, venue: str | None, provider: Partner) -> None:
    if venue:
        run.street, run.postcode, run.city, run.latitude, run.longitude = VENUES[venue]
    else:
        run.street, run.postcode, run.city = provider.street, provider.postcode, provider.city
        run.latitude, run.longitude = provider.latitude, provider.longitude
