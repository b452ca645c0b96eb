"""The coordinators' freshness page in the admin: its figures on fixed data, who may open it, the reminder button."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from offers.freshness import partner_freshness
from offers.models import Offer
from tests.conftest import verified_login
from tests.factories import OfferFactory, PartnerFactory, coordinator, counsellor, editor

PAGE = reverse("admin:offers_offer_freshness")
CONFIRMED_A = timezone.make_aware(datetime.datetime(2026, 1, 10, 12))
CONFIRMED_B = timezone.make_aware(datetime.datetime(2026, 2, 20, 12))


def _confirmed(offer: Offer, at: datetime.datetime) -> Offer:
    Offer.objects.filter(pk=offer.pk).update(last_confirmed_at=at)
    return offer


@pytest.fixture
def network(db, settings):
    settings.OFFER_STALE_AFTER_DAYS = 183
    ihk, saz, single = PartnerFactory(name="IHK"), PartnerFactory(name="SAZ"), PartnerFactory(name="Einzeln")
    PartnerFactory(name="Ohne Angebote")
    _confirmed(OfferFactory(provider=PartnerFactory(name="Aufgelöst", active=False)), CONFIRMED_A)
    editor(ihk, username="ihk-1", email="eins@ihk.example")
    editor(ihk, username="ihk-2", email="")
    editor(ihk, username="ihk-weg", email="weg@ihk.example", is_active=False)
    editor(saz, username="saz-1", email="")
    editor(single, username="einzeln-1", email="redaktion@einzeln.example")
    _confirmed(OfferFactory(provider=ihk, title="Alt A"), CONFIRMED_A)
    _confirmed(OfferFactory(provider=ihk, title="Alt B"), CONFIRMED_B)
    OfferFactory(provider=ihk, title="Frisch")
    _confirmed(OfferFactory(provider=ihk, title="Alter Entwurf", status=Offer.Status.DRAFT), CONFIRMED_A)
    _confirmed(OfferFactory(provider=saz, title="Alte Umschulung"), CONFIRMED_A)
    _confirmed(OfferFactory(provider=single, title="Einziges"), CONFIRMED_B)
    return {"ihk": ihk, "saz": saz, "single": single}


def test_freshness_figures_per_partner_with_published_offers(network):
    rows = partner_freshness()

    figures = [
        (row.partner.name, row.offers, row.stale, [user.username for user in row.editors], row.reachable)
        for row in rows
    ]
    assert figures == [
        ("Einzeln", 1, 1, ["einzeln-1"], True),
        ("IHK", 3, 2, ["ihk-1", "ihk-2"], True),
        ("SAZ", 1, 1, ["saz-1"], False),
    ]
    assert [row.last_confirmed for row in rows] == [CONFIRMED_B, rows[1].last_confirmed, CONFIRMED_A]
    assert rows[1].last_confirmed > CONFIRMED_B  # the fresh offer, confirmed today


def test_freshness_page_shows_the_figures_and_warns_of_unreachable_partners(client, network):
    verified_login(client, coordinator(username="koordination"))

    response = client.get(PAGE)

    content = response.content.decode()
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "1 Partner mit nicht bestätigten Angeboten kann nicht erinnert werden, weil keine Redaktion mit "
        "E-Mail-Adresse eingetragen ist: SAZ"
    ]
    assert "<td>3 Angebote</td>" in content and "<td>1 Angebot</td>" in content
    assert 'stale=1">2 Angebote</a>' in content
    assert "nein – nicht erreichbar" in content
    assert content.count("Jetzt erinnern") == 2  # IHK and Einzeln; SAZ has nobody to mail


def test_freshness_page_query_count_does_not_grow_with_partners(client, network):
    verified_login(client, coordinator(username="koordination"))
    client.get(PAGE)
    with CaptureQueriesContext(connection) as few:
        client.get(PAGE)
    for n in range(5):
        editor(OfferFactory(provider=PartnerFactory(name=f"Weiterer {n}")).provider, username=f"weitere-{n}")

    with CaptureQueriesContext(connection) as many:
        client.get(PAGE)

    assert len(many) == len(few)


LOGIN = "login"  # redirected to the admin's login


def _answer(response):
    if response.status_code == 302 and response["Location"].startswith(reverse("admin:login")):
        return LOGIN
    return response.status_code


@pytest.mark.parametrize(
    ("role", "page", "button"),
    [(None, LOGIN, LOGIN), ("counsellor", LOGIN, LOGIN), ("editor", 403, 403), ("coordinator", 200, 302)],
)
def test_freshness_page_and_button_answer_each_role(client, network, mailoutbox, role, page, button):
    users = {
        "counsellor": lambda: counsellor(network["ihk"], username="beratung"),
        "editor": lambda: editor(network["ihk"], username="redaktion"),
        "coordinator": lambda: coordinator(username="koordination"),
    }
    if role:
        verified_login(client, users[role]())

    answers = (
        _answer(client.get(PAGE)),
        _answer(client.post(reverse("admin:offers_offer_remind", args=[network["ihk"].pk]))),
    )

    assert answers == (page, button)
    assert len(mailoutbox) == (1 if role == "coordinator" else 0)


def test_only_coordinators_send_reminders(client, network, mailoutbox):
    verified_login(client, editor(network["ihk"], username="redaktion"))

    response = client.post(reverse("admin:offers_offer_remind", args=[network["ihk"].pk]))

    assert response.status_code == 403
    assert mailoutbox == []


def test_reminder_button_mails_the_partners_editors_now(client, network, mailoutbox):
    verified_login(client, coordinator(username="koordination"))

    response = client.post(reverse("admin:offers_offer_remind", args=[network["ihk"].pk]), follow=True)

    [mail] = mailoutbox
    assert mail.to == ["eins@ihk.example"]
    assert mail.subject == "Bitte prüfen: 2 Angebote nicht mehr bestätigt"
    assert [line[2:].split(" (")[0] for line in mail.body.splitlines() if line.startswith("- ")] == ["Alt A", "Alt B"]
    assert "Erinnerung an die Redaktion von IHK gesendet: 2 nicht bestätigte Angebote." in [
        str(m) for m in response.context["messages"]
    ]


def test_reminder_about_one_offer_speaks_of_one_offer(client, network, mailoutbox):
    verified_login(client, coordinator(username="koordination"))

    response = client.post(reverse("admin:offers_offer_remind", args=[network["single"].pk]), follow=True)

    assert mailoutbox[0].subject == "Bitte prüfen: 1 Angebot nicht mehr bestätigt"
    assert "dieses Angebot von Einzeln wurde seit mehr als 183 Tagen nicht bestätigt." in mailoutbox[0].body
    assert "Erinnerung an die Redaktion von Einzeln gesendet: 1 nicht bestätigtes Angebot." in [
        str(m) for m in response.context["messages"]
    ]


def test_reminder_to_an_unreachable_partner_sends_nothing_and_says_why(client, network, mailoutbox):
    verified_login(client, coordinator(username="koordination"))

    response = client.post(reverse("admin:offers_offer_remind", args=[network["saz"].pk]), follow=True)

    assert mailoutbox == []
    assert (
        "Keine Erinnerung gesendet: SAZ hat kein nicht bestätigtes Angebot oder keine Redaktion mit E-Mail-Adresse."
        in [str(m) for m in response.context["messages"]]
    )


def test_reminder_button_needs_a_post(client, network, mailoutbox):
    verified_login(client, coordinator(username="koordination"))

    assert client.get(reverse("admin:offers_offer_remind", args=[network["ihk"].pk])).status_code == 405
    assert mailoutbox == []


def test_offer_list_links_the_freshness_page_for_coordinators_only(client, network):
    verified_login(client, coordinator(username="koordination"))
    assert PAGE in client.get(reverse("admin:offers_offer_changelist")).content.decode()

    verified_login(client, editor(network["ihk"], username="redaktion"))
    assert PAGE not in client.get(reverse("admin:offers_offer_changelist")).content.decode()
