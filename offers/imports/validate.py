"""Rows of a catalogue file → the offers they describe, or the problems that keep the file from being imported.

Nothing here writes: every problem is collected with its row and column, so the partner fixes the whole file at
once."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from offers.imports import cells
from offers.imports.openqcat_read import SchemaProblems, looks_like_xml, read_openqcat
from offers.imports.template import (
    BOOL,
    CHOICE,
    DATE,
    DECIMAL,
    DEFAULTS,
    HEADERS,
    INT,
    KEY,
    MANY,
    OFFER_COLUMNS,
    ONE,
    PARTNER_COLUMN,
    REQUIRED,
    RUN_COLUMNS,
    RUN_DEFAULTS,
    Column,
)
from offers.models import FundingProgramme, Offer, Run
from partners.models import Language
from tabular.read import Table, TableError, read

VOCABULARY_KEYS = {Language: ("code",), FundingProgramme: ("slug", "short_name")}
PARSERS = {
    INT: cells.parse_int,
    DECIMAL: cells.parse_decimal,
    BOOL: cells.parse_bool,
    DATE: cells.parse_date,
}


@dataclass(frozen=True, order=True)
class Problem:
    row: int  # 0: the file as a whole, 1: the header line
    column: str
    message: str


@dataclass
class OfferData:
    external_id: str
    row: int  # the first row of the offer
    fields: dict
    links: dict  # many-to-many field → vocabulary entries
    runs: list[dict] = field(default_factory=list)


@dataclass
class Checked:
    offers: list[OfferData]
    problems: list[Problem]


def check_file(data: bytes, *, partner) -> Checked:
    """The whole check of a CSV, XLSX or open-Qcat XML file for `partner`: limits, header, every cell, every offer."""
    limit = settings.IMPORT_MAX_MB * 1024 * 1024
    if len(data) > limit:
        size = f"{len(data) / 1024 / 1024:.1f}".replace(".", ",")
        message = _("Die Datei ist %(size)s MB groß; erlaubt sind höchstens %(limit)s MB.")
        return Checked([], [Problem(0, "", message % {"size": size, "limit": settings.IMPORT_MAX_MB})])
    reader = read_openqcat if looks_like_xml(data) else read
    try:
        table = reader(data, max_rows=settings.IMPORT_MAX_ROWS)
    except TableError as error:
        return Checked([], [Problem(0, "", str(error))])
    except SchemaProblems as error:
        return Checked([], [Problem(*problem) for problem in error.problems])
    return check_table(table, partner=partner)


def check_table(table: Table, *, partner) -> Checked:
    problems = header_problems(table.columns)
    if problems:
        return Checked([], problems)
    reader = RowReader(partner)
    offers: dict[str, OfferData] = {}
    for row in table.rows:
        reader.add(row, offers)
    for offer in offers.values():
        reader.check_offer(offer)
    return Checked(list(offers.values()), sorted(reader.problems, key=in_file_order))


def in_file_order(problem: Problem) -> tuple[int, int]:
    """By row, then in the template's column order (the order the partner reads the row in)."""
    position = HEADERS.index(problem.column) if problem.column in HEADERS else -1
    return problem.row, position


def header_problems(columns: list[str]) -> list[Problem]:
    if len(columns) == 1 and len(REQUIRED) > 1:
        message = _("Die Kopfzeile hat nur eine Spalte. Bitte Semikolon oder Komma als Trennzeichen verwenden.")
        return [Problem(1, "", message)]
    missing = [header for header in REQUIRED if header not in columns]
    return [Problem(1, header, _("Die Pflichtspalte „%(column)s“ fehlt.") % {"column": header}) for header in missing]


