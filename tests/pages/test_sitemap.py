import datetime
import xml.etree.ElementTree as ET
from urllib.robotparser import RobotFileParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from offers import sitemaps
from offers.models import FundingProgramme, Offer
from partners.models import Partner
from tests.public_catalogue import LISTED, build_catalogue

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "http://testserver"


@pytest.fixture
def catalogue(db):
    return build_catalogue()


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def urls(root: ET.Element) -> dict[str, str | None]:
    return {url.findtext(f"{NS}loc"): url.findtext(f"{NS}lastmod") for url in root.findall(f"{NS}url")}


def test_sitemap_index_names_every_section(client, catalogue):
    root = parse(client.get("/sitemap.xml"))
    assert root.tag == f"{NS}sitemapindex"
    assert [s.findtext(f"{NS}loc") for s in root.findall(f"{NS}sitemap")] == [
        f"{BASE}/sitemap-seiten.xml",
        f"{BASE}/sitemap-angebote.xml",
        f"{BASE}/sitemap-foerderung.xml",
        f"{BASE}/sitemap-partner.xml",
        f"{BASE}/sitemap-wege.xml",
    ]


def test_offer_section_lists_exactly_the_listed_offers_with_lastmod(client, catalogue):
    Offer.objects.filter(slug="excel").update(updated_at=timezone.make_aware(datetime.datetime(2026, 3, 1, 12)))

    found = urls(parse(client.get("/sitemap-angebote.xml")))

    assert set(found) == {f"{BASE}/angebote/{slug}/" for slug in LISTED}
    assert found[f"{BASE}/angebote/excel/"] == "2026-03-01"


def test_partner_and_funding_sections_list_their_public_pages(client, catalogue):
    partners = urls(parse(client.get("/sitemap-partner.xml")))
    assert partners == {
        f"{BASE}/partner/{p.slug}/": timezone.localtime(p.updated_at).date().isoformat()
        for p in Partner.objects.filter(slug__in=["ihk-test", "saz-test"])
    }
    funding = urls(parse(client.get("/sitemap-foerderung.xml")))
    assert set(funding) == {
        f"{BASE}/foerderung/{slug}/" for slug in FundingProgramme.objects.values_list("slug", flat=True)
    }
    assert all(lastmod for lastmod in funding.values())


def test_page_section_lists_the_fixed_public_pages(client, catalogue):
    assert set(urls(parse(client.get("/sitemap-seiten.xml")))) == {
        f"{BASE}{path}"
        for path in ["/", "/angebote/", "/foerderung/", "/wege/", "/partner/", "/lotse/", "/beratung/anfragen/",
                     "/impressum/", "/datenschutz/", "/barrierefreiheit/", "/leichte-sprache/"]
    }  # fmt: skip


def test_offer_section_pages_by_id_ranges(client, catalogue, monkeypatch):
    ids = sorted(Offer.objects.listed().values_list("pk", flat=True))
    monkeypatch.setattr(sitemaps.OfferSitemap, "limit", 3)
    first = Offer.objects.order_by("pk").values_list("pk", flat=True).first()
    last = Offer.objects.order_by("-pk").values_list("pk", flat=True).first()
    pages = -(-(last - first + 1) // 3)  # the ranges start at the lowest id (ids need not start at 1)

    index = [s.findtext(f"{NS}loc") for s in parse(client.get("/sitemap.xml")).findall(f"{NS}sitemap")]
    found = [urls(parse(client.get(f"/sitemap-angebote.xml?p={n}"))) for n in range(1, pages + 1)]

    assert index[1 : pages + 1] == [f"{BASE}/sitemap-angebote.xml"] + [
        f"{BASE}/sitemap-angebote.xml?p={n}" for n in range(2, pages + 1)
    ]
    slugs = dict(Offer.objects.values_list("pk", "slug"))
    assert [loc for page in found for loc in page] == [f"{BASE}/angebote/{slugs[pk]}/" for pk in ids]
    assert client.get(f"/sitemap-angebote.xml?p={pages + 1}").status_code == 404
    assert client.get("/sitemap-angebote.xml?p=x").status_code == 404


def test_sitemap_cost_does_not_grow_with_the_catalogue(client, catalogue):
    with CaptureQueriesContext(connection) as index:
        client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as page:
        client.get("/sitemap-angebote.xml")
    offer_queries = [q["sql"] for q in index.captured_queries if '"offers_offer"' in q["sql"]]
    assert offer_queries == [
        'SELECT MIN("offers_offer"."id") AS "first", MAX("offers_offer"."id") AS "last" FROM "offers_offer"'
    ]
    assert len(index) == 7  # and the small partner, funding and path tables: their number and their latest lastmod
    assert len(page) == 2  # the lowest and highest id, the offers of one id range
    assert '"offers_offer"."id" >=' in page.captured_queries[-1]["sql"]
    assert "OFFSET" not in page.captured_queries[-1]["sql"]


def test_robots_points_to_the_sitemap_and_keeps_crawlers_out_of_private_areas(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Allow: /beratung/anfragen/",
        "Disallow: /admin/",
        "Disallow: /beratung/",
        "Disallow: /konto/",
        "",
        "Sitemap: http://testserver/sitemap.xml",
    ]


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/angebote/excel/", True),
        ("/beratung/anfragen/", True),
        ("/beratung/anfragen/danke/", True),
        ("/beratung/", False),
        ("/beratung/faelle/1/", False),
        ("/admin/", False),
        ("/konto/anmelden/", False),
        ("/sitemap.xml", True),
    ],
)
def test_robots_rules_as_a_crawler_reads_them(client, path, allowed):
    parser = RobotFileParser()
    parser.parse(client.get("/robots.txt").content.decode().splitlines())
    assert parser.can_fetch("Googlebot", f"{BASE}{path}") is allowed
    assert reverse("sitemap") == "/sitemap.xml"
