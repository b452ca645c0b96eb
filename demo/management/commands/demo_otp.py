import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.accounts import DEMO_OTP_KEY


class Command(BaseCommand):
    help = "Prints the current second-factor code of a demo account (only for devices with the demo secret)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="a demo account, e.g. beratung-stuttgart")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        device = TOTPDevice.objects.filter(user=user, key=DEMO_OTP_KEY, confirmed=True).first() if user else None
        if device is None:
            raise CommandError(f"{username!r} has no demo second factor (run `manage.py load_demo` first).")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        remaining = device.step - int(time.time() - device.t0) % device.step
        self.stdout.write(f"{totp.token():0{device.digits}d}")
        self.stderr.write(f"valid for {remaining} more seconds; each code works for one login only")
