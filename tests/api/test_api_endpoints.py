import re
from ipaddress import ip_network

import pytest
from django.test import override_settings
from django.urls import reverse

from offers.models import FundingProgramme

ENDPOINTS = [
    reverse("api:root"),
    reverse("api:offer-list"),
    reverse("api:offer-detail", args=["mechatronik"]),
    reverse("api:partner-list"),
    reverse("api:partner-detail", args=["ihk-test"]),
    reverse("api:contact-point-list"),
    reverse("api:funding-list"),
    reverse("api:vocabularies"),
    reverse("api:schema"),
    reverse("api:docs"),
]


def test_the_api_root_links_every_list_the_schema_and_the_docs(client, catalogue):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert response.json() == {
        "offers": "http://testserver/api/v1/offers/",
        "partners": "http://testserver/api/v1/partners/",
        "contact-points": "http://testserver/api/v1/contact-points/",
        "funding": "http://testserver/api/v1/funding/",
        "vocabularies": "http://testserver/api/v1/vocabularies/",
        "schema": "http://testserver/api/v1/schema/",
        "docs": "http://testserver/api/v1/docs/",
    }
    assert {client.get(url).status_code for url in response.json().values()} == {200}


def test_a_wrong_address_in_the_api_is_a_json_404_pointing_to_its_root(client, catalogue):
    response = client.get("/api/v1/angebote/")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "Diese Adresse gibt es in der API nicht.",
        "api": "http://testserver/api/v1/",
    }
    assert client.get("/api/v1/offers").status_code == 301  # a missing slash is still added
    assert "<h1>Seite nicht gefunden</h1>" in client.get("/angebote/gibt-es-nicht/").content.decode()


def test_partner_list_shows_active_partners_only(client, catalogue):
    data = client.get(reverse("api:partner-list")).json()
    assert data["count"] == 2
    assert [p["slug"] for p in data["results"]] == ["ihk-test", "saz-test"]
    assert data["results"][0] == {
        "slug": "ihk-test",
        "name": "IHK Test",
        "kind": "ihk",
        "kind_label": "IHK",
        "street": "",
        "postcode": "",
        "city": "Stuttgart",
        "latitude": None,
        "longitude": None,
        "phone": "",
        "email": "",
        "website": "",
        "is_contact_point": True,
        "web_url": "http://testserver/partner/ihk-test/",
    }


def test_partner_detail_shows_the_profile_with_its_contact_persons(client, catalogue):
    data = client.get(reverse("api:partner-detail", args=["ihk-test"])).json()
    assert data["contact_persons"] == [
        {"name": "Erika Beispiel", "position": "Weiterbildungsberatung", "phone": "", "email": "beispiel@ihk.example"}
    ]
    assert data["services"] == [] and data["languages"] == []


@pytest.mark.parametrize("slug", ["weg-traeger", "gibt-es-nicht", "mechatronik"])
def test_partner_detail_is_404_for_inactive_unknown_and_foreign_slugs(client, catalogue, slug):
    response = client.get(reverse("api:partner-detail", args=[slug]))
    assert response.status_code == 404
    assert response.json() == {"detail": "Diesen Partner gibt es nicht oder er ist nicht mehr aktiv."}


def test_contact_points_are_the_active_contact_points(client, catalogue):
    data = client.get(reverse("api:contact-point-list")).json()
    assert [p["slug"] for p in data["results"]] == ["ihk-test"]


def test_funding_lists_every_programme_with_its_state(client, catalogue):
    data = client.get(reverse("api:funding-list"), {"page_size": 100}).json()
    expected = list(FundingProgramme.objects.order_by("name", "pk").values_list("slug", "active"))
    assert [(p["slug"], p["active"]) for p in data["results"]] == expected
    assert data["count"] == len(expected) > 10


def test_funding_page_size_is_bounded(client, catalogue):
    data = client.get(reverse("api:funding-list"), {"page_size": 1000}).json()
    assert len(data["results"]) == min(100, FundingProgramme.objects.count())


