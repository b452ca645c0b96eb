"""What the long-tail pools are made of, read from the catalogue under test (the Django side of bench/pool.py).

A handful of queries whatever the catalogue's size: a random sample of listed offers by primary key, the
vocabularies, and grouped counts of listed offers per filter value and per provider (for the last page numbers).
"""

import random
import re
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min

from guide.forms import GuideForm
from offers.models import FundingProgramme, Offer, QualificationStep, Sector, TargetGroup
from partners.models import Language, Partner, Service
from places.models import Postcode

# Words a visitor would not search for on their own.
STOPWORDS = {"und", "der", "die", "das", "den", "dem", "des", "für", "mit", "nach", "vom", "zum", "zur", "im", "in"}
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}")
# Link filters whose listed offers are counted per value (filter parameter → Offer field, the value's slug field).
GUIDE_CHOICES = ("who", "goal", "size", "age", "years")
COUNTED_LINKS = {"level": "entry_levels__slug", "sector": "sectors__slug", "funding": "funding_programmes__slug"}


@dataclass
class Catalogue:
    offers: list[str]  # slugs of listed offers, a random sample
    titles: list[list[str]]  # the searchable words of each distinct title in the sample
    summary_words: list[str]  # words of the sample's summaries that are not title words
    postcodes: list[str]
    cities: list[str]
    vocabulary: dict[str, list[str]]  # search parameter → its values (slugs)
    broad: dict[str, int]  # query string of a broad search (one filter or none) → listed offers it finds
    partners: list[tuple[str, int]]  # (slug, listed offers) of every active partner, the biggest first
    programmes: list[str]  # every funding programme's slug (former ones keep their page)
    directory: dict[str, list[str]]  # partner directory parameter → its values
    guide: dict[str, list[str]]  # guide answer → its values
    title_words: list[str] = field(init=False)

    def __post_init__(self):
        self.title_words = sorted({word for words in self.titles for word in words})


def read_catalogue(sample: int, seed: int = 1) -> Catalogue:
    offers = _sampled_offers(sample, random.Random(seed))
    titles = sorted({title for _slug, title, _summary in offers})
    title_words = [_words(title) for title in titles]
    known = {word for words in title_words for word in words}
    # A summary's last word may be cut off at the field's length: it is left out.
    summary_words = sorted({word for _s, _t, summary in offers for word in _words(summary)[:-1]} - known)
    postcodes = list(Postcode.objects.order_by("code").values_list("code", "city"))
    vocabulary = _vocabulary()
    return Catalogue(
        offers=[slug for slug, _title, _summary in offers],
        titles=[words for words in title_words if words],
        summary_words=summary_words,
        postcodes=sorted({code for code, _city in postcodes}),
        cities=sorted({city for _code, city in postcodes}),
        vocabulary=vocabulary,
        broad=_broad_searches(vocabulary),
        partners=_partners(),
        programmes=list(FundingProgramme.objects.order_by("slug").values_list("slug", flat=True)),
        directory=_directory(),
        guide=_guide(),
    )


def _words(text: str) -> list[str]:
    return list(dict.fromkeys(word for word in WORD.findall(text) if word.lower() not in STOPWORDS))


def _sampled_offers(sample: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(slug, title, summary) of up to `sample` listed offers picked at random by primary key: an index lookup,
    not a sort of the whole catalogue."""
    bounds = Offer.objects.aggregate(low=Min("pk"), high=Max("pk"))
    if bounds["low"] is None:
        return []
    ids = range(bounds["low"], bounds["high"] + 1)
    picked = rng.sample(ids, min(len(ids), 3 * sample))  # a tenth or so is not listed
    rows = Offer.objects.listed().filter(pk__in=picked).values_list("pk", "slug", "title", "summary")
    by_id = {pk: (slug, title, summary) for pk, slug, title, summary in rows}
    return [by_id[pk] for pk in picked if pk in by_id][:sample]


def _vocabulary() -> dict[str, list[str]]:
    steps = _slugs(QualificationStep.objects.all())
    return {
        "level": steps,
        "next": steps,
        "sector": _slugs(Sector.objects.all()),
        "funding": _slugs(FundingProgramme.objects.filter(active=True)),
        "kind": [value for value, _label in Offer.Kind.choices],
        "target_group": _slugs(TargetGroup.objects.all()),
    }


def _slugs(queryset) -> list[str]:
    return list(queryset.order_by("slug").values_list("slug", flat=True))


def _broad_searches(vocabulary: dict[str, list[str]]) -> dict[str, int]:
    """Listed offers per broad search: the whole catalogue, each level, sector, funding programme and kind, and
    the free offers (one grouped query per filter; values the search does not offer, such as a former programme,
    are left out)."""
    listed = Offer.objects.listed()
    broad = {"": listed.count(), "free=1": listed.free().count()}
    for parameter, path in COUNTED_LINKS.items():
        counts = listed.order_by().values_list(path).annotate(n=Count("pk"))
        broad |= {f"{parameter}={slug}": n for slug, n in counts if slug in vocabulary[parameter]}
    broad |= {f"kind={kind}": n for kind, n in listed.order_by().values_list("kind").annotate(n=Count("pk"))}
    return broad


def _partners() -> list[tuple[str, int]]:
    counts = dict(Offer.objects.listed().order_by().values_list("provider__slug").annotate(n=Count("pk")))
    slugs = Partner.objects.active().order_by("slug").values_list("slug", flat=True)
    return sorted(((slug, counts.get(slug, 0)) for slug in slugs), key=lambda item: (-item[1], item[0]))


def _directory() -> dict[str, list[str]]:
    return {
        "q": sorted(set(Partner.objects.active().exclude(city="").values_list("city", flat=True))),
        "kind": [value for value, _label in Partner.Kind.choices],
        "service": _slugs(Service.objects.all()),
        "language": list(Language.objects.order_by("code").values_list("code", flat=True)),
        "contact_point": ["on"],
    }


def _guide() -> dict[str, list[str]]:
    """The guide's answers as its form offers them (the result page's parameters)."""
    fields = GuideForm.base_fields
    choices = {name: [str(value) for value, _label in fields[name].choices if value] for name in GUIDE_CHOICES}
    return choices | {"step": _slugs(QualificationStep.objects.all()), "sector": _slugs(Sector.objects.all())}
