"""Writes a plan in one transaction, with history entries naming the editor and the import (offers/imports/bulk.py
does the writing)."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from offers.imports.bulk import archive_offers, write_offers
from offers.imports.plan import Plan, differs
from offers.models import ImportLog, Offer
from partners.scoping import editable_partner_ids

BATCH = 1000


def _no_progress(done: int, total: int) -> None:
    pass


def new_slugs(titles: list[str], partner) -> list[str]:
    """A unique slug per new offer from its title and the partner, "-2", "-3" … where one is taken."""
    bases = [slugify(f"{title} {partner.slug}")[:200] or "angebot" for title in titles]
    taken = set()
    for start in range(0, len(bases), BATCH):
        chunk = set(bases[start : start + BATCH])
        taken |= set(Offer.objects.filter(slug__in=chunk).values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug = base
        if slug in taken:  # rare: ask the database for the numbered variants only then
            taken |= set(Offer.objects.filter(slug__startswith=f"{base}-").values_list("slug", flat=True))
            number = 2
            while f"{base}-{number}" in taken:
                number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


@transaction.atomic
def apply_plan(
    *, plan: Plan, by, file_name: str, progress=_no_progress, source: str = ImportLog.Source.FILE
) -> ImportLog:
    """All of it or nothing: any error rolls the whole import back. `progress(done, total)` follows the writes."""
    counts = plan.counts
    log = ImportLog.objects.create(
        partner=plan.partner,
        user=by,
        file_name=file_name[:255],
        source=source,
        created=counts["new"],
        changed=counts["changed"],
        unchanged=counts["unchanged"],
        archived=counts["archived"],
    )
    reason = _("Import %(number)s: %(file)s") % {"number": log.pk, "file": file_name}
    slugs = new_slugs([data.fields["title"] for data in plan.new], plan.partner)
    pairs = [(Offer(provider=plan.partner, slug=slug), data) for slug, data in zip(slugs, plan.new, strict=True)]
    pairs += [(offer, data) for offer, data in plan.changed if differs(offer, data)]  # still, at the moment of writing
    confirmed = by is not None and plan.partner.pk in editable_partner_ids(by)
    total = len(pairs) + len(plan.archived)
    for start in range(0, len(pairs), BATCH):
        write_offers(pairs[start : start + BATCH], by=by, reason=reason, confirmed=confirmed)
        progress(min(start + BATCH, len(pairs)), total)
    if plan.archived:
        archive_offers(plan.archived, by=by, reason=reason)
        progress(total, total)
    return log
