"""Writes a plan in one transaction, each saved offer with a history entry naming the editor and the import."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from offers.imports.plan import Plan, differs, run_key
from offers.imports.validate import OfferData
from offers.models import ImportLog, Offer, Run


def _unique_slug(title: str, partner) -> str:
    base = slugify(f"{title} {partner.slug}")[:200] or "angebot"
    taken = set(Offer.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _save(offer: Offer, *, by, reason: str) -> None:
    offer._history_user = by
    offer._change_reason = reason
    offer.save()


def _write(offer: Offer, data: OfferData, *, by, reason: str) -> None:
    for name, value in data.fields.items():
        setattr(offer, name, value)
    _save(offer, by=by, reason=reason)
    for name, entries in data.links.items():
        getattr(offer, name).set(entries)
    if sorted(run_key(run) for run in offer.runs.all()) != sorted(run_key(run) for run in data.runs):
        offer.runs.all().delete()
        for fields in data.runs:
            run = Run(offer=offer, **{name: value for name, value in fields.items() if name != "row"})
            run._history_user = by
            run.save()


def _no_progress(done: int, total: int) -> None:
    pass


@transaction.atomic
def apply_plan(*, plan: Plan, by, file_name: str, progress=_no_progress) -> ImportLog:
    """All of it or nothing: any error rolls the whole import back. `progress(done, total)` follows the writes."""
    counts = plan.counts
    log = ImportLog.objects.create(
        partner=plan.partner,
        user=by,
        file_name=file_name[:255],
        created=counts["new"],
        changed=counts["changed"],
        unchanged=counts["unchanged"],
        archived=counts["archived"],
    )
    reason = _("Import %(number)s: %(file)s") % {"number": log.pk, "file": file_name}
    total, done = len(plan.new) + len(plan.changed) + len(plan.archived), 0
    for data in plan.new:
        offer = Offer(provider=plan.partner, slug=_unique_slug(data.fields["title"], plan.partner))
        _write(offer, data, by=by, reason=reason)
        done += 1
        progress(done, total)
    for offer, data in plan.changed:
        if differs(offer, data):  # still, at the moment of writing
            _write(offer, data, by=by, reason=reason)
        done += 1
        progress(done, total)
    for offer in plan.archived:
        offer.status = Offer.Status.ARCHIVED
        _save(offer, by=by, reason=reason)
        done += 1
        progress(done, total)
    return log
