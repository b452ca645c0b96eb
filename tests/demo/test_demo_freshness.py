import pytest
from django.urls import reverse

from offers.freshness import partner_freshness
from tests.conftest import verified_login
from tests.factories import coordinator

pytestmark = pytest.mark.django_db


def test_demo_freshness_shows_its_stale_offers_and_the_partners_nobody_can_remind(client):
    verified_login(client, coordinator(username="koordination-test"))

    response = client.get(reverse("admin:offers_offer_freshness"))

    stale = {row.partner.slug: row.reachable for row in partner_freshness() if row.stale}
    assert stale == {
        "dgb-stuttgart": False,
        "ihk-region-stuttgart": True,
        "ihk-zu-rostock": False,
        "netzwerk-fortbildung": False,
        "schweriner-ausbildungszentrum": True,
    }
    [warning] = [str(message) for message in response.context["messages"]]
    assert warning.startswith("3 Partner mit nicht bestätigten Angeboten können nicht erinnert werden")
