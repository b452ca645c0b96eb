"""The Lotse's result leads to the qualification path of the trade and shows the cost in euros of the matching
offers for the visitor's answers."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import OccupationFactory, OfferFactory, QualificationPathFactory, path_modules

RESULT = reverse("guide:result")
JOURNEY = {
    "who": "beschaeftigt",
    "step": "ohne-abschluss",
    "goal": "abschluss",
    "occupation": "mechatroniker",
    "experience_years": "6",
    "experience_hours": "39",
    "size": "10-49",
    "age": "25-44",
}


@pytest.fixture
def mechatronics(db):
    OccupationFactory(slug="mechatroniker", name="Mechatroniker/in", training_months=42)
    offer = OfferFactory(
        title="Externenprüfung Mechatroniker/in",
        slug="mechatronik",
        kind="externenpruefung",
        levels=["ohne-abschluss"],
        price=Decimal("8900"),
        teaching_hours=720,
        funding=["qualifizierungschancengesetz"],
    )
    path = QualificationPathFactory(
        title="Mechatroniker/in – Vorbereitung auf die Externenprüfung", slug="mechatronik-weg",
        qualification="Mechatroniker/in",
    )  # fmt: skip
    path_modules(path, offer)
    QualificationPathFactory(title="Anderer Beruf", qualification="Tischler/in")
    return offer


def test_result_links_the_path_to_the_trade(client, mechatronics):
    html = client.get(RESULT, JOURNEY).content.decode()
    admission = html[html.index('<section class="guide-section admission"') :]
    admission = admission[: admission.index("</section>")]
    assert 'href="/wege/mechatronik-weg/"' in admission
    assert "Anderer Beruf" not in html


def test_result_shows_the_cost_in_euros_of_matching_offers(client, mechatronics):
    response = client.get(RESULT, JOURNEY)
    (row,) = response.context["offer_costs"]
    assert row.best.programme.slug == "qualifizierungschancengesetz"
    assert (row.best.estimate.company_pays, row.best.estimate.person_pays) == (Decimal("0.00"), Decimal("0"))
    assert row.url == "/angebote/mechatronik/?betrieb=10&alter=25&status=ohne-abschluss#kosten"
    assert "8.900,00 €" in response.content.decode()


def test_result_with_garbage_answers_still_shows_costs(client, mechatronics):
    response = client.get(RESULT, {**JOURNEY, "size": "riesig", "age": "<b>", "experience_years": "x"})
    assert response.status_code == 200
    (row,) = response.context["offer_costs"]
    assert row.url == "/angebote/mechatronik/?status=ohne-abschluss#kosten"
