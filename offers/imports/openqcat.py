"""Where each column of the import template lives in an open-Qcat file (offers/imports/schema/openqcat-subset.xsd).

One SERVICE per offer, one MODULE_COURSE per run. The lists are in the schema's order, so the writer can append
elements one after another; the reader finds each value by its path."""

from __future__ import annotations

from pathlib import Path

SCHEMA_PATH = Path(__file__).parent / "schema" / "openqcat-subset.xsd"
ROOT, CATALOG, SERVICE, RUN = "OPENQCAT", "NEW_CATALOG", "SERVICE", "MODULE_COURSE"
VERSION = "1.1"
EDUCATION = "SERVICE_DETAILS/SERVICE_MODULE/EDUCATION"
RUNS_PATH = f"{EDUCATION}/{RUN}"
PRICE = "SERVICE_PRICE_DETAILS/SERVICE_PRICE"

# (template header, path below SERVICE); a column with several entries repeats its element.
OFFER_ELEMENTS = [
    ("Anbieter", "SUPPLIER_ID_REF"),
    ("Kursnummer", "PRODUCT_ID"),
    ("Titel", "SERVICE_DETAILS/TITLE"),
    ("Kurzbeschreibung", "SERVICE_DETAILS/DESCRIPTION_SHORT"),
    ("Beschreibung", "SERVICE_DETAILS/DESCRIPTION_LONG"),
    ("Status", "SERVICE_DETAILS/SERVICE_STATUS"),
    ("Art", f"{EDUCATION}/EDUCATION_TYPE"),
    ("Offen für", f"{EDUCATION}/ENTRY_LEVEL"),
    ("Führt zu", f"{EDUCATION}/LEADS_TO"),
    ("Abschluss", f"{EDUCATION}/DEGREE/DEGREE_TITLE"),
    ("Art des Abschlusses", f"{EDUCATION}/DEGREE/DEGREE_TYPE"),
    ("DQR-Niveau", f"{EDUCATION}/DEGREE/DQR_LEVEL"),
    ("Branchen", f"{EDUCATION}/SECTOR"),
    ("Zielgruppen", f"{EDUCATION}/TARGET_GROUP"),
    ("Förderprogramme", f"{EDUCATION}/FUNDING_PROGRAMME"),
    ("AZAV", f"{EDUCATION}/AZAV"),
    ("Unterrichtseinheiten", f"{EDUCATION}/INSTRUCTION_HOURS"),
    ("Dauer", f"{EDUCATION}/DURATION"),
    ("Unterrichtssprachen", f"{EDUCATION}/INSTRUCTION_LANGUAGE"),
    ("Inhouse möglich", f"{EDUCATION}/INHOUSE"),
    ("Barrierefreiheit", f"{EDUCATION}/ACCESSIBILITY"),
    ("Anmeldelink", f"{EDUCATION}/REGISTRATION_URL"),
]
# After the runs, as in the schema.
PRICE_ELEMENTS = [
    ("Preis", f"{PRICE}/PRICE_AMOUNT"),
    ("Hinweis zum Preis", f"{PRICE}/PRICE_NOTE"),
]
# (template header, path below MODULE_COURSE)
RUN_ELEMENTS = [
    ("Laufender Einstieg", "FLEXIBLE_START"),
    ("Beginn", "START_DATE"),
    ("Ende", "END_DATE"),
    ("Anmeldeschluss", "REGISTRATION_DEADLINE"),
    ("Zeitform", "SCHEDULE"),
    ("Lernform", "INSTRUCTION_FORM"),
    ("Straße", "LOCATION/STREET"),
    ("PLZ", "LOCATION/ZIP"),
    ("Ort", "LOCATION/CITY"),
    ("Plätze", "SEATS"),
    ("Platzstatus", "SEAT_STATUS"),
    ("Durchführung garantiert", "START_GUARANTEED"),
]
