"""Writes on offers that touch several rows or have side effects; each leaves the offers' history."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from offers.models import CatalogueVersion, Offer, random_sample


def offers_confirm(*, offers: list[Offer], by) -> int:
    """Marks the offers as still current, with a history entry each in the name of `by`."""
    now = timezone.now()
    for offer in offers:
        offer.last_confirmed_at = now
    bulk_update_with_history(offers, Offer, ["last_confirmed_at"], default_user=by)
    CatalogueVersion.bump()  # bulk updates send no signals; the cached public pages show the confirmation date
    return len(offers)


@transaction.atomic
def offer_duplicate(*, offer: Offer, by) -> Offer:
    """A draft copy of `offer` with its topics and runs, for the next season or a similar course."""
    m2m = {f.name: list(getattr(offer, f.name).all()) for f in Offer._meta.many_to_many}
    runs = list(offer.runs.all())
    copy = Offer.objects.get(pk=offer.pk)
    copy.pk = copy.id = None
    copy._state.adding = True
    copy.title = _("%(title)s (Kopie)") % {"title": offer.title}
    copy.slug = _unique_slug(offer.slug)
    copy.status = Offer.Status.DRAFT
    copy.last_confirmed_at = timezone.now()
    copy.sample = random_sample()  # each offer draws its own: copies must not fall in or out of a sample together
    copy._history_user = by
    copy.save()
    for name, values in m2m.items():
        getattr(copy, name).set(values)
    for run in runs:
        run.pk = run.id = None
        run._state.adding = True
        run.offer = copy
        run._history_user = by
        run.save()
    return copy


def _unique_slug(base: str) -> str:
    slug, n = f"{base}-kopie"[:210], 1
    while Offer.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-kopie-{n}"[:210]
    return slug
