"""Generated catalogue for load tests: `manage.py load_demo --scale N` adds N offers with their runs.

Everything is written with bulk inserts in fixed-size chunks, so the number of queries grows with N / CHUNK and
never with single rows. bulk_create bypasses simple_history's signals: generated data has no history rows.
"""

import random
import secrets
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from offers.models import (
    SAMPLE_RANGE,
    CatalogueVersion,
    FundingProgramme,
    Offer,
    QualificationStep,
    Run,
    Sector,
    TargetGroup,
)
from offers.models.offer import OPEN_END
from offers.textsearch import names
from partners.models import Language, Partner
from places.models import Postcode

CHUNK = 5000
PREFIX = "gen-"

# (city, a real postcode of it, latitude, longitude): venues are spread around these across Germany.
_CITY_TABLE = """
Berlin|10117|52.520|13.405
Hamburg|20095|53.551|9.994
München|80331|48.137|11.575
Köln|50667|50.938|6.960
Frankfurt am Main|60311|50.110|8.682
Stuttgart|70173|48.776|9.177
Düsseldorf|40213|51.227|6.773
Leipzig|04109|51.340|12.375
Dortmund|44135|51.514|7.465
Essen|45127|51.456|7.012
Bremen|28195|53.079|8.801
Dresden|01067|51.050|13.738
Hannover|30159|52.375|9.732
Nürnberg|90402|49.452|11.077
Duisburg|47051|51.435|6.762
Bochum|44787|51.481|7.216
Wuppertal|42103|51.256|7.151
Bielefeld|33602|52.030|8.532
Bonn|53111|50.737|7.098
Münster|48143|51.961|7.626
Mannheim|68159|49.487|8.466
Karlsruhe|76133|49.007|8.404
Augsburg|86150|48.371|10.898
Wiesbaden|65183|50.078|8.240
Mönchengladbach|41061|51.185|6.442
Braunschweig|38100|52.269|10.521
Kiel|24103|54.323|10.123
Chemnitz|09111|50.833|12.925
Aachen|52062|50.776|6.084
Halle (Saale)|06108|51.483|11.970
Magdeburg|39104|52.121|11.628
Freiburg im Breisgau|79098|47.999|7.842
Krefeld|47798|51.339|6.586
Mainz|55116|49.993|8.247
Lübeck|23552|53.866|10.686
Erfurt|99084|50.978|11.029
Rostock|18055|54.092|12.099
Kassel|34117|51.313|9.480
Saarbrücken|66111|49.240|6.997
Potsdam|14467|52.391|13.065
Ulm|89073|48.400|9.987
Heilbronn|74072|49.142|9.219
Würzburg|97070|49.791|9.953
Regensburg|93047|49.013|12.102
Ludwigsburg|71638|48.894|9.192
Esslingen am Neckar|73728|48.740|9.311
Böblingen|71032|48.685|9.011
Schwerin|19053|53.636|11.401
Wismar|23966|53.891|11.465
Greifswald|17489|54.096|13.381
Neubrandenburg|17033|53.557|13.261
Jena|07743|50.927|11.589
Osnabrück|49074|52.279|8.047
Oldenburg|26122|53.143|8.214
"""
CITIES = [
    (city, code, float(lat), float(lon))
    for city, code, lat, lon in (line.split("|") for line in _CITY_TABLE.strip().splitlines())
]
CODES_PER_CITY = 8  # the real code and seven neighbours, each a Postcode row with its own coordinates
GERMANY = (47.27, 55.06, 5.87, 15.04)  # south, north, west, east

