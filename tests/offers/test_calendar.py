import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from offers.models import Run
from partners.models import Membership
from tests.conftest import verified_login
from tests.public_catalogue import build_catalogue, days, run


@pytest.fixture
def catalogue(db):
    catalogue = build_catalogue()
    mechatronik = catalogue.offers["mechatronik"]
    run(mechatronik, 120, application_deadline=days(100), seats=12)
    run(mechatronik, 50, status=Run.Status.CANCELLED)
    run(mechatronik, None)  # rolling start: no date for a calendar
    run(mechatronik, -90)  # ended
    return catalogue


def events(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return [
        {
            "uid": str(event["UID"]),
            "summary": str(event["SUMMARY"]),
            "start": event.decoded("DTSTART"),
            "end": event.decoded("DTEND"),
            "location": str(event.get("LOCATION", "")),
        }
        for event in calendar.walk("VEVENT")
    ]


def test_offer_calendar_has_its_current_runs_and_deadlines(client, catalogue):
    response = client.get(reverse("offers:calendar", args=["mechatronik"]))

    runs = list(Run.objects.filter(offer__slug="mechatronik", start_date__in=[days(30), days(120)]).order_by("pk"))
    assert events(response) == [
        {
            "uid": f"run-{runs[0].pk}@testserver",
            "summary": "Beginn: Umschulung Mechatroniker/in",
            "start": days(30),
            "end": days(31),
            "location": "Hauptstraße 1, 70173 Stuttgart",
        },
        {
            "uid": f"run-{runs[1].pk}@testserver",
            "summary": "Beginn: Umschulung Mechatroniker/in",
            "start": days(120),
            "end": days(121),
            "location": "Online live (virtuelles Klassenzimmer)",
        },
        {
            "uid": f"run-{runs[1].pk}-deadline@testserver",
            "summary": "Anmeldeschluss: Umschulung Mechatroniker/in",
            "start": days(100),
            "end": days(101),
            "location": "",
        },
    ]
    assert response["Content-Disposition"] == 'attachment; filename="mechatronik-termine.ics"'


def test_offer_calendar_event_describes_the_run(client, catalogue):
    calendar = Calendar.from_ical(client.get(reverse("offers:calendar", args=["meister-metall"])).content)

    assert str(calendar["X-WR-CALNAME"]) == "Industriemeister/in Metall"
    (event,) = calendar.walk("VEVENT")
    assert str(event["URL"]) == "http://testserver/angebote/meister-metall/"
    assert str(event["DESCRIPTION"]) == "\n".join(
        [
            "IHK Test",
            f"Termin: {days(90):%d.%m.%Y} – {days(120):%d.%m.%Y}",
            "berufsbegleitend (abends / Wochenende), Präsenz",
            "http://testserver/angebote/meister-metall/",
        ]
    )
    assert isinstance(event.decoded("DTSTAMP"), datetime.datetime)


@pytest.mark.parametrize("slug", ["entwurf", "archiviert", "abgelaufen", "inaktiver-traeger", "gibt-es-nicht"])
def test_offer_calendar_is_404_for_offers_the_public_cannot_open(client, catalogue, slug):
    assert client.get(reverse("offers:calendar", args=[slug])).status_code == 404


def test_offer_page_links_its_calendar_when_a_run_has_a_date(client, catalogue):
    link = '<a href="/angebote/mechatronik/termine.ics" type="text/calendar">'
    assert link in client.get(reverse("offers:detail", args=["mechatronik"])).content.decode()
    rolling_only = client.get(reverse("offers:detail", args=["deutsch-beruf"])).content.decode()
    assert "termine.ics" not in rolling_only


@pytest.mark.parametrize(("member_of", "status"), [("ihk", 200), ("saz", 404)])
def test_offer_calendar_of_a_draft_opens_only_for_its_providers_editors(client, catalogue, django_user_model,
                                                                         member_of, status):  # fmt: skip
    editor = django_user_model.objects.create_user("redaktion", password="x")
    Membership.objects.create(user=editor, partner=getattr(catalogue, member_of), role=Membership.Role.EDITOR)
    verified_login(client, editor)

    response = client.get(reverse("offers:calendar", args=["entwurf"]))

    assert response.status_code == status
    if status == 200:
        assert [event["summary"] for event in events(response)] == ["Beginn: Entwurf Mechatronik"]
