"""Every postcode a visitor, counsellor or editor types is checked against the postcode table, with the same message
next to the field; a city that is not the postcode's town gets a hint, the address is saved as typed."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from counselling.forms import CaseForm, CompanyForm, InquiryForm, InquiryPrefillForm
from guide.forms import GuideForm
from offers.imports.validate import Problem, check_file
from offers.models import Run
from partners.models import Partner
from places.lookup import city_hint
from places.models import Postcode
from places.validators import validate_postcode
from tests.conftest import verified_login
from tests.factories import STUTTGART, PartnerFactory, Place, PostcodeFactory, coordinator, counsellor
from tests.offers.imports.conftest import csv_file, row

pytestmark = pytest.mark.django_db
UNKNOWN = "Die Postleitzahl 99999 gibt es nicht."
FORMAT = "Bitte eine fünfstellige Postleitzahl angeben, z. B. 70173."
ROSTOCK = Place("18055", "Rostock", 54.0887, 12.1405)


@pytest.fixture
def table(db):
    for place in (STUTTGART, ROSTOCK):
        PostcodeFactory(place=place)


def test_an_unknown_postcode_is_refused_and_a_known_one_passes(table):
    validate_postcode("70173")
    with pytest.raises(Exception) as error:
        validate_postcode("99999")
    assert error.value.messages == [UNKNOWN]


def test_without_imported_postcodes_only_the_form_is_checked(db):
    assert not Postcode.objects.exists()
    validate_postcode("99999")
    with pytest.raises(Exception) as error:
        validate_postcode("1234x")
    assert error.value.messages == [FORMAT]


@pytest.mark.parametrize(
    ("code", "city", "hint"),
    [
        ("18055", "Rostock", ""),
        ("18055", "rostock", ""),
        ("70173", "Stuttgart-Mitte", ""),
        ("18055", "", ""),
        ("99999", "Rostock", ""),  # the unknown code is the error, not the city
        ("18055", "Schwerin", "Zur Postleitzahl 18055 gehört Rostock."),
        ("70173", "Esslingen", "Zur Postleitzahl 70173 gehört Stuttgart."),
    ],
)
def test_city_hint(table, code, city, hint):
    assert city_hint(code, city) == hint


def test_a_postcode_of_several_towns_names_them_all(db):
    for city in ("Eßlingen", "Bitburg"):
        Postcode.objects.create(code="54636", city=city, latitude=49.9, longitude=6.5)
    assert city_hint("54636", "Trier") == "Zur Postleitzahl 54636 gehört Bitburg oder Eßlingen."


# --- every form that takes a postcode ------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "message"), [("99999", UNKNOWN), ("1234x", FORMAT)])
def test_public_request_form(table, value, message):
    form = InquiryForm({"postcode": value})
    assert form.errors["postcode"] == [message]
    assert form["postcode"].value() == value
    assert InquiryPrefillForm({"postcode": value}).prefill().get("postcode") is None


@pytest.mark.parametrize(("value", "message"), [("99999", UNKNOWN), ("1234x", FORMAT)])
def test_desk_case_and_company_forms(table, value, message):
    office = PartnerFactory(is_contact_point=True)
    user = counsellor(office)
    assert CaseForm({"postcode": value}, office=office).errors["postcode"] == [message]
    assert CompanyForm({"postcode": value}, user=user).errors["postcode"] == [message]
    assert CaseForm({"postcode": "18055"}, office=office).errors.get("postcode") is None


def test_guide_form(table):
    form = GuideForm({"who": "beschaeftigt", "postcode": "99999"})
    assert form.errors["postcode"] == [UNKNOWN]


def test_guide_result_page_shows_the_message_and_keeps_the_input(client, table):
    response = client.get(reverse("guide:result"), {"who": "beschaeftigt", "postcode": "99999"})
    html = response.content.decode()
    assert f"Postleitzahl: {UNKNOWN}" in html
    assert 'value="99999"' in html


@pytest.mark.parametrize(("value", "message"), [("99999", UNKNOWN), ("1234x", FORMAT)])
def test_run_and_partner_models_refuse_unknown_postcodes(table, value, message):
    with pytest.raises(Exception) as error:
        Run(postcode=value).clean_fields(exclude=[f.name for f in Run._meta.fields if f.name != "postcode"])
    assert error.value.message_dict == {"postcode": [message]}
    with pytest.raises(Exception) as error:
        Partner(postcode=value).clean_fields(exclude=[f.name for f in Partner._meta.fields if f.name != "postcode"])
    assert error.value.message_dict == {"postcode": [message]}


def test_offer_import_reports_the_unknown_postcode_with_row_and_column(table):
    partner = PartnerFactory()
    data = csv_file(
        row(Lernform="Präsenz", PLZ="70173", Ort="Stuttgart"),
        row(Kursnummer="K-2", Lernform="Präsenz", PLZ="99999", Ort="Rostock"),
    )
    assert check_file(data, partner=partner).problems == [Problem(3, "PLZ", UNKNOWN)]


def _partner_admin_form(partner: Partner, **changes) -> dict:
    data = {
        "name": partner.name, "slug": partner.slug, "kind": partner.kind, "street": "Am Strande 1",
        "postcode": "18055", "city": "Rostock", "phone": "", "email": "", "website": "", "opening_hours": "",
        "accessibility": "", "description": "", "version": partner.version, "active": "on",
        "contact_persons-TOTAL_FORMS": "0", "contact_persons-INITIAL_FORMS": "0",
        "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0",
    }  # fmt: skip
    return {**data, **changes}


def test_partner_admin_refuses_an_unknown_postcode_next_to_the_field(client, table):
    partner = PartnerFactory(city="Rostock")
    verified_login(client, coordinator())
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    response = client.post(url, _partner_admin_form(partner, postcode="99999"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["postcode"] == [UNKNOWN]
    assert 'value="99999"' in response.content.decode()


def test_partner_admin_saves_a_mismatching_city_and_suggests_the_postcodes_town(client, table):
    partner = PartnerFactory(city="Rostock")
    verified_login(client, coordinator())
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    response = client.post(url, _partner_admin_form(partner, city="Schwerin"))
    assert response.status_code == 302
    partner.refresh_from_db()
    assert (partner.postcode, partner.city) == ("18055", "Schwerin")
    assert "Zur Postleitzahl 18055 gehört Rostock." in [str(m) for m in get_messages(response.wsgi_request)]
