"""The relevance table: realistic queries on the demo catalogue (`manage.py load_demo`) with the offers a person
asking them wants to see first. tests/demo/test_relevance.py checks every row on both backends, and
`manage.py search_quality` prints the table's precision at 5, so a change to the ranking is measured.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict

from offers.models import Offer
from offers.search.results import search

DEPTH = 5
FALSE_FRIEND = "falscher Freund"


@dataclass(frozen=True)
class Query:
    """`expected`: the relevant offers (slugs); they must be the first results, in any order among themselves.
    An empty `expected` means the search must find nothing (a word that only looks like a place name)."""

    params: str
    expected: tuple[str, ...]
    kind: str
    # Why the search does not yet put every relevant offer first (the test then pins what it does put first).
    known_miss: str = ""


def _q(params: str, kind: str, *expected: str, known_miss: str = "") -> Query:
    return Query(params, expected, kind, known_miss)


MECHATRONIK = ("externenpruefung-mechatroniker", "externenpruefung-kfz-mechatroniker")
LAGER = ("tq-lagerlogistik-tq1", "umschulung-fachkraft-lagerlogistik-rostock")
AEVO = ("aevo-kompakt-schwerin", "aevo-stuttgart")
INDUSTRIEMEISTER = ("industriemeister-metall-schwerin", "industriemeister-metall-stuttgart")
HANDWERKSMEISTER = ("meister-tischler-schwerin", "meister-elektrotechnik-stuttgart", "meister-kfz-teilzeit")
FACHWIRT = (
    "fachwirt-gesundheits-sozialwesen",
    "wirtschaftsfachwirt-online",
    "tourismusfachwirt-rostock",
    "fernlehrgang-technischer-fachwirt",
)
PFLEGE = ("umschulung-pflegefachfrau-pflegefachmann", "pflegehelfer-rostock", "deutsch-pflege-b2")

TABLE = [
    # --- compound words: a part finds the compound, the compound finds its parts ------------------------------
    _q(
        "q=Anerkennung",
        "Kompositum",
        "anerkennungsberatung-stuttgart",
        "pro-qualifizierung-ausbildungsberechtigung",  # "Anerkennung ausländischer Abschlüsse"
        "anpassungsqualifizierung-elektroniker-rostock",  # "Anerkennungsbescheid"
        "anpassungsqualifizierung-koch-rostock",  # "bis zur vollen Anerkennung"
    ),
    _q("q=Anerkennungsbescheid", "Kompositum", "anpassungsqualifizierung-elektroniker-rostock"),
    _q(
        "q=Buchhaltung",
        "Kompositum",
        "unternehmensfuehrung-kleine-betriebe-rostock",  # the word itself in the title, above the compound
        "finanzbuchhaltung-datev-rostock",
    ),
    _q("q=Schweißen", "Kompositum", "schweisstechnik-metallbau-guestrow"),
    _q("q=Schweißtechnik", "Kompositum", "schweisstechnik-metallbau-guestrow"),
    _q("q=Lagerlogistik", "Kompositum", *LAGER),
    _q("q=Logistik", "Kompositum", "logistikmeister-rostock", *LAGER),
    _q("q=Gabelstapler", "Kompositum", "gabelstapler-fuehrerschein"),
    _q(
        "q=Fachwirt",
        "Kompositum",
        *FACHWIRT,
        known_miss="The Betriebswirt offer names Fachwirte as its audience (an exact hit) and ranks above the "
        "Tourismusfachwirt, whose title has the word only inside a compound.",
    ),
    _q("q=Elektromobilität", "Kompositum", "berufsspezialist-elektromobilitaet"),
    _q(
        "q=Spritzgießen",
        "Kompositum",
        "spritzgiessen-einstellen-optimieren",
        "umschulung-maschinen-und-anlagenfuehrer-kunststoff",
    ),  # fmt: skip
    _q("q=Seminar Gründung", "Kompositum", "gruendungsseminar-rostock"),
    # --- typos: close words of titles and summaries, never a place or provider name ---------------------------
    _q("q=Mechatronikr", "Tippfehler", *MECHATRONIK),
    _q("q=Buchaltung", "Tippfehler", "finanzbuchhaltung-datev-rostock", "unternehmensfuehrung-kleine-betriebe-rostock"),
    _q("q=Kalkulatoin", "Tippfehler", "preiskalkulation-handwerk-rostock"),
    _q("q=Gabelstabler", "Tippfehler", "gabelstapler-fuehrerschein"),
    _q("q=Lagerlogistk", "Tippfehler", *LAGER),
    _q("q=Pflegeasistenz", "Tippfehler", "pflegehelfer-rostock"),
    _q("q=Industriemechanikr", "Tippfehler", "externenpruefung-industriemechaniker-stuttgart"),
    _q("q=Elektromobilitat", "Tippfehler", "berufsspezialist-elektromobilitaet"),
    _q("q=Schweiß", FALSE_FRIEND, "schweisstechnik-metallbau-guestrow"),
    _q("q=Rostok", FALSE_FRIEND),
    _q("q=Stuttgard", FALSE_FRIEND),
    # --- thesaurus: synonyms and broader terms -----------------------------------------------------------------
    _q("q=Staplerschein", "Thesaurus", "gabelstapler-fuehrerschein", "tq-lagerlogistik-tq1"),
    _q(
        "q=Kalkulation",
        "Thesaurus",
        "existenzgruendung-gastronomie-rostock",  # "Kalkulation und Preise": the word itself
        "preiskalkulation-handwerk-rostock",
        *HANDWERKSMEISTER[:2],
    ),
    _q("q=Existenzgründung", "Thesaurus", "existenzgruendung-gastronomie-rostock", "gruendungsseminar-rostock"),
    _q("q=Ausbilderschein", "Thesaurus", *AEVO),
    _q("q=Altenpflege", "Thesaurus", *PFLEGE),
    # The Wiedereinstieg course has a "Bewerbungstraining" in its summary: an exact hit, above the synonym's.
    _q("q=Bewerbungstraining", "Thesaurus", "wiedereinstieg-buero", "standortbestimmung-bewerbungscoaching"),
    _q("q=Lagerist", "Thesaurus", *LAGER),
    # --- plurals and gendered forms -----------------------------------------------------------------------------
    _q("q=Mechatronikerin", "Flexion", *MECHATRONIK),
    _q("q=Industriemeisterin", "Flexion", *INDUSTRIEMEISTER),
    _q("q=Pflegefachfrau", "Flexion", "umschulung-pflegefachfrau-pflegefachmann"),
    _q("q=Kauffrau Büromanagement", "Flexion", "umschulung-kaufleute-bueromanagement"),
    _q("q=Verkäuferin", "Flexion", "tq-verkaeufer-tq1"),
    _q("q=Betriebswirtin", "Flexion", "betriebswirt-ihk-stuttgart"),
    _q("q=Fachinformatikerin", "Flexion", "umschulung-fachinformatiker-systemintegration"),
    _q("q=Meisterkurse Elektrotechnik", "Flexion", "meister-elektrotechnik-stuttgart"),
    _q("q=Pflegekräfte Deutsch", "Flexion", "deutsch-pflege-b2"),
    # --- with filters --------------------------------------------------------------------------------------------
    _q("q=Meister&sector=handwerk", "Filter", *HANDWERKSMEISTER),
    _q("q=Mechatroniker&kind=externenpruefung", "Filter", *MECHATRONIK),
    _q("q=Logistik&kind=teilqualifizierung", "Filter", "tq-lagerlogistik-tq1"),
    _q("q=Deutsch&kind=sprachkurs", "Filter", "deutsch-im-beruf-b2-rostock", "deutsch-pflege-b2"),
    _q("q=Gründung&free=on", "Filter", "gruendungsseminar-rostock"),
    _q("q=Fachwirt&learning_form=fernunterricht", "Filter", "fernlehrgang-technischer-fachwirt"),
]


def results(query: Query, depth: int = DEPTH) -> list[str]:
    """The slugs of the first `depth` results of the public search for the query, in its order."""
    found = search(QueryDict(query.params), Offer.objects.listed(), per_page=depth)
    return [offer.slug for offer in found.page.object_list]


def precision(query: Query, found: list[str]) -> float:
    """Relevant offers among the first k results, k = DEPTH or fewer where fewer offers are relevant (a query with
    one relevant offer scores 1 only if it comes first). A false-friend query counts every result of the first
    DEPTH (an offer found for a look-alike place name is wrong wherever it ranks); one that must find nothing
    scores 1 if it does."""
    if not query.expected:
        return 0.0 if found else 1.0
    k = min(DEPTH, len(query.expected))
    if query.kind == FALSE_FRIEND:
        k = max(k, len(found[:DEPTH]))
    return sum(1 for slug in found[:k] if slug in query.expected) / k


def precision_at_5() -> tuple[float, list[tuple[Query, list[str], float]]]:
    rows = []
    for query in TABLE:
        found = results(query)
        rows.append((query, found, precision(query, found)))
    return sum(score for _, _, score in rows) / len(rows), rows
