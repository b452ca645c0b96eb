import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from offers import vocabulary_rows
from offers.search import query
from partners.models import Membership
from tests.conftest import verified_login
from tests.public_catalogue import LISTED, days

LIST = reverse("api:offer-list")

# Each search as /angebote/ receives it; the API must answer with the same offers in the same order.
SEARCHES = [
    {},
    {"q": "Pflege"},
    {"q": "Mechatroniker"},
    {"level": "ohne-abschluss"},
    {"level": ["ohne-abschluss", "fachkraft"], "next": "aufstieg"},
    {"sector": ["metall-elektro", "logistik"]},
    {"funding": "bildungsgutschein"},
    {"kind": "anpassung", "free": "1"},
    {"target_group": "migration"},
    {"learning_form": "online-live", "schedule": "berufsbegleitend"},
    {"azav": "1", "sort": "title"},
    {"near": "70173", "radius": "25"},
    {"near": "Stuttgart", "radius": "5", "sort": "start"},
    {"start_from": days(15).isoformat(), "start_until": days(70).isoformat()},
    {"sector": "metall-elektro", "sort": "newest"},
    {"sort": "title", "sector": "gibt-es-nicht"},
]


def page_result(client, params) -> tuple[list[str], int]:
    response = client.get(reverse("offers:search"), params)
    assert response.status_code == 200
    return [offer.slug for offer in response.context["offers"]], response.context["page_obj"].paginator.count


@pytest.mark.parametrize("params", SEARCHES, ids=[repr(p) for p in SEARCHES])
def test_offer_list_returns_what_the_search_page_shows(client, catalogue, params):
    expected_slugs, expected_total = page_result(client, params)

    response = client.get(LIST, params)

    assert response.status_code == 200
    data = response.json()
    assert [offer["slug"] for offer in data["results"]] == expected_slugs
    assert data["count"] == expected_total
    assert data["count_estimated"] is False


def test_offer_list_table_covers_narrow_and_empty_results(client, catalogue):
    totals = {repr(params): page_result(client, params)[1] for params in SEARCHES}
    assert totals[repr({})] == len(LISTED)
    assert totals[repr({"q": "Pflege"})] == 2
    assert totals[repr({"near": "70173", "radius": "25"})] == 4  # three runs in Stuttgart, one in Esslingen
    assert totals[repr({"funding": "bildungsgutschein"})] == 2


def test_offer_list_orders_by_next_start_and_never_shows_hidden_offers(client, catalogue):
    data = client.get(LIST).json()
    assert [offer["slug"] for offer in data["results"]] == [
        "deutsch-beruf",  # rolling start: today
        "excel",
        "cnc-tq",
        "lager",
        "mechatronik",
        "pflege-basis",
        "pflege-extern",
        "meister-metall",
    ]
    assert data["next"] is None and data["previous"] is None


def test_offer_list_pages_through_the_same_order(client, catalogue):
    everything = [offer["slug"] for offer in client.get(LIST, {"sort": "title"}).json()["results"]]

    first = client.get(LIST, {"sort": "title", "page_size": 3}).json()
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()

    pages = [first, second, third]
    assert [offer["slug"] for page in pages for offer in page["results"]] == everything
    assert [page["count"] for page in pages] == [8, 8, 8]
    assert third["next"] is None
    assert second["previous"] == "http://testserver/api/v1/offers/?page_size=3&sort=title"


def test_offer_list_item_shape(client, catalogue):
    data = client.get(LIST, {"q": "Mechatroniker", "near": "70173"}).json()
    assert data["results"] == [
        {
            "slug": "mechatronik",
            "title": "Umschulung Mechatroniker/in",
            "summary": "Umschulung Mechatroniker/in in Kürze.",
            "kind": "umschulung",
            "kind_label": "Umschulung",
            "provider": {"slug": "ihk-test", "name": "IHK Test"},
            "entry_levels": ["ohne-abschluss"],
            "leads_to": None,
            "next_start": days(30).isoformat(),
            "price": "0.00",
            "azav": True,
            "distance_km": 0.0,
            "web_url": "http://testserver/angebote/mechatronik/",
        }
    ]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        (
            {"near": "99999"},
            "near",
            "Zu „99999“ haben wir keinen Ort gefunden. Bitte eine Postleitzahl oder einen Ortsnamen eingeben, z. B. "
            "70173 oder Stuttgart.",
        ),  # fmt: skip
        ({"start_from": "2026-02-30"}, "start_from", "Bitte ein gültiges Datum eingeben."),
        ({"page_size": "500"}, "page_size", "Dieser Wert muss kleiner oder gleich 100 sein."),
        ({"page": "0"}, "page", "Dieser Wert muss größer oder gleich 1 sein."),
        (
            {"page": "101", "page_size": "20"},
            "page",
            "Die API liefert die ersten 2.000 Treffer einer Suche. Bitte die Suche eingrenzen.",
        ),
    ],
)
def test_offer_list_refuses_bad_parameters_with_a_german_message(client, catalogue, params, field, message):
    response = client.get(LIST, params)
    assert response.status_code == 400
    assert response.json() == {field: [message]}


