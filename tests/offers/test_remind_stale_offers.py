import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from offers.models import Offer
from partners.models import Membership
from tests.factories import MembershipFactory, OfferFactory, PartnerFactory, editor


def _stale(offer: Offer, days: int = 200) -> Offer:
    Offer.objects.filter(pk=offer.pk).update(last_confirmed_at=timezone.now() - datetime.timedelta(days=days))
    return offer


@pytest.fixture
def stale_network(db, settings):
    settings.OFFER_STALE_AFTER_DAYS = 183
    ihk, saz, quiet = PartnerFactory(name="IHK"), PartnerFactory(name="SAZ"), PartnerFactory(name="Ohne Redaktion")
    editor(ihk, username="ihk-1", email="eins@ihk.example")
    editor(ihk, username="ihk-2", email="zwei@ihk.example")
    editor(ihk, username="ihk-weg", email="weg@ihk.example", is_active=False)
    editor(saz, username="saz-1", email="redaktion@saz.example")
    # In the editors' group, but only a counsellor of the SAZ: gets no reminder.
    MembershipFactory(
        user=editor(username="beratung-saz", email="beratung@saz.example"),
        partner=saz,
        role=Membership.Role.COUNSELLOR,
    )
    _stale(OfferFactory(provider=ihk, title="Alter Lehrgang A"))
    _stale(OfferFactory(provider=ihk, title="Alter Lehrgang B"), days=184)
    OfferFactory(provider=ihk, title="Frisch")
    _stale(OfferFactory(provider=ihk, title="Alter Entwurf", status=Offer.Status.DRAFT))
    _stale(OfferFactory(provider=saz, title="Alte Umschulung"))
    _stale(OfferFactory(provider=saz, title="Gerade noch frisch"), days=182)
    _stale(OfferFactory(provider=quiet, title="Niemand liest mit"))


def test_remind_stale_offers_mails_each_partners_editors_their_stale_offers(stale_network, mailoutbox):
    call_command("remind_stale_offers", stdout=io.StringIO(), stderr=io.StringIO())

    sent = {tuple(mail.to): mail.body for mail in mailoutbox}
    assert set(sent) == {("eins@ihk.example", "zwei@ihk.example"), ("redaktion@saz.example",)}
    ihk_body, saz_body = sent[("eins@ihk.example", "zwei@ihk.example")], sent[("redaktion@saz.example",)]
    assert [line[2:].split(" (")[0] for line in ihk_body.splitlines() if line.startswith("- ")] == [
        "Alter Lehrgang A",
        "Alter Lehrgang B",
    ]
    assert [line[2:].split(" (")[0] for line in saz_body.splitlines() if line.startswith("- ")] == ["Alte Umschulung"]


def test_remind_stale_offers_reports_partners_without_editors(stale_network, mailoutbox):
    err = io.StringIO()

    call_command("remind_stale_offers", stdout=io.StringIO(), stderr=err)

    assert "Ohne Redaktion: 1 stale offers, but no editor" in err.getvalue()


def test_remind_stale_offers_dry_run_prints_and_sends_nothing(stale_network, mailoutbox):
    out = io.StringIO()

    call_command("remind_stale_offers", "--dry-run", "--base-url", "https://lotse.example.org/", stdout=out)

    assert mailoutbox == []
    text = out.getvalue()
    assert "To: eins@ihk.example, zwei@ihk.example" in text
    assert "- Alte Umschulung (zuletzt bestätigt" in text
    assert "https://lotse.example.org/admin/offers/offer/" in text
    assert "would send 2 reminder(s)." in text


def test_remind_stale_offers_without_stale_offers_sends_nothing(db, mailoutbox):
    editor(OfferFactory().provider, username="ihk-1")

    call_command("remind_stale_offers", stdout=io.StringIO())

    assert mailoutbox == []


def test_remind_stale_offers_links_to_the_site_url_by_default(stale_network, mailoutbox, settings):
    settings.SITE_URL = "https://portal.example.org"
    out = io.StringIO()

    call_command("remind_stale_offers", "--dry-run", stdout=out)

    assert "https://portal.example.org/admin/offers/offer/" in out.getvalue()
