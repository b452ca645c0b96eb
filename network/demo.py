"""Demo data of this app for `manage.py load_demo`; idempotent: the three regions of the demo network and a few
weeks of the anonymous demand record, so the gap view shows the network's largest gaps."""

from datetime import timedelta

from django.utils import timezone

from network.models import DemandCount, Region, RegionDistrict
from places.models import Postcode

REGIONS = {
    "Region Stuttgart": ["DE111", "DE112", "DE113", "DE114", "DE115", "DE116"],
    "Region Schwerin": ["DE804", "DE80M", "DE80O"],
    "Region Rostock": ["DE803", "DE80K"],
}
# The NUTS-3 district of each demo town, for postcodes loaded without one (the full list carries them).
DEMO_DISTRICTS = {
    "Stuttgart": ("DE111", "Stuttgart, Stadtkreis"),
    "Böblingen": ("DE112", "Böblingen"),
    "Sindelfingen": ("DE112", "Böblingen"),
    "Esslingen am Neckar": ("DE113", "Esslingen"),
    "Göppingen": ("DE114", "Göppingen"),
    "Ludwigsburg": ("DE115", "Ludwigsburg"),
    "Waiblingen": ("DE116", "Rems-Murr-Kreis"),
    "Schwerin": ("DE804", "Schwerin, Kreisfreie Stadt"),
    "Wismar": ("DE80M", "Nordwestmecklenburg"),
    "Ludwigslust": ("DE80O", "Ludwigslust-Parchim"),
    "Rostock": ("DE803", "Rostock, Kreisfreie Stadt"),
    "Güstrow": ("DE80K", "Landkreis Rostock"),
}
# (days ago, kind, district, step, sector, topic, count): what visitors asked for in the last weeks.
DEMAND = [
    (7, "guide", "DE804", "ohne-abschluss", "metall-elektro", "", 7),
    (21, "guide", "DE804", "ohne-abschluss", "metall-elektro", "", 5),
    (14, "search", "DE804", "ohne-abschluss", "metall-elektro", "", 4),
    (9, "guide", "DE803", "ohne-abschluss", "pflege-gesundheit", "", 8),
    (30, "search", "DE803", "ohne-abschluss", "pflege-gesundheit", "", 5),
    (12, "guide", "DE80M", "ohne-abschluss", "logistik", "", 6),
    (40, "search", "DE80M", "ohne-abschluss", "logistik", "", 3),
    (5, "guide", "DE111", "fachkraft", "it-digitalisierung", "", 6),
    (25, "search", "DE111", "aufstieg", "it-digitalisierung", "", 3),
    (6, "request", "DE804", "", "", "abschluss", 9),
    (18, "request", "DE803", "", "", "anerkennung", 4),
    (11, "request", "DE111", "", "", "aufstieg", 6),
    (35, "request", "DE80M", "", "", "abschluss", 3),
]


def _districts() -> int:
    filled = 0
    for city, (code, name) in DEMO_DISTRICTS.items():
        filled += Postcode.objects.filter(city=city, district_code="").update(district_code=code, district=name)
    return filled


def _regions() -> None:
    for name, codes in REGIONS.items():
        region, _created = Region.objects.get_or_create(name=name, defaults={"slug": name.lower().replace(" ", "-")})
        for code in codes:
            RegionDistrict.objects.get_or_create(code=code, defaults={"region": region})


def _demand() -> None:
    today = timezone.localdate()
    for days_ago, kind, district, step, sector, topic, count in DEMAND:
        DemandCount.objects.update_or_create(
            day=today - timedelta(days=days_ago), kind=kind, district_code=district, step=step, sector=sector,
            topic=topic, who="", goal="", filters="", word="", defaults={"count": count},
        )  # fmt: skip


def load(*, stdout) -> None:
    filled = _districts()
    _regions()
    _demand()
    stdout.write(
        f"Network demo: {len(REGIONS)} regions, {filled} postcodes given a district, {len(DEMAND)} demand counts"
    )
