"""Writing many offers at once. Saved one by one an offer costs about 60 ms (the signals in offers/signals.py
recompute its dates and search vector after every run, and simple_history writes a record per many-to-many change),
so the import inserts and updates in batches and then does once, for all offers, what the signals do per row."""

from __future__ import annotations

from django.apps import apps
from django.utils import timezone

from offers.imports.plan import run_key
from offers.imports.template import MANY_FIELDS, OFFER_FIELDS
from offers.imports.validate import OfferData
from offers.models import Offer, Run
from places.lookup import locate

BATCH = 1000


def write_offers(pairs: list[tuple[Offer, OfferData]], *, by, reason: str, confirmed: bool) -> None:
    """New offers (no pk yet) are inserted, the others updated; their links and runs follow the file.
    `confirmed`: the provider's own editor imports, which vouches that the offers are current (as a save does)."""
    now = timezone.now()
    for offer, data in pairs:
        for name, value in data.fields.items():
            setattr(offer, name, value)
        offer.updated_at = now
        if confirmed:
            offer.last_confirmed_at = now
    run_changes = [(offer, data) for offer, data in pairs if _runs_differ(offer, data)]  # before inserts set pks
    new = [offer for offer, _data in pairs if offer.pk is None]
    old = [offer for offer, _data in pairs if offer.pk is not None]
    Offer.objects.bulk_create(new, batch_size=BATCH)
    Offer.objects.bulk_update(old, [*OFFER_FIELDS, "updated_at", "last_confirmed_at"], batch_size=BATCH)
    links = _replace_links(pairs, [offer.pk for offer in old])
    _replace_runs(run_changes, by=by, reason=reason)
    records = Offer.history.bulk_history_create(new, default_user=by, default_change_reason=reason, batch_size=BATCH)
    records += Offer.history.bulk_history_create(
        old, update=True, default_user=by, default_change_reason=reason, batch_size=BATCH
    )
    _link_history(records, links)
    refresh_derived([offer.pk for offer, _data in pairs])


def archive_offers(offers: list[Offer], *, by, reason: str) -> None:
    for offer in offers:
        offer.status = Offer.Status.ARCHIVED
        offer.updated_at = timezone.now()
    Offer.objects.bulk_update(offers, ["status", "updated_at"], batch_size=BATCH)
    Offer.history.bulk_history_create(offers, update=True, default_user=by, default_change_reason=reason)
    refresh_derived([offer.pk for offer in offers])


def refresh_derived(ids: list[int]) -> None:
    """What offers/signals.py does per saved row; both change the catalogue version."""
    for start in range(0, len(ids), BATCH):
        chunk = Offer.objects.filter(pk__in=ids[start : start + BATCH])
        chunk.refresh_dates()
        chunk.update_search_vectors()


def _replace_links(pairs, changed_ids: list[int]) -> dict[str, list]:
    """The many-to-many rows as the file has them; returns the new through rows per field."""
    created = {}
    for name in MANY_FIELDS:
        through = Offer._meta.get_field(name).remote_field.through
        target = Offer._meta.get_field(name).m2m_reverse_field_name()
        through.objects.filter(offer_id__in=changed_ids).delete()
        rows = [through(offer_id=offer.pk, **{target: entry}) for offer, data in pairs for entry in data.links[name]]
        created[name] = through.objects.bulk_create(rows, batch_size=BATCH)
    return created


def _link_history(records, links: dict[str, list]) -> None:
    """The many-to-many part of each new history record, as simple_history writes it on a single save."""
    record_of = {record.id: record for record in records}
    for name, rows in links.items():
        model = _m2m_history_model(name)
        if model is None:
            continue
        target = Offer._meta.get_field(name).m2m_reverse_field_name()
        history = [
            model(
                history=record_of[row.offer_id],
                id=row.id,
                offer_id=row.offer_id,
                **{f"{target}_id": getattr(row, f"{target}_id")},
            )
            for row in rows
            if row.offer_id in record_of
        ]
        model.objects.bulk_create(history, batch_size=BATCH)


def _m2m_history_model(name: str):
    tracked = {field.name for field in Offer.history.model._history_m2m_fields}
    return apps.get_model("offers", f"HistoricalOffer_{name}") if name in tracked else None


def _replace_runs(replace, *, by, reason: str) -> None:
    """Only the runs of offers whose runs differ from the file, so unchanged runs keep their history."""
    Run.objects.filter(offer_id__in=[offer.pk for offer, _data in replace]).delete()
    coordinates = {}
    runs = [_run(offer, fields, coordinates) for offer, data in replace for fields in data.runs]
    Run.objects.bulk_create(runs, batch_size=BATCH)
    Run.history.bulk_history_create(runs, default_user=by, default_change_reason=reason, batch_size=BATCH)


def _runs_differ(offer: Offer, data: OfferData) -> bool:
    if offer.pk is None:
        return bool(data.runs)
    return sorted(run_key(run) for run in offer.runs.all()) != sorted(run_key(run) for run in data.runs)


def _run(offer: Offer, fields: dict, coordinates: dict) -> Run:
    run = Run(offer=offer, **{name: value for name, value in fields.items() if name != "row"})
    if run.postcode:  # what Run.save does through locate_venue, looked up once per postcode
        if run.postcode not in coordinates:
            place = locate(run.postcode)
            coordinates[run.postcode] = (place.latitude, place.longitude) if place else (None, None)
        run.latitude, run.longitude = coordinates[run.postcode]
    return run
