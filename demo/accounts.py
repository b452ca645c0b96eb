"""Demo accounts (password "demo" for each, one documented demo second factor for all).

Roles and memberships come from the partners loader.
"""

from base64 import b32encode
from binascii import unhexlify

from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

DEMO_PASSWORD = "demo"
# The authenticator secret of every demo account, printed in the README so the demo stays usable: base32
# JRXXI43FNZSGSZLOON2EIZLNN4ZDAMRW; `manage.py demo_otp <user>` prints the current code.
DEMO_OTP_KEY = "4c6f7473656e6469656e737444656d6f32303236"
DEMO_OTP_SECRET = b32encode(unhexlify(DEMO_OTP_KEY)).decode()
DEMO_DEVICE_NAME = "Demo-Authenticator"
DEMO_ACCOUNTS = [
    # username, first name, last name, role description, is_staff, is_superuser
    ("koordination", "Kora", "Koordination", "Netzwerkkoordination", True, False),
    ("redaktion-ihk", "Ingo", "Redaktion", "Partnerredaktion IHK Region Stuttgart", True, False),
    ("redaktion-saz", "Sabine", "Redaktion", "Partnerredaktion Schweriner Ausbildungszentrum e.V.", True, False),
    ("beratung-stuttgart", "Berit", "Stuttgart", "Beratung Lotsendienst Stuttgart", False, False),
    ("beratung-schwerin", "Bernd", "Schwerin", "Beratung Schweriner Ausbildungszentrum", False, False),
]


def load(*, stdout) -> None:
    User = get_user_model()
    for username, first, last, _role, is_staff, is_superuser in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@lotsendienst.example"},
        )
        user.is_staff = is_staff
        user.is_superuser = is_superuser
        if created or not user.has_usable_password():
            user.set_password(DEMO_PASSWORD)
        user.save()
        TOTPDevice.objects.get_or_create(
            user=user, name=DEMO_DEVICE_NAME, defaults={"key": DEMO_OTP_KEY, "confirmed": True}
        )
    stdout.write(f"Demo accounts: {', '.join(a[0] for a in DEMO_ACCOUNTS)} (password: {DEMO_PASSWORD})")
    stdout.write(f"Demo second factor (authenticator secret of every demo account): {DEMO_OTP_SECRET}")
