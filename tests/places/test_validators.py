import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from counselling.forms import InquiryForm, InquiryPrefillForm
from places.models import Postcode
from places.validators import validate_phone, validate_postcode, validate_postcode_format

MESSAGE = "Bitte eine fünfstellige Postleitzahl angeben, z. B. 70173."
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["70173", "01067"])
def test_validate_postcode_accepts_five_digits(value):
    validate_postcode(value)


@pytest.mark.parametrize("value", ["7017", "701730", "7017a", " 70173", "70173\n", "٧٠١٧٣"])
def test_validate_postcode_refuses_anything_else_with_one_message(value):
    with pytest.raises(ValidationError) as error:
        validate_postcode(value)

    assert error.value.messages == [MESSAGE]


def test_every_postcode_field_of_a_model_uses_the_one_validator():
    fields = {
        field: model._meta.label
        for model in apps.get_models()
        if not model.__name__.startswith("Historical")
        for field in model._meta.concrete_fields
        if field.name == "postcode"
    }

    assert sorted(fields.values()) == [
        "counselling.Case",
        "counselling.Company",
        "counselling.Inquiry",
        "offers.Run",
        "partners.Partner",
    ]
    assert all(validate_postcode in field.validators for field in fields)
    # The table's own codes are checked for their form: a new postcode is not in it yet.
    assert validate_postcode_format in Postcode._meta.get_field("code").validators


def test_request_form_refuses_a_bad_postcode_with_the_one_message():
    form = InquiryForm({"postcode": "7017"})

    assert form.errors["postcode"] == [MESSAGE]
    assert validate_postcode in InquiryPrefillForm.base_fields["postcode"].validators


PHONE_MESSAGE = "Bitte eine Telefonnummer mit Vorwahl angeben, z. B. 0711 123456 oder +49 711 123456."


@pytest.mark.parametrize("value", ["0711 123456", "0711/123456", "0711 900 120-0", "+49 711 123456", "0049 (711) 1234"])
def test_validate_phone_accepts_national_and_international_numbers(value):
    validate_phone(value)


@pytest.mark.parametrize("value", ["1234x", "12345", "0711", "+49", "anrufen", "711 123456", "+49 7111 234567 89012"])
def test_validate_phone_refuses_anything_else_with_one_message(value):
    with pytest.raises(ValidationError) as error:
        validate_phone(value)

    assert error.value.messages == [PHONE_MESSAGE]


def test_every_phone_field_of_a_model_uses_the_one_validator():
    fields = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.name == "phone" and validate_phone not in field.validators
    ]

    assert fields == []
