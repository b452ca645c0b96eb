"""Reading an open-Qcat file into the rows the tabular import reads (tabular.read.Table), so that the same checks,
plan and report apply. Each row carries the line of its SERVICE (the offer) or MODULE_COURSE (a run).

The parser never loads a DTD, expands an entity or touches the network, and a file that declares a DTD at all is
refused: a catalogue needs neither, and they are how XML files attack their readers."""

from __future__ import annotations

import functools
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from lxml import etree

from offers.imports.openqcat import OFFER_ELEMENTS, PRICE_ELEMENTS, RUN_ELEMENTS, RUNS_PATH, SCHEMA_PATH, SERVICE
from tabular.read import Row, Table, TableError, too_many_rows


class SchemaProblems(ValueError):
    """The file is well-formed XML but does not follow the schema: (line, element, message) for each problem."""

    def __init__(self, problems: list[tuple[int, str, str]]):
        super().__init__(problems)
        self.problems = problems


def looks_like_xml(data: bytes) -> bool:
    return data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"<"


REFUSED_DTD = _lazy(
    "Die XML-Datei enthält eine DTD (<!DOCTYPE …>). DTDs und Entitäten werden aus Sicherheitsgründen nicht angenommen."
)


@functools.cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))


def parse(data: bytes) -> etree._ElementTree:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, remove_comments=True
    )
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as error:
        message = _("Die Datei ist kein wohlgeformtes XML: %(detail)s") % {"detail": error.msg}
        raise SchemaProblems([(error.lineno or 0, "", message)]) from error
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise TableError(str(REFUSED_DTD))
    return tree


def read_openqcat(data: bytes, *, max_rows: int | None = None) -> Table:
    tree = parse(data)
    validator = schema()
    if not validator.validate(tree):
        # dict.fromkeys: one message per element, though libxml2 names each facet a value breaks
        raise SchemaProblems(list(dict.fromkeys(schema_problem(error) for error in validator.error_log)))
    rows = []
    for service in tree.getroot().iter(SERVICE):
        rows += service_rows(service)
        if max_rows is not None and len(rows) > max_rows:
            raise too_many_rows(max_rows)
    columns = [header for header, _path in OFFER_ELEMENTS + PRICE_ELEMENTS + RUN_ELEMENTS]
    return Table(columns, rows)


def text_of(parent, path: str) -> str:
    return "|".join((element.text or "").strip() for element in parent.iterfind(path))


def service_rows(service) -> list[Row]:
    """The offer's own row, then one row per run naming the offer by its course number."""
    offer = {header: text_of(service, path) for header, path in OFFER_ELEMENTS + PRICE_ELEMENTS}
    rows = [Row(service.sourceline, offer)]
    for run in service.iterfind(RUNS_PATH):
        values = {header: text_of(run, path) for header, path in RUN_ELEMENTS}
        rows.append(Row(run.sourceline, {"Kursnummer": offer["Kursnummer"], **values}))
    return rows


ELEMENT = re.compile(r"Element '([^']+)'")
EXPECTED = re.compile(r"Expected is(?: one of)? \( ([^)]+) \)")
ATOMIC_TYPE = re.compile(r"atomic type '([^']+)'")
VALUE = re.compile(r": '([^']*)' is not a valid value")
TYPE_NAMES = {
    "xs:date": "JJJJ-MM-TT",
    "xs:dateTime": "JJJJ-MM-TTThh:mm:ss",
    "xs:decimal": "1250.50",
    "xs:integer": "12",
    "xs:boolean": "true / false",
}


def _match(pattern: re.Pattern, text: str) -> str:
    found = pattern.search(text)
    return found[1] if found else ""


def schema_problem(error) -> tuple[int, str, str]:
    """libxml2's English message, said in plain German with the element's name."""
    form = _match(ATOMIC_TYPE, error.message)
    values = {
        "element": _match(ELEMENT, error.message),
        "expected": _match(EXPECTED, error.message),
        "form": TYPE_NAMES.get(form, form),
        "value": _match(VALUE, error.message),
        "detail": error.message.split(": ", 1)[-1],
    }
    return error.line, values["element"], german_message(error.message, values) % values


def german_message(text: str, values: dict) -> str:
    if "Missing child element" in text:
        return _("Im Element „%(element)s“ fehlt „%(expected)s“.")
    if "not expected" in text and values["expected"]:
        return _("Das Element „%(element)s“ ist an dieser Stelle nicht vorgesehen; erwartet: „%(expected)s“.")
    if "not expected" in text:
        return _("Das Element „%(element)s“ ist an dieser Stelle nicht vorgesehen.")
    if "No matching global declaration" in text:
        return _("Das äußerste Element muss „OPENQCAT“ heißen, nicht „%(element)s“.")
    if "[facet 'pattern']" in text or "[facet 'minLength']" in text:
        return _("Das Element „%(element)s“ darf nicht leer sein.")
    if values["form"]:
        return _("„%(value)s“ im Element „%(element)s“ ist kein gültiger Wert der Form %(form)s.")
    return _("Das Element „%(element)s“ entspricht nicht dem Schema: %(detail)s")
