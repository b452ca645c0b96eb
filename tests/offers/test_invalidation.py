"""Every write that changes what a public page shows shows at once, on every page that shows it, although the pages
are cached (the catalogue version, docs/operations.md#caching). One case per model, link table and bulk writer."""

import re
from dataclasses import dataclass

import pytest
from django.core.cache import cache

from offers.models import ModuleOffer, Offer, PathModule, QualificationPath, Run, ThesaurusEntry
from partners.models import ContactPerson, Language, Partner, Service
from places.geonames import import_postcodes
from tests.factories import (
    STUTTGART,
    ContactPersonFactory,
    LanguageFactory,
    OfferFactory,
    PostcodeFactory,
    QualificationPathFactory,
    ServiceFactory,
    path_modules,
    programme,
    sector,
    step,
    target_group,
)

pytestmark = pytest.mark.django_db
SEARCH = {"near": STUTTGART.postcode}
THESAURUS_WORD = "Hubwagen"


@dataclass
class Catalogue:
    offer: Offer
    run: Run
    partner: Partner
    contact: ContactPerson
    language: Language
    service: Service
    path: QualificationPath


@pytest.fixture
def catalogue() -> Catalogue:
    PostcodeFactory(place=STUTTGART)
    offer = OfferFactory(
        levels=["fachkraft"],
        sectors=["logistik"],
        target_groups=["migration"],
        funding=["bildungsgutschein"],
        runs__place=STUTTGART,
    )
    language, service = LanguageFactory(code="uk", name="Ukrainisch"), ServiceFactory()
    offer.languages.add(language)
    offer.provider.languages.add(language)
    offer.provider.services.add(service)
    contact = ContactPersonFactory(partner=offer.provider, phone="0711 111")
    path = QualificationPathFactory(title="Lagerlogistik in Modulen")
    path_modules(path, offer, None)
    return Catalogue(offer, offer.runs.get(), offer.provider, contact, language, service, path)


def _attach_to_new_path(catalogue: Catalogue) -> None:
    path = QualificationPathFactory(title="Fachkraft für Lagerlogistik extern")
    module = PathModule.objects.create(path=path, position=1, title="Lager 1")
    ModuleOffer.objects.create(module=module, offer=catalogue.offer)


def _rename(obj, field: str, value: str) -> None:
    setattr(obj, field, value)
    obj.save()


def _move_stuttgart(tmp_path) -> None:
    """A new GeoNames file puts 70173 about 11 km further north: distances from it change."""
    path = tmp_path / "DE.txt"
    columns = ["DE", STUTTGART.postcode, STUTTGART.city, "", "", "", "", "", "", str(STUTTGART.latitude + 0.1), "9.18"]
    path.write_text("\t".join(columns) + "\n", encoding="utf-8")
    import_postcodes(path)


# (edit, the text it makes appear, the pages that show it)
EDITS = {
    "offer": (lambda c, tmp: _rename(c.offer, "title", "Gabelstapler kompakt"), "Gabelstapler kompakt", "sop"),
    "run": (lambda c, tmp: _rename(c.run, "city", "Esslingen am Neckar"), "Esslingen am Neckar", "sop"),
    "partner": (lambda c, tmp: _rename(c.partner, "name", "Bildungswerk Neckar"), "Bildungswerk Neckar", "sop"),
    "contact person": (lambda c, tmp: _rename(c.contact, "phone", "0711 999 42"), "0711 999 42", "op"),
    "language": (lambda c, tmp: _rename(c.language, "name", "Ukrainisch (Ukraine)"), "Ukrainisch (Ukraine)", "sop"),
    "offer language link": (  # a new language: the search's language filter and the offer's cards show it
        lambda c, tmp: c.offer.languages.add(LanguageFactory(code="sw", name="Suaheli")),
        "Suaheli",
        "sop",
    ),
    "service": (lambda c, tmp: _rename(c.service, "name", "Anerkennungsberatung"), "Anerkennungsberatung", "p"),
    "qualification step": (
        lambda c, tmp: _rename(step("fachkraft"), "name", "Fachkraft (neu)"),
        "Fachkraft (neu)",
        "sop",
    ),
    "sector": (lambda c, tmp: _rename(sector("logistik"), "name", "Lager und Transport"), "Lager und Transport", "sop"),
    "target group": (
        lambda c, tmp: _rename(target_group("migration"), "name", "Neu Zugewanderte"),
        "Neu Zugewanderte",
        "so",
    ),
    "funding programme": (
        lambda c, tmp: _rename(programme("bildungsgutschein"), "name", "Bildungsgutschein (BA)"),
        "Bildungsgutschein (BA)",
        "sop",
    ),
    "postcode import": (lambda c, tmp: _move_stuttgart(tmp), "11 km", "s"),
    "qualification path": (
        lambda c, tmp: _rename(c.path, "title", "Lager Schritt für Schritt"),
        "Schritt für Schritt",
        "o",
    ),
    "path module": (
        lambda c, tmp: _rename(c.path.modules.get(position=2), "title", "Kommissionieren"),
        "Kommissionieren",
        "o",
    ),
    "module offer link": (lambda c, tmp: _attach_to_new_path(c), "Fachkraft für Lagerlogistik extern", "o"),
    # The "t" page searches for a word no offer has; the entry makes it find the offer ("Kurs 1") and say so.
    "thesaurus": (
        lambda c, tmp: ThesaurusEntry.objects.create(term=THESAURUS_WORD, synonyms="Kurs"),
        "auch gesucht:",
        "t",
    ),
}


def _pages(client, catalogue: Catalogue) -> dict[str, str]:
    urls = {
        "s": ("/angebote/", SEARCH),
        "o": (catalogue.offer.get_absolute_url(), {}),
        "p": (catalogue.partner.get_absolute_url(), {}),
        "t": ("/angebote/", {**SEARCH, "q": THESAURUS_WORD}),
    }
    return {page: client.get(url, params).content.decode() for page, (url, params) in urls.items()}


@pytest.mark.parametrize("case", EDITS)
def test_edit_shows_at_once_on_every_cached_page(client, catalogue, tmp_path, case):
    edit, text, pages = EDITS[case]
    before = _pages(client, catalogue)  # now cached
    assert [page for page in pages if text in before[page]] == []
    edit(catalogue, tmp_path)
    after = _pages(client, catalogue)
    shown = "sopt" if "t" in pages else "sop"  # the "t" search also lists every vocabulary's names
    assert [page for page in shown if text in after[page]] == list(pages)


def test_search_with_the_cache_cleared_returns_the_same_page_as_warm(client, catalogue):
    OfferFactory(title="Pflegehilfe", sectors=["gesundheit-pflege"], runs__place=STUTTGART)
    params = {**SEARCH, "sector": ["logistik", "gesundheit-pflege"], "sort": "title"}
    client.get("/angebote/", params)
    warm = _without_csrf_tokens(client.get("/angebote/", params).content.decode())
    cache.clear()
    cold = _without_csrf_tokens(client.get("/angebote/", params).content.decode())
    assert "Pflegehilfe" in cold
    assert cold == warm


def _without_csrf_tokens(html: str) -> str:
    """Django masks the CSRF token afresh on every response; everything else must be the same."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