def test_offer_list_pages_a_text_search_through_its_ranked_matches_only(client, catalogue, settings, monkeypatch):
    monkeypatch.setattr(query, "RANKED_RESULTS", 1)
    by_rank = client.get(LIST, {"q": "Kurs", "page": "2", "page_size": "1"})
    assert by_rank.status_code == 400
    assert by_rank.json() == {"page": ["Die API liefert die ersten 1 Treffer einer Suche. Bitte die Suche eingrenzen."]}
    by_title = client.get(LIST, {"sort": "title", "page": "2", "page_size": "1"})  # a small result: sorted whole
    assert by_title.status_code == 200
    assert by_title.json()["results"][0]["slug"] == _slugs_by_title(client)[1]


def _slugs_by_title(client) -> list[str]:
    return [offer["slug"] for offer in client.get(LIST, {"sort": "title", "page_size": "100"}).json()["results"]]


def test_offer_list_page_past_the_end_is_404(client, catalogue):
    response = client.get(LIST, {"page": 2})
    assert response.status_code == 404
    assert response.json() == {"detail": "Diese Seite gibt es nicht."}


def test_offer_detail_shape(client, catalogue):
    offer = catalogue.offers["mechatronik"]
    offer.contact_person = catalogue.ihk.contact_persons.get()
    offer.save()

    data = client.get(reverse("api:offer-detail", args=["mechatronik"])).json()

    assert data["provider"] == {"slug": "ihk-test", "name": "IHK Test"}
    assert data["entry_levels"] == [{"slug": "ohne-abschluss", "name": "Ohne Berufsabschluss"}]
    assert data["sectors"] == [{"slug": "metall-elektro", "name": "Metall und Elektro"}]
    assert [p["slug"] for p in data["funding_programmes"]] == ["bildungsgutschein"]
    assert data["contact"] == {
        "name": "Erika Beispiel",
        "position": "Weiterbildungsberatung",
        "phone": "",
        "email": "beispiel@ihk.example",
    }
    assert data["runs"] == [
        {
            "rolling_start": False,
            "start_date": days(30).isoformat(),
            "end_date": days(60).isoformat(),
            "application_deadline": None,
            "schedule": "vollzeit",
            "schedule_label": "Vollzeit",
            "learning_form": "praesenz",
            "learning_form_label": "Präsenz",
            "street": "Hauptstraße 1",
            "postcode": "70173",
            "city": "Stuttgart",
            "latitude": 48.7784,
            "longitude": 9.18,
            "seats": None,
            "status": "open",
            "status_label": "Anmeldung offen",
            "start_guaranteed": False,
        }
    ]
    assert data["web_url"] == "http://testserver/angebote/mechatronik/"
    assert set(data) >= {"description", "certificate_kind", "languages", "registration_url", "updated_at"}


@pytest.mark.parametrize("slug", ["gibt-es-nicht", "entwurf", "archiviert", "abgelaufen", "inaktiver-traeger",
                                  "ihk-test"])  # fmt: skip
def test_offer_detail_is_404_for_unknown_unlisted_and_foreign_slugs(client, catalogue, slug):
    response = client.get(reverse("api:offer-detail", args=[slug]))
    assert response.status_code == 404
    assert response.json() == {"detail": "Dieses Angebot gibt es nicht oder es ist nicht veröffentlicht."}


def test_offer_detail_shows_drafts_not_even_to_their_editors(client, catalogue, django_user_model):
    editor = django_user_model.objects.create_user("redaktion", password="x")
    Membership.objects.create(user=editor, partner=catalogue.ihk, role=Membership.Role.EDITOR)
    verified_login(client, editor)
    assert client.get(reverse("offers:detail", args=["entwurf"])).status_code == 200  # the page's preview
    assert client.get(reverse("api:offer-detail", args=["entwurf"])).status_code == 404


def queries_for(client, params) -> int:
    cache.clear()
    vocabulary_rows.forget()  # as a process that has not read them yet, for each of the two
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST, params).status_code == 200
    return len(queries)


def test_offer_list_query_count_does_not_grow_with_the_results(client, catalogue):
    one = queries_for(client, {"sort": "title", "page_size": 1})
    eight = queries_for(client, {"sort": "title", "page_size": 100})
    assert one == eight
