import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from offers import feeds
from offers.models import Offer
from tests.public_catalogue import build_catalogue

ATOM = "{http://www.w3.org/2005/Atom}"
FEED = reverse("offers:feed")


@pytest.fixture
def catalogue(db):
    catalogue = build_catalogue()
    # Created one day apart, in this order: "lager" is the newest.
    order = ["mechatronik", "cnc-tq", "pflege-extern", "deutsch-beruf", "meister-metall", "excel", "pflege-basis"]
    start = timezone.now() - datetime.timedelta(days=30)
    for n, slug in enumerate([*order, "lager"]):
        Offer.objects.filter(slug=slug).update(created_at=start + datetime.timedelta(days=n))
    Offer.objects.filter(slug="entwurf").update(created_at=timezone.now())  # newest of all, but a draft
    return catalogue


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def entries(feed: ET.Element) -> list[tuple[str, str]]:
    return [(e.findtext(f"{ATOM}title"), e.find(f"{ATOM}link").get("href")) for e in feed.findall(f"{ATOM}entry")]


def test_feed_of_the_whole_catalogue_lists_listed_offers_newest_first(client, catalogue):
    feed = parse(client.get(FEED))

    assert feed.findtext(f"{ATOM}title") == "Neue Weiterbildungsangebote"
    assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://testserver/angebote/"
    assert [slug.rsplit("/", 2)[-2] for _title, slug in entries(feed)] == [
        "lager", "pflege-basis", "excel", "meister-metall", "deutsch-beruf", "pflege-extern", "cnc-tq", "mechatronik"
    ]  # fmt: skip


def test_feed_of_a_search_has_its_offers_and_says_the_search(client, catalogue):
    feed = parse(client.get(FEED, {"sector": "metall-elektro", "kind": ["umschulung", "aufstiegsfortbildung"]}))

    assert feed.findtext(f"{ATOM}title") == (
        "Neue Weiterbildungsangebote: Branche: Metall und Elektro; Art des Angebots: Umschulung; "
        "Art des Angebots: Aufstiegsfortbildung"
    )
    assert entries(feed) == [
        ("Industriemeister/in Metall", "http://testserver/angebote/meister-metall/"),
        ("Umschulung Mechatroniker/in", "http://testserver/angebote/mechatronik/"),
    ]
    link = feed.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert link == "http://testserver/angebote/?sector=metall-elektro&kind=umschulung&kind=aufstiegsfortbildung"


def test_feed_entry_carries_provider_summary_and_dates(client, catalogue):
    feed = parse(client.get(FEED, {"q": "Mechatroniker"}))

    (entry,) = feed.findall(f"{ATOM}entry")
    offer = Offer.objects.get(slug="mechatronik")
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "IHK Test"
    assert entry.findtext(f"{ATOM}summary") == "Umschulung Mechatroniker/in in Kürze."
    assert entry.findtext(f"{ATOM}id") == "http://testserver/angebote/mechatronik/"
    assert entry.find(f"{ATOM}category").get("term") == "Umschulung"
    assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published")) == offer.created_at


def test_feed_drops_bad_values_like_the_search_page(client, catalogue):
    feed = parse(client.get(FEED, {"sector": "gibt-es-nicht", "page": "x", "start_from": "2026-02-30"}))
    assert len(entries(feed)) == 8


def test_feed_of_an_unknown_place_is_empty_like_the_search_page(client, catalogue):
    assert entries(parse(client.get(FEED, {"near": "99999"}))) == []


def test_feed_is_bounded(client, catalogue, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_SIZE", 3)
    assert [title for title, _link in entries(parse(client.get(FEED)))] == [
        "Lagerlogistik kompakt", "Pflege Basiskurs", "Excel für Fortgeschrittene"
    ]  # fmt: skip


def test_search_page_links_the_feed_of_its_search(client, catalogue):
    page = client.get(reverse("offers:search"), {"q": "Pflege", "page": "1", "sort": "title"}).content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Neue Angebote zu dieser Suche (Atom-Feed)" '
        'href="/angebote/feed/?q=Pflege">' in page
    )
    assert '<a href="/angebote/feed/?q=Pflege" type="application/atom+xml">' in page
