"""iCalendar files (RFC 5545) of runs, built with the icalendar library: an offer's runs and the Merkliste's."""

import datetime
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from offers.models import Offer, Run

CONTENT_TYPE = "text/calendar; charset=utf-8"


def runs_calendar(offers: Iterable[tuple[Offer, Iterable[Run]]], *, name: str, request) -> bytes:
    """One all-day event on the first day of each dated run, and one on its application deadline.

    A course of months or years would fill a calendar as one long event; its start is what a reader plans around,
    and the description gives the whole period. Runs with a rolling start have no date and are left out.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Lotsendienst//Termine//DE")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for offer, runs in offers:
        for run in runs:
            if run.start_date is None:
                continue
            calendar.add_component(_start_event(offer, run, request, stamp))
            if run.application_deadline:
                calendar.add_component(_deadline_event(offer, run, request, stamp))
    return calendar.to_ical()


def _event(uid: str, day: datetime.date, summary: str, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
    return event


def _start_event(offer: Offer, run: Run, request, stamp) -> Event:
    event = _event(f"run-{run.pk}@{request.get_host()}", run.start_date, _("Beginn: %s") % offer.title, stamp)
    url = request.build_absolute_uri(offer.get_absolute_url())
    event.add("url", url)
    event.add("location", _location(run))
    event.add("description", "\n".join([*_facts(offer, run), url]))
    return event


def _deadline_event(offer: Offer, run: Run, request, stamp) -> Event:
    summary = _("Anmeldeschluss: %s") % offer.title
    event = _event(f"run-{run.pk}-deadline@{request.get_host()}", run.application_deadline, summary, stamp)
    event.add("url", request.build_absolute_uri(offer.get_absolute_url()))
    return event


def _location(run: Run) -> str:
    if not run.city:
        return str(run.get_learning_form_display())
    return ", ".join(part for part in (run.street, f"{run.postcode} {run.city}".strip()) if part)


def _facts(offer: Offer, run: Run) -> list[str]:
    period = run.start_date.strftime("%d.%m.%Y")
    if run.end_date:
        period = f"{period} – {run.end_date:%d.%m.%Y}"
    return [
        f"{offer.provider.name}",
        _("Termin: %s") % period,
        f"{run.get_schedule_display()}, {run.get_learning_form_display()}",
    ]
