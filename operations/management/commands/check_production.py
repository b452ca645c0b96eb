from django.core.management.base import BaseCommand, CommandError

from operations.production import CHECKS, failures


class Command(BaseCommand):
    help = (
        "Checks what production needs beyond `check --deploy`: a shared cache, an e-mail server, DEBUG off, "
        "trusted proxies behind a proxy, a second factor for every staff account, a worker seen in the last hour."
    )

    def handle(self, *args, **options):
        found = failures()
        for message in found:
            self.stderr.write(f"FAILED: {message}")
        if found:
            raise CommandError(f"{len(found)} of {len(CHECKS)} production checks failed.")
        self.stdout.write(self.style.SUCCESS(f"All {len(CHECKS)} production checks passed."))
