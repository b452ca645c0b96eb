from django.urls import reverse

from offers.models import FundingProgramme
from partners.models import Partner
from tests.factories import STUTTGART, OfferFactory, OfficeFactory, PartnerFactory


def test_home_shows_the_ladder_with_offer_counts(client, region):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    ladder = {step.slug: step.offer_count for step in response.context["ladder"]}
    # Listed only: the draft and the ended Teilqualifizierung do not count.
    assert ladder == {"ohne-abschluss": 3, "fachkraft": 2, "aufstieg": 0, "akademisch": 0}
    html = response.content.decode()
    assert f'href="{reverse("offers:search")}?level=ohne-abschluss"' in html
    assert f'href="{reverse("guide:start")}"' in html
    assert 'role="search"' in html


def test_home_shows_figures_latest_offers_and_contact_points(client, region):
    response = client.get(reverse("home"))
    assert response.context["figures"] == {
        "offers": 4,
        "partners": Partner.objects.filter(active=True).count(),
        "programmes": FundingProgramme.objects.filter(active=True).count(),
    }
    assert {offer.title for offer in response.context["latest_offers"]} == {
        "TQ Maschinen- und Anlagenführer",
        "Externenprüfung Mechatroniker/in",
        "Industriemeister Metall",
        "Deutsch im Beruf",
    }
    assert [point.slug for point in response.context["contact_points"]] == ["saz-schwerin", "lotsendienst-stuttgart"]
    assert "Stillgelegte Anlaufstelle" not in response.content.decode()


def test_home_query_count_does_not_grow(client, region, django_assert_max_num_queries):
    # The counts are the unfiltered search's (its vocabularies, the version, the size, one counting statement).
    with django_assert_max_num_queries(18) as few:
        client.get(reverse("home"))
    queries_for_few = len(few.captured_queries)
    provider = PartnerFactory(place=STUTTGART)
    for _ in range(8):
        OfferFactory(
            provider=provider,
            levels=["fachkraft", "aufstieg"],
            sectors=["bau"],
            funding=["aufstiegs-bafoeg"],
            runs__place=STUTTGART,
        )
        OfficeFactory(place=STUTTGART)
    with django_assert_max_num_queries(queries_for_few):
        response = client.get(reverse("home"))
    assert len(response.context["latest_offers"]) == 6
