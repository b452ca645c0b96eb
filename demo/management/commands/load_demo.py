from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from counselling import demo as counselling_demo
from demo import accounts
from network import demo as network_demo
from offers import demo as offers_demo
from offers.scale import generate
from partners import demo as partners_demo
from partners import demo_memberships

# One loader per app, in dependency order; each exposes load(*, stdout) and is idempotent.
LOADERS = [accounts, partners_demo, demo_memberships, offers_demo, counselling_demo, network_demo]


class Command(BaseCommand):
    help = "Loads the demo network (accounts, partners, offers, counselling cases). Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="run even with DEBUG off")
        parser.add_argument("--scale", type=int, default=0, metavar="N", help="add N generated offers for load tests")

    def handle(self, *args, force: bool = False, scale: int = 0, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "load_demo refuses to run with DJANGO_DEBUG off, so demo accounts never reach production. "
                "Use --force if you really mean it."
            )
        if scale < 0:
            raise CommandError("--scale must be 0 or a positive number of offers.")
        # The demo is not an editor's change: keep it out of the audit history, so a second run adds no rows.
        with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False):
            for loader in LOADERS:
                loader.load(stdout=self.stdout)
        if scale:
            generate(scale, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
