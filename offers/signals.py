"""Keep the denormalised offer columns (listed_until, next_start, search_vector) in step with their sources."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from offers.models import Offer, Run
from partners.models import Partner


@receiver(post_save, sender=Run)
@receiver(post_delete, sender=Run)
def run_changed(sender, instance: Run, **kwargs) -> None:
    Offer.objects.filter(pk=instance.offer_id).refresh_dates()


@receiver(post_save, sender=Offer)
def offer_saved(sender, instance: Offer, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    # Saving an instance loaded before its runs changed would write back old dates: recompute them from the runs.
    offer = Offer.objects.filter(pk=instance.pk)
    offer.refresh_dates()
    offer.update_search_vectors()


@receiver(post_save, sender=Partner)
def partner_saved(sender, instance: Partner, raw: bool = False, **kwargs) -> None:
    if not raw:
        Offer.objects.filter(provider=instance).update_search_vectors()