class RowReader:
    """Reads rows one by one into OfferData and collects the problems."""

    def __init__(self, partner):
        self.partner = partner
        self.problems: list[Problem] = []
        self.vocabularies = {}

    def problem(self, row: int, column: str, message: str) -> None:
        self.problems.append(Problem(row, column, message))

    def add(self, row, offers: dict[str, OfferData]) -> None:
        values = row.values
        self.check_partner(row.number, values.get(PARTNER_COLUMN, ""))
        key = values.get(KEY, "")
        if not key:
            self.problem(row.number, KEY, _("Bitte eine Kursnummer angeben."))
            return
        offer_values = self.read_cells(row.number, values, OFFER_COLUMNS, DEFAULTS)
        run = self.read_cells(row.number, values, RUN_COLUMNS, RUN_DEFAULTS)
        offer = offers.get(key)
        if offer is None:
            links = {name: offer_values.pop(name) for name in list(offer_values) if self.is_many(name)}
            offer = offers[key] = OfferData(key, row.number, offer_values, links)
        else:
            self.check_same(row.number, offer, offer_values, values)
        if self.has_run(values):
            offer.runs.append({"row": row.number, **run})

    def check_partner(self, number: int, named: str) -> None:
        if named and named.casefold() not in (self.partner.slug.casefold(), self.partner.name.casefold()):
            message = _("Die Zeile nennt den Anbieter „%(named)s“; importiert wird nur für „%(partner)s“.")
            self.problem(number, PARTNER_COLUMN, message % {"named": named, "partner": self.partner.name})

    def read_cells(self, number: int, values: dict, columns: list[Column], defaults: dict) -> dict:
        result = {}
        for column in columns:
            text = values.get(column.header, "")
            try:
                value = self.parse(column, text)
            except cells.CellError as error:
                self.problem(number, column.header, str(error))
                continue
            result[column.field] = defaults[column.field] if value in ("", None) and column.field in defaults else value
        return result

    def parse(self, column: Column, text: str):
        if column.kind == CHOICE:
            return cells.parse_choice(text, column.choices)
        if column.kind in (ONE, MANY):
            vocabulary = self.vocabulary(column.vocabulary)
            return vocabulary.one(text) if column.kind == ONE else vocabulary.many(text)
        return PARSERS[column.kind](text) if column.kind in PARSERS else text

    def vocabulary(self, model) -> cells.Vocabulary:
        if model not in self.vocabularies:
            self.vocabularies[model] = cells.Vocabulary(model.objects.all(), VOCABULARY_KEYS.get(model, ("slug",)))
        return self.vocabularies[model]

    @staticmethod
    def is_many(name: str) -> bool:
        return any(column.field == name and column.kind == MANY for column in OFFER_COLUMNS)

    @staticmethod
    def has_run(values: dict) -> bool:
        return any(values.get(column.header, "") for column in RUN_COLUMNS)

    def check_same(self, number: int, offer: OfferData, values: dict, cells_text: dict) -> None:
        """Further rows of an offer may leave its columns empty; what they fill in must match the first row."""
        for column in OFFER_COLUMNS:
            known = offer.links.get(column.field, offer.fields.get(column.field))
            if cells_text.get(column.header) and column.field in values and values[column.field] != known:
                message = _("Weicht von Zeile %(row)s ab; alle Zeilen einer Kursnummer brauchen dieselben Angaben.")
                self.problem(number, column.header, message % {"row": offer.row})

    def check_offer(self, offer: OfferData) -> None:
        """The model's own rules (lengths, ranges, URL, run dates, venue of a classroom run)."""
        instance = Offer(provider=self.partner, **offer.fields)
        self.model_problems(offer.row, instance, OFFER_COLUMNS, exclude=["slug", "provider"])
        for run in offer.runs:
            fields = {name: value for name, value in run.items() if name != "row"}
            self.model_problems(run["row"], Run(**fields), RUN_COLUMNS, exclude=["offer"])

    def model_problems(self, number: int, instance, columns: list[Column], exclude: list[str]) -> None:
        headers = {column.field: column.header for column in columns}
        try:
            instance.clean_fields(exclude=exclude)
            instance.clean()
        except ValidationError as error:
            # A cell that could not be read is reported once, not again as "empty".
            known = {(problem.row, problem.column) for problem in self.problems}
            for name, messages in error.message_dict.items():
                if (number, headers.get(name, "")) not in known:
                    for message in messages:
                        self.problem(number, headers.get(name, ""), message)
