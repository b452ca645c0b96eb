"""The one check of a German postcode and the one check of a phone number, for every form and model field that
takes one."""

import re

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

POSTCODE = re.compile(r"[0-9]{5}")  # not \d: it would accept digits of other scripts
# A national (0711 …) or international (+49 …, 0049 …) number with the separators people write: spaces, "/", "-",
# "()" around an area code. ITU-T E.164 allows at most 15 digits; fewer than 6 is no reachable number.
PHONE = re.compile(r"(\+|0)[0-9 ()/-]+")
PHONE_DIGITS = range(6, 16)


def is_postcode(value: str) -> bool:
    return POSTCODE.fullmatch(value) is not None


def validate_postcode_format(value: str) -> None:
    if not is_postcode(value):
        raise ValidationError(_("Bitte eine fünfstellige Postleitzahl angeben, z. B. 70173."), code="invalid_postcode")


def validate_postcode(value: str) -> None:
    """Five digits, and a postcode that exists: one of the postcode table (places.Postcode). While the table is empty
    (an installation that has not imported the postcodes yet) only the form is checked."""
    validate_postcode_format(value)
    # The model is looked up, not imported: places.models imports this module.
    postcodes = apps.get_model("places", "Postcode").objects
    if not postcodes.filter(code=value).exists() and postcodes.exists():
        raise ValidationError(
            _("Die Postleitzahl %(code)s gibt es nicht."), code="unknown_postcode", params={"code": value}
        )


def is_phone(value: str) -> bool:
    digits = sum(char in "0123456789" for char in value)
    return PHONE.fullmatch(value) is not None and digits in PHONE_DIGITS


def validate_phone(value: str) -> None:
    if not is_phone(value):
        raise ValidationError(
            _("Bitte eine Telefonnummer mit Vorwahl angeben, z. B. 0711 123456 oder +49 711 123456."),
            code="invalid_phone",
        )
