"""No lost updates: two people open the same record, both save; the second save is refused with a German message
naming what is stored now, the second person's input stays in the form, and nothing is overwritten silently."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from counselling.models import Case, Company, PlanStep, Referral, Session
from locking.models import StaleEdit
from offers.models import Offer
from partners.models import Partner
from tests import factories
from tests.conftest import verified_login

CONFLICT = "Dieser Datensatz wurde gespeichert, während Sie ihn bearbeitet haben."


def _value(bound_field):
    value = bound_field.value()
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return "" if value is None else str(value)


def _form_data(form) -> dict:
    data = {bf.html_name: _value(bf) for bf in form}
    return {name: value for name, value in data.items() if value is not None}


def _opened(client, url, form_key="form") -> dict:
    """What the browser would post back unchanged: every field of the page's form (and admin inlines)."""
    context = client.get(url).context
    if "adminform" not in context:
        return _form_data(context[form_key])
    data = _form_data(context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        data.update(_form_data(inline.formset.management_form))
        for form in inline.formset.forms:
            data.update(_form_data(form))
    return data


def _two(*users) -> list[Client]:
    clients = []
    for user in users:
        client = Client()
        verified_login(client, user)
        clients.append(client)
    return clients


@pytest.fixture
def office(db):
    return factories.OfficeFactory(name="Lotsendienst Stuttgart")


@pytest.fixture
def counsellors(office):
    return _two(factories.counsellor(office, username="anna"), factories.counsellor(office, username="ben"))


@pytest.fixture
def coordinators(db):
    return _two(factories.coordinator(username="kora"), factories.coordinator(username="karl"))


def _case(office):
    return factories.CaseFactory(office=office, name="Erika", goal="Berufsabschluss")


# (object, its desk or admin url, the field both change, the first and the second person's value)
DESK = {
    "case": (lambda o: _case(o), lambda c: reverse("counselling:case_edit", args=[c.pk]), "goal"),
    "company": (
        lambda o: factories.CompanyFactory(office=o, name="Holz GmbH", contact="Frau Holz"),
        lambda c: reverse("counselling:company_edit", args=[c.pk]),
        "contact",
    ),
    "plan step": (
        lambda o: factories.PlanStepFactory(case=_case(o), title="Vorbereitung", note="alt"),
        lambda s: reverse("counselling:plan_step_edit", args=[s.case_id, s.pk]),
        "note",
    ),
    "session": (
        lambda o: factories.SessionFactory(case=_case(o), date=datetime.date(2026, 3, 2), notes="alt"),
        lambda s: reverse("counselling:session_edit", args=[s.case_id, s.pk]),
        "notes",
    ),
    "referral": (
        lambda o: factories.ReferralFactory(case=_case(o), partner=o, date=datetime.date(2026, 3, 2), note="alt"),
        lambda r: reverse("counselling:referral_edit", args=[r.case_id, r.pk]),
        "note",
    ),
}


def _second_save_is_refused(first, second, url, field, obj):
    first_data, second_data = _opened(first, url), _opened(second, url)  # both open the form

    saved = first.post(url, {**first_data, field: "Änderung von Person eins"})
    assert saved.status_code == 302, saved.context["adminform"].form.errors if saved.context else ""
    response = second.post(url, {**second_data, field: "Änderung von Person zwei"})

    body = response.content.decode()
    assert response.status_code in (200, 400)
    assert CONFLICT in body
    assert "Änderung von Person eins" in body  # what is stored now, named in the message
    assert "Änderung von Person zwei" in body  # the second person's input is kept in the form
    obj.refresh_from_db()
    assert getattr(obj, field) == "Änderung von Person eins"  # 0 silent overwrites
    return response


@pytest.mark.parametrize("kind", DESK)
def test_desk_second_save_over_a_change_is_refused_and_keeps_input(office, counsellors, kind):
    make, url_of, field = DESK[kind]
    obj = make(office)

    response = _second_save_is_refused(*counsellors, url_of(obj), field, obj)

    # Saving again after reading the message is a decision: the hidden version now names the stored one.
    again = _form_data(response.context["form"])
    assert counsellors[1].post(url_of(obj), again).status_code == 302
    obj.refresh_from_db()
    assert getattr(obj, field) == "Änderung von Person zwei"


ADMIN = {
    "offer": (
        lambda: factories.OfferFactory(title="Lehrgang", summary="alt", levels=["fachkraft"]),
        lambda o: reverse("admin:offers_offer_change", args=[o.pk]),
        "summary",
    ),
    "partner": (
        lambda: factories.PartnerFactory(name="Bildungswerk", description="alt"),
        lambda p: reverse("admin:partners_partner_change", args=[p.pk]),
        "description",
    ),
}


@pytest.mark.parametrize("kind", ADMIN)
def test_admin_second_save_over_a_change_is_refused_and_keeps_input(coordinators, kind):
    make, url_of, field = ADMIN[kind]
    obj = make()

    _second_save_is_refused(*coordinators, url_of(obj), field, obj)


@pytest.mark.parametrize("model", [Offer, Partner, Case, Company, PlanStep, Session, Referral])
def test_saving_an_outdated_copy_raises_and_changes_nothing(office, model):
    obj = {
        Offer: factories.OfferFactory, Partner: factories.PartnerFactory, Case: _case,
        Company: factories.CompanyFactory, PlanStep: factories.PlanStepFactory, Session: factories.SessionFactory,
        Referral: factories.ReferralFactory,
    }[model](**({"office": office} if model in (Case, Company) else {}))  # fmt: skip
    first, second = model.objects.get(pk=obj.pk), model.objects.get(pk=obj.pk)
    first.save()

    with pytest.raises(StaleEdit):
        second.save()
    assert model.objects.get(pk=obj.pk).version == 2


def test_corrected_session_keeps_its_earlier_version(office, counsellors):
    session = factories.SessionFactory(case=_case(office), date=datetime.date(2026, 3, 2), notes="erste Fassung")
    url = reverse("counselling:session_edit", args=[session.case_id, session.pk])

    counsellors[0].post(url, {**_opened(counsellors[0], url), "notes": "korrigiert"})

    history = session.history.order_by("history_date", "history_id").values_list("notes", "history_user__username")
    assert list(history) == [("erste Fassung", None), ("korrigiert", "anna")]
    page = counsellors[0].get(url).content.decode()
    assert "Notizen" in page  # the versions table names the changed field