def test_vocabularies_are_the_values_the_search_accepts(client, catalogue):
    data = client.get(reverse("api:vocabularies")).json()
    assert [step["slug"] for step in data["levels"]] == ["ohne-abschluss", "fachkraft", "aufstieg", "akademisch"]
    assert {"slug": "metall-elektro", "name": "Metall und Elektro"} in data["sectors"]
    assert {"value": "teilqualifizierung", "label": "Teilqualifizierung"} in data["kinds"]
    assert {"value": "online-live", "label": "Online live (virtuelles Klassenzimmer)"} in data["learning_forms"]
    assert [r["value"] for r in data["radius"]] == ["5", "10", "25", "50", "100"]
    active = list(FundingProgramme.objects.filter(active=True).order_by("name", "pk").values_list("slug", flat=True))
    assert [p["slug"] for p in data["funding"]] == active


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_api_refuses_every_writing_method(client, catalogue, url, method):
    response = getattr(client, method)(url, {}, content_type="application/json")
    assert response.status_code == 405
    assert sorted(response["Allow"].split(", ")) == ["GET", "HEAD", "OPTIONS"]


@pytest.mark.parametrize("url", ENDPOINTS[:8])
def test_api_answers_head_and_get_with_cors_for_any_site(client, catalogue, url):
    response = client.get(url, headers={"Origin": "https://partner.example"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert client.head(url).status_code == 200


def test_api_preflight_allows_only_reading(client, catalogue):
    response = client.options(
        reverse("api:offer-list"),
        headers={"Origin": "https://partner.example", "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_pages_outside_the_api_send_no_cors_header(client, catalogue):
    response = client.get(reverse("offers:search"), headers={"Origin": "https://partner.example"})
    assert "Access-Control-Allow-Origin" not in response


@override_settings(API_RATE_LIMIT=3)
def test_api_rate_limit_answers_429_with_retry_after(client, catalogue):
    url = reverse("api:partner-list")
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]

    response = client.get(url)

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response.json()["detail"].startswith("Die Anfrage wurde gedrosselt.")
    other = client.get(url, REMOTE_ADDR="192.0.2.7")  # another client has its own allowance
    assert other.status_code == 200


@override_settings(
    API_RATE_LIMIT=1,
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    TRUSTED_PROXIES=[ip_network("127.0.0.1/32")],  # the test client's address is our proxy
)
def test_api_rate_limit_counts_the_client_behind_the_proxy(client, catalogue):
    url = reverse("api:vocabularies")
    assert client.get(url, headers={"X-Forwarded-For": "198.51.100.1"}).status_code == 200
    assert client.get(url, headers={"X-Forwarded-For": "198.51.100.1"}).status_code == 429
    assert client.get(url, headers={"X-Forwarded-For": "198.51.100.2"}).status_code == 200


def test_schema_describes_every_endpoint_and_the_search_parameters(client, catalogue):
    schema = client.get(reverse("api:schema"), headers={"Accept": "application/vnd.oai.openapi+json"}).json()
    assert sorted(schema["paths"]) == [
        "/api/v1/contact-points/",
        "/api/v1/funding/",
        "/api/v1/offers/",
        "/api/v1/offers/{slug}/",
        "/api/v1/partners/",
        "/api/v1/partners/{slug}/",
        "/api/v1/vocabularies/",
    ]
    names = {p["name"] for p in schema["paths"]["/api/v1/offers/"]["get"]["parameters"]}
    assert names == {
        *["q", "level", "next", "sector", "funding", "kind", "target_group", "learning_form", "schedule"],
        *["duration", "price", "language", "azav", "free", "near", "radius", "start_from", "start_until"],
        *["sort", "page", "page_size"],
    }


def test_docs_page_loads_nothing_from_other_hosts(client, catalogue):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="de" dir="ltr">' in page
    assert "<h1>Öffentliche Schnittstelle (API)</h1>" in page
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in sources
    assert [url for url in sources if url.startswith(("http:", "https:", "//"))] == []
    assert "<script>" not in page and "<style>" not in page  # nothing inline: the CSP allows our own files only
    script = client.get(reverse("api:docs") + "?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert re.findall(r"https?://", script.content.decode()) == []