OCCUPATIONS = [
    "Mechatroniker/in",
    "Maschinen- und Anlagenführer/in",
    "Fachkraft für Lagerlogistik",
    "Industriemechaniker/in",
    "Elektroniker/in für Betriebstechnik",
    "Kauffrau/Kaufmann für Büromanagement",
    "Fachinformatiker/in",
    "Pflegefachfrau/Pflegefachmann",
    "Berufskraftfahrer/in",
    "Verkäufer/in",
    "Koch/Köchin",
    "Zerspanungsmechaniker/in",
    "Kunststoff- und Kautschuktechnologe/-technologin",
    "Kauffrau/Kaufmann für Dialogmarketing",
    "Industriemeister/in",
    "Techniker/in Maschinenbau",
    "Fachwirt/in im Gesundheits- und Sozialwesen",
    "Anlagenmechaniker/in SHK",
    "Tischler/in",
    "Medizinische/r Fachangestellte/r",
]
TOPICS = [
    "Digitalisierung in der Produktion",
    "Excel für Fortgeschrittene",
    "Deutsch für den Beruf B2",
    "Führen im Team",
    "CNC-Programmierung",
    "Schweißen nach DIN EN ISO 9606",
    "SPS-Grundlagen",
    "Projektmanagement kompakt",
    "Ausbildung der Ausbilder (AdA)",
    "Hygiene in der Pflege",
    "Gabelstaplerschein",
    "Datenschutz im Betrieb",
    "Vom Ausbilder zum Lernbegleiter",
    "Robotik und Automatisierung",
    "Buchhaltung mit DATEV",
]
KIND_TITLES = {
    "teilqualifizierung": "Teilqualifizierung {occ}",
    "externenpruefung": "Externenprüfung {occ}",
    "umschulung": "Umschulung {occ}",
    "aufstiegsfortbildung": "Aufstiegsfortbildung {occ}",
    "anpassung": "{topic}",
    "studium": "Berufsbegleitendes Studium {topic}",
    "sprachkurs": "{topic}",
    "beratung": "Kompetenzfeststellung {occ}",
    "inhouse": "Inhouse-Schulung {topic}",
}
WORDS = [
    *("Praxis", "Betrieb", "Prüfung", "Kammer", "Modul", "Lernbegleitung", "Werkstatt", "Qualifizierung", "Abschluss"),
    *("Kompetenz", "Fachkraft", "Weiterbildung", "Förderung", "Beratung", "Unternehmen", "Beschäftigte", "Technik"),
    *("Montage", "Wartung", "Steuerung", "Sicherheit", "Team"),
]
FALLBACK_VOCABULARY = {
    Sector: ["Metall und Elektro", "Pflege und Gesundheit", "Logistik", "IT und Digitalisierung", "Handwerk"],
    TargetGroup: ["An- und Ungelernte", "Beschäftigte in KMU", "Arbeitsuchende", "Migrantinnen und Migranten"],
    FundingProgramme: ["Bildungsgutschein", "Aufstiegs-BAföG", "Beschäftigtenförderung"],
}
LADDER = [("ohne-abschluss", "ohne Berufsabschluss"), ("fachkraft", "Fachkraft"), ("aufstieg", "Aufstieg"),
          ("akademisch", "akademisch")]  # fmt: skip


def generate(n: int, *, stdout, seed: int | None = None) -> None:
    """Add n generated offers (1–3 runs each) spread over partners, vocabularies and venues across Germany."""
    rng = random.Random(seed)
    started = timezone.now()
    with transaction.atomic():
        world = _World(rng)
        token = secrets.token_hex(3)
        for first in range(0, n, CHUNK):
            _write_chunk(world, range(first, min(first + CHUNK, n)), token)
            stdout.write(f"  generated {min(first + CHUNK, n)} / {n} offers")
    CatalogueVersion.bump()  # bulk_create sends no signals
    seconds = (timezone.now() - started).total_seconds()
    stdout.write(f"Generated {n} offers in {seconds:.1f} s.")


