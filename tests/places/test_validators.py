import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from counselling.forms import InquiryForm, InquiryPrefillForm
from places.models import Postcode
from places.validators import validate_postcode

MESSAGE = "Bitte eine fünfstellige Postleitzahl angeben, z. B. 70173."


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
    assert all(validate_postcode in field.validators for field in [*fields, Postcode._meta.get_field("code")])


@pytest.mark.django_db
def test_request_form_refuses_a_bad_postcode_with_the_one_message():
    form = InquiryForm({"postcode": "7017"})

    assert form.errors["postcode"] == [MESSAGE]
    assert validate_postcode in InquiryPrefillForm.base_fields["postcode"].validators
