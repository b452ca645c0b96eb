"""The import template: its German column headers, each with the Offer or Run field it fills and how its text is
read (docs/import.md). One row per run; rows with the same Kursnummer are the runs of one offer."""

from __future__ import annotations

from dataclasses import dataclass, field

from offers.models import FundingProgramme, Offer, QualificationStep, Run, Sector, TargetGroup
from partners.models import Language

# kind: text | int | decimal | bool | date | choice | one (a vocabulary entry) | many (entries separated by "|")
TEXT, INT, DECIMAL, BOOL, DATE, CHOICE, ONE, MANY = "text", "int", "decimal", "bool", "date", "choice", "one", "many"


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: str = TEXT
    required: bool = False
    choices: list = field(default_factory=list)
    vocabulary: type | None = None


PARTNER_COLUMN = "Anbieter"  # optional; if present it must name the partner the file is imported for
KEY = "Kursnummer"

OFFER_COLUMNS = [
    Column(KEY, "external_id", required=True),
    Column("Titel", "title", required=True),
    Column("Kurzbeschreibung", "summary", required=True),
    Column("Beschreibung", "description"),
    Column("Art", "kind", CHOICE, required=True, choices=Offer.Kind.choices),
    Column("Status", "status", CHOICE, choices=Offer.Status.choices),
    Column("Offen für", "entry_levels", MANY, vocabulary=QualificationStep),
    Column("Führt zu", "leads_to", ONE, vocabulary=QualificationStep),
    Column("DQR-Niveau", "dqr_level", INT),
    Column("Abschluss", "certificate"),
    Column("Art des Abschlusses", "certificate_kind", CHOICE, choices=Offer.CertificateKind.choices),
    Column("Branchen", "sectors", MANY, vocabulary=Sector),
    Column("Zielgruppen", "target_groups", MANY, vocabulary=TargetGroup),
    Column("Förderprogramme", "funding_programmes", MANY, vocabulary=FundingProgramme),
    Column("AZAV", "azav", BOOL),
    Column("Unterrichtseinheiten", "teaching_hours", INT),
    Column("Dauer", "duration_text"),
    Column("Preis", "price", DECIMAL),
    Column("Hinweis zum Preis", "price_note"),
    Column("Unterrichtssprachen", "languages", MANY, vocabulary=Language),
    Column("Inhouse möglich", "inhouse_possible", BOOL),
    Column("Barrierefreiheit", "accessibility_notes"),
    Column("Anmeldelink", "registration_url"),
]

RUN_COLUMNS = [
    Column("Laufender Einstieg", "rolling_start", BOOL),
    Column("Beginn", "start_date", DATE),
    Column("Ende", "end_date", DATE),
    Column("Anmeldeschluss", "application_deadline", DATE),
    Column("Zeitform", "schedule", CHOICE, required=True, choices=Run.Schedule.choices),
    Column("Lernform", "learning_form", CHOICE, required=True, choices=Run.LearningForm.choices),
    Column("Straße", "street"),
    Column("PLZ", "postcode"),
    Column("Ort", "city"),
    Column("Plätze", "seats", INT),
    Column("Platzstatus", "status", CHOICE, choices=Run.Status.choices),
    Column("Durchführung garantiert", "start_guaranteed", BOOL),
]

COLUMNS = OFFER_COLUMNS + RUN_COLUMNS
HEADERS = [column.header for column in COLUMNS]
REQUIRED = [column.header for column in COLUMNS if column.required]
MANY_FIELDS = [column.field for column in OFFER_COLUMNS if column.kind == MANY]
OFFER_FIELDS = [column.field for column in OFFER_COLUMNS if column.kind != MANY]
RUN_FIELDS = [column.field for column in RUN_COLUMNS]
# Empty cells of these columns take the model's default rather than "empty".
DEFAULTS = {"status": Offer.Status.PUBLISHED, "price": 0, "certificate_kind": Offer.CertificateKind.ZERTIFIKAT}
RUN_DEFAULTS = {"status": Run.Status.OPEN}
