"""403 and 404 in the portal's layout and in German, on the public site, the desk and the admin; a foreign record
answers exactly like a missing one."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import verified_login
from tests.factories import CaseFactory, OfferFactory, OfficeFactory, PartnerFactory, coordinator, counsellor, editor

NOT_YOURS = "Nicht gefunden oder nicht in Ihrem Bereich"


def main(response) -> str:
    """The page's main content: what a visitor reads (the rest carries per-request tokens)."""
    return re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0)


def assert_portal_page(response, status: int, heading: str) -> None:
    content = response.content.decode()
    assert response.status_code == status
    assert '<html lang="de"' in content
    assert 'class="site-header"' in content  # the portal's layout, not a bare error page
    assert f"<h1>{heading}</h1>" in content
    assert "Forbidden" not in content and "Not Found" not in content


def test_public_404_is_the_portals_german_page(client, db):
    response = client.get("/angebote/gibt-es-nicht/")

    assert_portal_page(response, 404, "Seite nicht gefunden")


def test_public_form_without_its_security_token_gets_the_portals_german_403(db):
    response = Client(enforce_csrf_checks=True).post(reverse("counselling:request"), {"name": "Rita"})

    assert_portal_page(response, 403, "Formular nicht gesendet")
    assert "laden Sie die Seite neu" in response.content.decode()


@pytest.fixture
def two_offices(db):
    own, other = OfficeFactory(slug="eigene-stelle"), OfficeFactory(slug="andere-stelle")
    return own, other, counsellor(own, username="beratung-eigen")


def test_desk_answers_another_offices_case_exactly_like_a_missing_one(client, two_offices):
    own, other, user = two_offices
    foreign = CaseFactory(office=other)
    verified_login(client, user)

    foreign_response = client.get(reverse("counselling:case", args=[foreign.pk]))
    missing_response = client.get(reverse("counselling:case", args=[foreign.pk + 1000]))

    assert_portal_page(foreign_response, 404, NOT_YOURS)
    assert main(foreign_response) == main(missing_response)
    assert missing_response.status_code == 404


def test_desk_for_someone_without_a_counsellor_membership_is_the_german_404(client, two_offices):
    verified_login(client, editor(two_offices[0], username="nur-redaktion"))

    assert_portal_page(client.get(reverse("counselling:desk")), 404, NOT_YOURS)


@pytest.fixture
def two_partners(db):
    own, other = PartnerFactory(slug="eigener-partner"), PartnerFactory(slug="anderer-partner")
    return OfferFactory(provider=own), OfferFactory(provider=other), editor(own, username="redaktion-eigen")


def test_admin_answers_another_partners_offer_exactly_like_a_missing_one(client, two_partners):
    _own_offer, foreign_offer, user = two_partners
    verified_login(client, user)

    foreign_response = client.get(reverse("admin:offers_offer_change", args=[foreign_offer.pk]))
    missing_response = client.get(reverse("admin:offers_offer_change", args=[foreign_offer.pk + 1000]))

    assert_portal_page(foreign_response, 404, NOT_YOURS)
    assert main(foreign_response) == main(missing_response)
    assert "Eventuell gelöscht" not in foreign_response.content.decode()


def test_admin_refusal_is_the_portals_german_403(client, two_partners):
    verified_login(client, two_partners[2])

    response = client.get(reverse("admin:partners_membership_changelist"))

    assert_portal_page(response, 403, "Kein Zugriff")
    assert "wenden Sie sich bitte an die Koordination" in response.content.decode()


def test_admin_action_button_and_time_zone_note_are_german(client, two_partners):
    verified_login(client, coordinator(username="koordination"))

    changelist = client.get(reverse("admin:offers_offer_changelist")).content.decode()
    catalogue = client.get(reverse("admin:jsi18n")).content.decode()

    assert ">Ausführen</button>" in changelist
    assert ">Run</button>" not in changelist
    assert "Hinweis: Bitte Uhrzeiten in der Zeitzone %(timezone)s eingeben." in catalogue
