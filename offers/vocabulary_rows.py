"""The rows of the five vocabularies as this process last read them: levels, sectors, target groups, funding
programmes and languages.

The search form lists them all, every result card and offer page names some, on every request; yet they are a few
dozen rows that change a few times a year. Each process keeps one copy of each, read again as soon as the catalogue
version changes (every change of a vocabulary row bumps it, offers.signals): after an edit one query per vocabulary,
otherwise none. The copy is one per process whatever the searches are, so an empty cache does not make a page slower
than this, and it is never older than the version the request reads.

The rows are shared by all requests of the process: read them, never change them.

An offer's links to them (its levels, languages, ...) are read the same way where many offers are shown at once
(`attach`): the rows from the copy, the ids from the offer's facet tokens where the offers were read with them
(PostgreSQL: the tokens hold every link, offers.models.facet_tokens), else the link tables' pairs in one query. Django's
prefetch would join each vocabulary again and build its rows anew for every page of offers: a third of a result page's
cards' time; at a million offers the link tables' query alone took 3-11 ms a page, reading index pages of five tables.
"""

from collections import defaultdict
from functools import cache

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import Model

# The modules, not the package: offers.models.offer uses this module while the package is being imported.
from offers.models import facet_tokens
from offers.models.catalogue import CatalogueVersion
from offers.models.vocabulary import FundingProgramme, QualificationStep, Sector, TargetGroup
from partners.models import Language

MODELS = (QualificationStep, Sector, TargetGroup, FundingProgramme, Language)

# (catalogue version, {model: {id: row}}), replaced as a whole when the version changes: a thread that read it
# never mixes the rows of two versions.
_held: dict = {"copy": (None, {})}


def rows(model: type[Model]) -> dict[int, Model]:
    """{id: row} of every row of `model` (one of MODELS), in the model's own order."""
    version = CatalogueVersion.current()
    held_version, tables = _held["copy"]
    if held_version != version:
        tables = {}
        _held["copy"] = (version, tables)
    if model not in tables:
        tables[model] = {row.pk: row for row in model.objects.all()}
    return tables[model]


def shown(model: type[Model]) -> list[Model]:
    """The rows of `model` a public page offers: all but the funding programmes that are no longer active (nobody can
    apply for those any more)."""
    return [row for row in rows(model).values() if _shown(row)]


def forget() -> None:
    """Read every vocabulary again on the next call (tests: the version of a rolled-back test repeats)."""
    _held["copy"] = (None, {})


def attach(offers: list, names: tuple[str, ...]) -> None:
    """Each of `offers` gets its links of `names` (many-to-many fields to MODELS) as if prefetched: `offer.sectors.all`
    answers from memory, in the vocabulary's order, with the rows a page shows (see shown())."""
    if not offers or not names:
        return
    fields = [offers[0]._meta.get_field(name) for name in names]
    if all(_has_tokens(offer) for offer in offers) and all(field.name in facet_tokens.LINKS for field in fields):
        linked = _linked_by_tokens(fields, offers)
    else:
        linked = _linked_ids(fields, [offer.pk for offer in offers], offers[0]._state.db or DEFAULT_DB_ALIAS)
    for field in fields:
        table = rows(field.related_model)
        for offer in offers:
            chosen = linked[field.name].get(offer.pk, set())
            _set_prefetched(offer, field.name, [row for pk, row in table.items() if pk in chosen and _shown(row)])


def _shown(row) -> bool:
    return getattr(row, "active", True)


def _has_tokens(offer) -> bool:
    """The offer was read with its facet tokens, and they are kept (PostgreSQL)."""
    return bool(offer.__dict__.get("facet_tokens")) and facet_tokens.in_use()


def _linked_by_tokens(fields, offers: list) -> dict[str, dict[int, set[int]]]:
    """{field name: {offer id: {row id}}} from the offers' facet tokens: "'f3' 'l2' 'kumschulung' ..." holds the ids
    of each link under its field's prefix."""
    linked: dict[str, dict[int, set[int]]] = {field.name: {} for field in fields}
    for offer in offers:
        tokens = [token.strip("'") for token in offer.facet_tokens.split()]
        for field in fields:
            prefix = facet_tokens.LINKS[field.name]
            ids = {token[len(prefix) :] for token in tokens if token.startswith(prefix)}
            linked[field.name][offer.pk] = {int(pk) for pk in ids if pk.isdigit()}
    return linked


def _linked_ids(fields, offer_ids: list[int], database: str) -> dict[str, dict[int, set[int]]]:
    """{field name: {offer id: {row id}}} of the link tables of `fields`, in one query (UNION ALL), from the database
    the offers came from (a replica, for a visitor's page)."""
    placeholders = ", ".join(["%s"] * len(offer_ids))
    linked: dict[str, dict[int, set[int]]] = {field.name: defaultdict(set) for field in fields}
    with connections[database].cursor() as cursor:
        cursor.execute(_links_sql(tuple(fields)).format(ids=placeholders), offer_ids * len(fields))
        for number, offer_id, row_id in cursor.fetchall():
            linked[fields[number].name][offer_id].add(row_id)
    return linked


@cache
def _links_sql(fields: tuple) -> str:
    """The UNION ALL of the link tables of `fields`, written once per process: built as querysets it was compiled
    anew for every page of offers (a tenth of a cold offer page). `{ids}` stands for the offers' placeholders."""
    quote = connection.ops.quote_name
    selects = []
    for number, field in enumerate(fields):
        through = field.remote_field.through._meta
        offer_column = quote(through.get_field(field.m2m_field_name()).column)
        row_column = quote(through.get_field(field.m2m_reverse_field_name()).column)
        selects.append(
            f"SELECT {number}, {offer_column}, {row_column} FROM {quote(through.db_table)} "
            f"WHERE {offer_column} IN ({{ids}})"
        )
    return " UNION ALL ".join(selects)


def _set_prefetched(instance, name: str, related: list) -> None:
    """What Django's prefetch_related leaves on an instance: a queryset of the relation with its result filled in."""
    queryset = getattr(instance, name).get_queryset()
    queryset._result_cache, queryset._prefetch_done = related, True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
