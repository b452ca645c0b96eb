import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from offers.models import Offer
from tests.public_catalogue import build_catalogue, days

CALENDAR = reverse("merkliste:calendar")


@pytest.fixture
def catalogue(db):
    return build_catalogue()


def keep(client, *slugs):
    for slug in slugs:
        client.post(reverse("merkliste:add"), {"offer": slug})


def starts(response) -> list[tuple[str, object]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return [(str(event["SUMMARY"]), event.decoded("DTSTART")) for event in calendar.walk("VEVENT")]


def test_merkliste_calendar_has_the_runs_of_the_kept_offers(client, catalogue):
    keep(client, "excel", "pflege-extern", "deutsch-beruf")

    response = client.get(CALENDAR)

    assert starts(response) == [
        ("Beginn: Excel für Fortgeschrittene", days(5)),
        ("Beginn: Pflegefachhelfer/in Externenprüfung", days(60)),
    ]  # "Deutsch für den Beruf" starts on a rolling basis: no date
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["Content-Disposition"] == 'attachment; filename="merkliste-termine.ics"'


def test_merkliste_calendar_leaves_out_offers_no_longer_listed(client, catalogue):
    keep(client, "excel", "lager")
    Offer.objects.filter(slug="lager").update(status=Offer.Status.ARCHIVED)
    assert starts(client.get(CALENDAR)) == [("Beginn: Excel für Fortgeschrittene", days(5))]


def test_merkliste_calendar_of_an_empty_list_is_an_empty_calendar(client, catalogue):
    assert starts(client.get(CALENDAR)) == []


def test_merkliste_calendar_is_the_visitors_own(client, catalogue):
    keep(client, "excel")
    another_visitor = Client()
    assert starts(another_visitor.get(CALENDAR)) == []


def test_merkliste_page_links_the_calendar(client, catalogue):
    keep(client, "excel")
    page = client.get(reverse("merkliste:list")).content.decode()
    assert '<a href="/merkliste/termine.ics" type="text/calendar">' in page
