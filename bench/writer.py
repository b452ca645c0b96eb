"""The partner who edits while visitors search (scenario tail_mix_writer).

A thread of the bench process saves one of the biggest provider's offers every few seconds through Offer.save()
in a transaction, the path the admin's change view takes, so that every save changes the catalogue version
(offers.signals) and whatever the app cached goes stale as it does when partners work. It stops by itself after
`seconds`, or earlier when the scenario ends.
"""

import threading
import time

from django.db import connection, transaction
from django.utils import timezone

from offers.models import Offer

OFFERS_EDITED = 10  # the partner goes through a few of its offers in turn


def save_offer(pk: int) -> None:
    """A new price note, saved the way a partner's editor saves it."""
    with transaction.atomic():
        offer = Offer.objects.select_for_update().get(pk=pk)
        offer.price_note = f"Preise Stand {timezone.localtime():%H:%M:%S}"
        offer.save()


def offers_of(provider: str) -> list[int]:
    """The first few listed offers of a provider: the ones its editor goes through in turn."""
    offers = Offer.objects.listed().filter(provider__slug=provider).order_by("pk")
    return list(offers.values_list("pk", flat=True)[:OFFERS_EDITED])


class PartnerWriter:
    def __init__(self, offers: list[int], seconds: float, every: float = 2.0, save=save_offer):
        self.offers, self.seconds, self.every, self.save = offers, seconds, every, save
        self.saves = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="partner-writer", daemon=True)

    def __enter__(self) -> "PartnerWriter":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        deadline = time.monotonic() + self.seconds
        try:
            while self.offers and not self._stop.is_set() and time.monotonic() < deadline:
                self.save(self.offers[self.saves % len(self.offers)])
                self.saves += 1
                self._stop.wait(self.every)
        finally:
            connection.close()  # the thread's own connection
