"""The one check of a German postcode, for every form and model field that takes one."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

POSTCODE = re.compile(r"[0-9]{5}")  # not \d: it would accept digits of other scripts


def is_postcode(value: str) -> bool:
    return POSTCODE.fullmatch(value) is not None


def validate_postcode(value: str) -> None:
    if not is_postcode(value):
        raise ValidationError(_("Bitte eine fünfstellige Postleitzahl angeben, z. B. 70173."), code="invalid_postcode")