class _World:
    """What every chunk draws from: vocabularies, providers, venues (loaded or created once per run)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        _ensure_vocabulary()
        self.steps = list(QualificationStep.objects.order_by("order"))
        self.sectors = list(Sector.objects.values_list("pk", flat=True))
        self.groups = list(TargetGroup.objects.values_list("pk", flat=True))
        self.funding = list(FundingProgramme.objects.values_list("pk", flat=True))
        self.languages = dict(Language.objects.values_list("code", "pk"))
        self.venues = _create_postcodes(rng)
        self.providers = _create_partners(rng, self.venues) + list(Partner.objects.exclude(slug__startswith=PREFIX))
        # A few big providers and a long tail, as in KURSNET.
        self.provider_weights = [1 / (rank + 1) ** 0.7 for rank in range(len(self.providers))]


def _ensure_vocabulary() -> None:
    """Vocabularies come from migrations and the demo; fill the minimum only where a table is still empty."""
    for order, (slug, name) in enumerate(LADDER, start=1):
        QualificationStep.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
    for model, vocabulary in FALLBACK_VOCABULARY.items():
        if not model.objects.exists():
            extra = {"short_name": ""} if model is FundingProgramme else {}
            model.objects.bulk_create([model(slug=slugify(name), name=name, **extra) for name in vocabulary])
    if not Language.objects.filter(code="de").exists():
        Language.objects.create(code="de", name="Deutsch")


def _create_postcodes(rng: random.Random) -> list[tuple[str, str, float, float]]:
    venues = []
    for city, code, lat, lon in CITIES:
        venues.append((code, city, lat, lon))
        for step in range(1, CODES_PER_CITY):
            lat_lon = _clamp(lat + rng.gauss(0, 0.04), lon + rng.gauss(0, 0.06))
            venues.append((f"{(int(code) + step) % 100000:05d}", city, *lat_lon))
    rows = [Postcode(code=code, city=city, latitude=lat, longitude=lon) for code, city, lat, lon in venues]
    for row in rows:
        row.fill_derived_fields()  # bulk_create skips save(): the search key and district, as the import fills them
    Postcode.objects.bulk_create(rows, ignore_conflicts=True)
    names.remember(names.PLACE, {city for _code, city, _lat, _lon in venues})
    return venues


def _clamp(lat: float, lon: float) -> tuple[float, float]:
    south, north, west, east = GERMANY
    return min(max(lat, south), north), min(max(lon, west), east)


def _create_partners(rng: random.Random, venues) -> list[Partner]:
    existing = Partner.objects.filter(slug__startswith=PREFIX).count()
    wanted = 300 - existing
    kinds = [Partner.Kind.TRAEGER] * 6 + [Partner.Kind.IHK, Partner.Kind.HWK, Partner.Kind.HOCHSCHULE]
    rows = []
    for number in range(existing, existing + max(wanted, 0)):
        code, city, lat, lon = rng.choice(venues)
        name = f"Bildungswerk {city} {number + 1}"
        rows.append(
            Partner(name=name, slug=f"{PREFIX}{slugify(name)}", kind=rng.choice(kinds), postcode=code, city=city,
                    latitude=lat, longitude=lon, description="Generierter Anbieter für Lasttests.")
        )  # fmt: skip
    Partner.objects.bulk_create(rows, batch_size=CHUNK)
    names.remember(names.PROVIDER, [row.name for row in rows])
    return list(Partner.objects.filter(slug__startswith=PREFIX).order_by("pk"))


def _write_chunk(world: _World, numbers: range, token: str) -> None:
    rng = world.rng
    providers = rng.choices(world.providers, weights=world.provider_weights, k=len(numbers))
    offers = [_offer(rng, world, number, token, provider) for number, provider in zip(numbers, providers, strict=True)]
    runs = {id(offer): _runs(rng, world, offer) for offer in offers}
    for offer in offers:
        offer.listed_until, offer.next_start = _dates(runs[id(offer)])
    Offer.objects.bulk_create(offers, batch_size=CHUNK)
    for offer in offers:
        for run in runs[id(offer)]:
            run.offer = offer
    Run.objects.bulk_create([run for offer in offers for run in runs[id(offer)]], batch_size=CHUNK)
    Run.objects.filter(offer_id__gte=offers[0].pk, offer_id__lte=offers[-1].pk).refresh_duration_bands()
    _link(world, offers)
    # The search vector is kept by a signal that bulk_create skips: the model's own bulk refresh, one UPDATE.
    chunk = Offer.objects.filter(pk__gte=offers[0].pk, pk__lte=offers[-1].pk)
    chunk.update_search_vectors()
    chunk.refresh_facet_tokens()


def _dates(runs: list[Run]) -> tuple[date | None, date | None]:
    """listed_until and next_start as OfferQuerySet.refresh_dates computes them (a test holds the two together);
    set before the insert, so that no UPDATE has to rewrite every new row."""
    today = timezone.localdate()
    live = [run for run in runs if run.status != Run.Status.CANCELLED]
    until = [OPEN_END if run.rolling_start else run.end_date or run.start_date for run in live]
    begins = [today if run.rolling_start else run.start_date for run in live]
    until = [day for day in until if day]
    begins = [day for day in begins if day and day >= today]
    return max(until, default=None), min(begins, default=None)


def _offer(rng: random.Random, world: _World, number: int, token: str, provider: Partner) -> Offer:
    kind = rng.choice(list(KIND_TITLES))
    title = KIND_TITLES[kind].format(occ=rng.choice(OCCUPATIONS), topic=rng.choice(TOPICS))
    words = " ".join(rng.choices(WORDS, k=40))
    status = rng.choices(["published", "draft", "archived"], weights=[90, 6, 4])[0]
    price = Decimal(0) if rng.random() < 0.4 else Decimal(rng.choice([49, 190, 450, 980, 2400, 4800, 9600]))
    offer = Offer(
        provider=provider, title=title, slug=f"{PREFIX}{token}-{number}-{slugify(title)[:120]}", kind=kind,
        summary=f"{title}: {words[:200]}", description=f"{title}. {words}. {provider.name}.", status=status,
        azav=rng.random() < 0.5, teaching_hours=rng.choice([16, 40, 120, 480, 960, 1800]), price=price,
        dqr_level=rng.choice([None, None, 3, 4, 5, 6]), duration_text=rng.choice(["2 Tage", "3 Monate", "18 Monate"]),
        inhouse_possible=rng.random() < 0.2, sample=rng.randrange(SAMPLE_RANGE),
        last_confirmed_at=timezone.now() - timedelta(days=rng.randint(0, 400)),
    )  # fmt: skip
    entry = rng.randrange(len(world.steps))
    offer.leads_to = world.steps[entry + 1] if entry + 1 < len(world.steps) and rng.random() < 0.7 else None
    offer._entry_index = entry
    return offer


def _runs(rng: random.Random, world: _World, offer: Offer) -> list[Run]:
    runs = []
    for _ in range(rng.choices([1, 2, 3], weights=[50, 35, 15])[0]):
        form = rng.choices(
            ["praesenz", "online-live", "selbstlernen", "blended", "fernunterricht"], weights=[45, 20, 10, 15, 10]
        )[0]
        start = None if rng.random() < 0.08 else date.today() + timedelta(days=rng.randint(-60, 400))
        code, city, lat, lon = rng.choice(world.venues)
        if form in ("praesenz", "blended") and rng.random() < 0.7 and offer.provider.postcode:
            provider = offer.provider
            code, city, lat, lon = provider.postcode, provider.city, provider.latitude, provider.longitude
        on_site = form in ("praesenz", "blended")
        runs.append(
            Run(rolling_start=start is None, start_date=start,
                end_date=start and start + timedelta(days=rng.choice([1, 5, 90, 365, 540])),
                application_deadline=start and start - timedelta(days=rng.randint(7, 21)),
                schedule=rng.choice(["vollzeit", "teilzeit", "berufsbegleitend", "flexibel"]), learning_form=form,
                street=f"Bildungsweg {rng.randint(1, 99)}" if on_site else "", postcode=code if on_site else "",
                city=city if on_site else "", latitude=lat if on_site else None, longitude=lon if on_site else None,
                seats=rng.choice([8, 12, 16, 20]),
                status=rng.choices(["open", "few", "full", "cancelled"], weights=[70, 15, 10, 5])[0],
                start_guaranteed=rng.random() < 0.3)
        )  # fmt: skip
    return runs


def _link(world: _World, offers: list[Offer]) -> None:
    rng = world.rng
    steps = [step.pk for step in world.steps]
    german = world.languages.get("de")
    others = [pk for code, pk in world.languages.items() if code != "de"]
    picks = {
        "entry_levels": lambda offer: steps[offer._entry_index : offer._entry_index + rng.choice([1, 1, 2])],
        "sectors": lambda offer: rng.sample(world.sectors, min(len(world.sectors), rng.choice([1, 1, 2]))),
        "target_groups": lambda offer: rng.sample(world.groups, min(len(world.groups), rng.randint(0, 3))),
        "funding_programmes": lambda offer: rng.sample(world.funding, min(len(world.funding), rng.randint(0, 3))),
        "languages": lambda offer: [german] + (rng.sample(others, 1) if others and rng.random() < 0.1 else []),
    }
    for name, pick in picks.items():
        field = Offer._meta.get_field(name)
        through = field.remote_field.through
        left, right = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        rows = [through(**{left: offer.pk, right: pk}) for offer in offers for pk in pick(offer) if pk]
        through.objects.bulk_create(rows, batch_size=CHUNK)
