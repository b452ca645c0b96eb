"""A backup, then changes and deletions, then a restore: every table holds exactly the rows of the backup."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from counselling.models import Case, Inquiry
from offers.models import Offer
from operations.backup import ENGINES
from partners.models import Partner
from tests.factories import (
    CaseFactory,
    InquiryFactory,
    OfferFactory,
    OfficeFactory,
    PartnerFactory,
    SessionFactory,
    counsellor,
)


def every_row() -> dict[str, list[tuple]]:
    """Each table's rows, in a fixed order, read straight from the database."""
    rows = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows[table] = sorted(cursor.fetchall(), key=repr)
    return rows


def network() -> None:
    office = OfficeFactory(slug="lotsendienst-stuttgart", name="Lotsendienst Stuttgart")
    adviser = counsellor(office, username="beratung-stuttgart")
    provider = PartnerFactory(slug="bildungswerk", name="Bildungswerk Stuttgart")
    for title in ("TQ Lager", "TQ Metall", "Industriemeister"):
        OfferFactory(provider=provider, title=title)
    InquiryFactory(office=office, name="Rita Test")
    SessionFactory(case=CaseFactory(office=office, name="Anna Beispiel", counsellor=adviser), counsellor=adviser)


def change_and_delete() -> None:
    Offer.objects.filter(title="TQ Lager").update(title="Geändert")
    Offer.objects.filter(title="Industriemeister").delete()
    Inquiry.objects.all().delete()
    Case.objects.update(name="–")
    PartnerFactory(slug="neu", name="Nach der Sicherung")


def round_trip(tmp_path, suffix: str) -> int:
    network()
    before = every_row()
    path = tmp_path / f"sicherung.{suffix}"

    out = io.StringIO()
    call_command("backup", "--output", str(path), stdout=out)
    change_and_delete()
    assert every_row() != before
    call_command("restore", str(path), "--no-input", stdout=out)

    after = every_row()
    assert list(after) == list(before)
    for table, rows in before.items():
        assert after[table] == rows, table
    assert Partner.objects.filter(slug="neu").exists() is False
    assert sorted(Offer.objects.values_list("title", flat=True)) == ["Industriemeister", "TQ Lager", "TQ Metall"]
    lines = out.getvalue().splitlines()
    assert lines[0] == f"Backing up the {ENGINES[connection.vendor]} database to {path} …"
    assert lines[1].startswith(f"Backup written: {path} (")
    assert lines[2:3] == [f"Restoring {path} into the {ENGINES[connection.vendor]} database …"]
    assert lines[3].startswith(f"Restored {path} in ")
    return sum(len(rows) for rows in before.values())


@pytest.mark.django_db(transaction=True)
def test_sqlite_backup_restores_every_row_and_nothing_else(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite round trip needs the SQLite test database")
    compared = round_trip(tmp_path, "sqlite3")
    print(f"rows compared after restore (SQLite): {compared} in {len(every_row())} tables")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_postgres_backup_restores_every_row_and_nothing_else(tmp_path):
    compared = round_trip(tmp_path, "dump")
    print(f"rows compared after restore (PostgreSQL): {compared} in {len(every_row())} tables")


@pytest.mark.django_db
def test_restore_refuses_a_backup_of_the_other_engine(tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    path = tmp_path / "fremd.bak"
    path.write_bytes({"postgresql": b"PGDMP\x01\x0e", "sqlite": b"SQLite format 3\x00"}[other] + b"\x00" * 100)

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(path), "--no-input")

    assert str(refused.value) == (
        f"{path} is a {ENGINES[other]} backup, but this portal's database is {ENGINES[connection.vendor]}: "
        f"restore it into a {ENGINES[other]} database (DATABASE_URL)."
    )


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_no_backup(tmp_path):
    path = tmp_path / "notizen.txt"
    path.write_text("keine Sicherung")

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(path), "--no-input")

    assert str(refused.value) == f"{path} is not a backup made by `manage.py backup` (neither pg_dump nor SQLite)."


@pytest.mark.django_db(transaction=True)  # a backup reads committed data, as in production
def test_restore_asks_first_and_changes_nothing_without_yes(tmp_path, monkeypatch):
    path = tmp_path / "sicherung"
    call_command("backup", "--output", str(path), stdout=io.StringIO())
    PartnerFactory(slug="bleibt")
    monkeypatch.setattr("builtins.input", lambda prompt: "nein")

    with pytest.raises(CommandError, match="Restore cancelled; nothing changed."):
        call_command("restore", str(path))

    assert Partner.objects.filter(slug="bleibt").exists()
