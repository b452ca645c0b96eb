import pytest
from django.urls import reverse

from merkliste.session import SESSION_KEY
from offers.models import FundingProgramme, Offer
from tests.factories import OfferFactory

ADD, REMOVE = reverse("merkliste:add"), reverse("merkliste:remove")
LIST, COMPARE = reverse("merkliste:list"), reverse("merkliste:compare")


def keep(client, *offers):
    for offer in offers:
        client.post(ADD, {"offer": offer.slug})


def test_add_keeps_the_offer_and_shows_the_count_in_the_header(client, region):
    response = client.post(ADD, {"offer": region.tq_stuttgart.slug, "next": "/lotse/"})
    assert response.status_code == 302
    assert response.url == "/lotse/"
    assert client.session[SESSION_KEY] == [region.tq_stuttgart.pk]
    page = client.get(LIST).content.decode()
    assert "Merkliste (1)" in page
    assert "TQ Maschinen- und Anlagenführer" in page
    assert "Von der Merkliste nehmen" in page


def test_add_twice_keeps_the_offer_once(client, region):
    keep(client, region.tq_stuttgart, region.meister_stuttgart, region.tq_stuttgart)
    assert client.session[SESSION_KEY] == [region.meister_stuttgart.pk, region.tq_stuttgart.pk]


@pytest.mark.parametrize("which", ["draft_tq_stuttgart", "past_tq_stuttgart"])
def test_add_refuses_offers_that_are_not_listed(client, region, which):
    response = client.post(ADD, {"offer": getattr(region, which).slug})
    assert response.status_code == 404
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize("data", [{}, {"offer": "gibt-es-nicht"}, {"offer": "x" * 400}])
def test_add_with_garbage_is_a_404(client, region, data):
    assert client.post(ADD, data).status_code == 404


def test_add_needs_post(client, region):
    assert client.get(ADD, {"offer": region.tq_stuttgart.slug}).status_code == 405


def test_add_does_not_redirect_to_another_host(client, region):
    response = client.post(ADD, {"offer": region.tq_stuttgart.slug, "next": "https://evil.example/"})
    assert response.url == LIST


def test_remove_takes_the_offer_off(client, region):
    keep(client, region.tq_stuttgart, region.meister_stuttgart)
    response = client.post(REMOVE, {"offer": region.tq_stuttgart.slug})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == [region.meister_stuttgart.pk]
    assert "Merkliste (1)" in client.get(LIST).content.decode()


def test_remove_works_for_an_offer_unpublished_meanwhile(client, region):
    keep(client, region.tq_stuttgart)
    Offer.objects.filter(pk=region.tq_stuttgart.pk).update(status=Offer.Status.ARCHIVED)
    assert client.get(LIST).context["offers"] == []
    client.post(REMOVE, {"offer": region.tq_stuttgart.slug})
    assert client.session[SESSION_KEY] == []


def test_list_hides_offers_unpublished_meanwhile(client, region):
    keep(client, region.tq_stuttgart, region.meister_stuttgart)
    Offer.objects.filter(pk=region.tq_stuttgart.pk).update(status=Offer.Status.DRAFT)
    response = client.get(LIST)
    assert [offer.title for offer in response.context["offers"]] == ["Industriemeister Metall"]


def test_list_survives_a_garbled_session(client, region):
    session = client.session
    session[SESSION_KEY] = ["x", None, {"a": 1}, region.tq_stuttgart.pk]
    session.save()
    response = client.get(LIST)
    assert [offer.title for offer in response.context["offers"]] == ["TQ Maschinen- und Anlagenführer"]


def test_compare_shows_the_offers_side_by_side(client, region):
    Offer.objects.filter(pk=region.meister_stuttgart.pk).update(
        price=4200, duration_text="2 Jahre berufsbegleitend", dqr_level=6, certificate="Industriemeister/in (IHK)"
    )
    response = client.get(COMPARE, {"offer": [region.meister_stuttgart.slug, region.tq_stuttgart.slug]})
    assert response.status_code == 200
    assert [offer.title for offer in response.context["offers"]] == [
        "Industriemeister Metall",
        "TQ Maschinen- und Anlagenführer",
    ]
    html = response.content.decode()
    for text in (
        "Bildungswerk Stuttgart", "4.200,00 €", "600", "2 Jahre berufsbegleitend", "Industriemeister/in (IHK)",
        "Präsenz", "Stuttgart", str(FundingProgramme.objects.get(slug="aufstiegs-bafoeg")),
        str(FundingProgramme.objects.get(slug="teilqualifizierung")),
    ):  # fmt: skip
        assert text in html
    assert "<td>6</td>" in html


@pytest.mark.parametrize("count", [0, 1, 5])
def test_compare_needs_two_to_four_offers(client, region, count):
    slugs = [OfferFactory().slug for _ in range(count)]
    response = client.get(COMPARE, {"offer": slugs})
    assert response.status_code == 200
    assert response.context["offers"] == []
    assert "Bitte wählen Sie zwei bis vier Angebote zum Vergleich." in response.content.decode()


def test_compare_refuses_unlisted_offers(client, region):
    response = client.get(COMPARE, {"offer": [region.tq_stuttgart.slug, region.draft_tq_stuttgart.slug]})
    assert response.context["offers"] == []
    assert "Entwurf TQ" not in response.content.decode()


def test_compare_query_count_does_not_grow_with_more_offers(client, region, django_assert_max_num_queries):
    with django_assert_max_num_queries(12) as two:
        client.get(COMPARE, {"offer": [region.tq_stuttgart.slug, region.meister_stuttgart.slug]})
    queries_for_two = len(two.captured_queries)
    four = [region.tq_stuttgart, region.meister_stuttgart, region.externen_schwerin, region.sprachkurs_stuttgart]
    with django_assert_max_num_queries(queries_for_two):
        response = client.get(COMPARE, {"offer": [offer.slug for offer in four]})
    assert len(response.context["offers"]) == 4


def test_list_query_count_does_not_grow_with_more_offers(client, region, django_assert_max_num_queries):
    keep(client, region.tq_stuttgart)
    with django_assert_max_num_queries(12) as one:
        client.get(LIST)
    queries_for_one = len(one.captured_queries)  # read now: the next request resets the query log
    keep(client, region.meister_stuttgart, region.externen_schwerin, region.sprachkurs_stuttgart)
    with django_assert_max_num_queries(queries_for_one):
        response = client.get(LIST)
    assert len(response.context["offers"]) == 4


def test_compare_shows_the_cost_in_euros_for_the_visitors_situation(client, region):
    Offer.objects.filter(pk=region.meister_stuttgart.pk).update(price=5000, teaching_hours=600)
    slugs = [region.meister_stuttgart.slug, region.tq_stuttgart.slug]
    params = {"offer": slugs, "betrieb": "40", "alter": "35", "status": "beschaeftigt"}
    html = client.get(COMPARE, params).content.decode()
    assert "Kosten mit Förderung" in html
    assert "Aufstiegs-BAföG:\n            Betrieb 0,00 €,\n            Sie 1.250,00 €" in html
    assert html.count('type="hidden" name="offer"') == 2  # the comparison survives the cost form


def test_compare_with_garbage_cost_answers_keeps_the_table(client, region):
    slugs = [region.meister_stuttgart.slug, region.tq_stuttgart.slug]
    response = client.get(COMPARE, {"offer": slugs, "lohn": "viel", "betrieb": "-1"})
    assert response.status_code == 200
    assert len(response.context["offers"]) == 2
    assert "Bitte einen Betrag in Euro angeben" in response.content.decode()
