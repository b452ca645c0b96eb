"""Second factors: an authenticator app (TOTP) and one-time recovery codes, both django-otp devices."""

from base64 import b32encode

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AccountAuditEntry

APP_DEVICE_NAME = "Authenticator-App"
CODES_DEVICE_NAME = "Wiederherstellungscodes"
RECOVERY_CODE_COUNT = 10


def has_factor(user) -> bool:
    return any(devices_for_user(user, confirmed=True))


def pending_app_device(user) -> TOTPDevice:
    """The unconfirmed app device being set up; created on first use, kept across reloads of the setup page."""
    device, _created = TOTPDevice.objects.get_or_create(user=user, confirmed=False, defaults={"name": APP_DEVICE_NAME})
    return device


def secret_for_humans(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for typing into an app that cannot scan."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def factor_confirm(*, device: TOTPDevice, address: str | None) -> list[str]:
    """Confirms the app device and issues fresh recovery codes; returns the codes, which are shown once."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=device.user).delete()
    codes_device = StaticDevice.objects.create(user=device.user, name=CODES_DEVICE_NAME)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=codes_device, token=code) for code in codes)
    _audit(actor=device.user, subject=device.user, action=AccountAuditEntry.Action.FACTOR_SET_UP, address=address)
    return codes


@transaction.atomic
def factor_reset(*, user, by, address: str | None) -> None:
    """Removes every device of `user`, who must set up a new one at the next login. Superusers only."""
    if not by.is_superuser:
        raise PermissionDenied("Only a superuser may reset a second factor.")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    _audit(actor=by, subject=user, action=AccountAuditEntry.Action.FACTOR_RESET, address=address)


def _audit(*, actor, subject, action: str, address: str | None) -> None:
    AccountAuditEntry.objects.create(
        actor=actor,
        actor_name=actor.get_username(),
        subject=subject,
        subject_name=subject.get_username(),
        action=action,
        address=address,
    )


def _normalised(code: str) -> str:
    return "".join(code.split()).lower()


def _device_kind(code: str):
    """Six digits go to the app, anything else to the recovery codes, so a recovery code never counts as a wrong
    app code for django-otp's throttle."""
    return TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice


@transaction.atomic
def verify_code(user, code: str):
    """The device that accepts `code`, else None. A recovery code is deleted when used."""
    code = _normalised(code)
    for device in _device_kind(code).objects.devices_for_user(user, confirmed=True).select_for_update():
        if device.verify_token(code):
            return device
    return None


def is_throttled(user, code: str) -> bool:
    """True while the throttle (a delay that doubles after each wrong code) refuses every device for this code."""
    devices = list(_device_kind(_normalised(code)).objects.devices_for_user(user, confirmed=True))
    return bool(devices) and not any(device.verify_is_allowed()[0] for device in devices)
