"""Connects the demand record to the pages that report demand (offers.demand)."""

from django.dispatch import receiver

from network.recording import record_safely
from offers.demand import demand_noted


@receiver(demand_noted, dispatch_uid="network-demand-record")
def demand_noted_received(sender, *, request, district, facts, words, **kwargs):
    record_safely(kind=sender, request=request, district=district, facts=facts, words=words)
