from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from places.lookup import locate
from tests.factories import Postcode, PostcodeFactory

pytestmark = pytest.mark.django_db
GOOD = (
    "DE\t70173\tStuttgart\tBaden-Württemberg\tBW\tRegierungsbezirk Stuttgart\t081\tStuttgart\t08111\t48.7784\t9.18\t4\n"
    "DE\t19053\tSchwerin\tMecklenburg-Vorpommern\tMV\t\t00\tSchwerin\t13004\t53.6278\t11.4147\t4\n"
)


def _file(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "DE.txt"
    path.write_bytes(text.encode(encoding))
    return path


def test_import_postcodes_loads_geonames_rows(tmp_path):
    out = StringIO()
    call_command("import_postcodes", str(_file(tmp_path, GOOD)), stdout=out)
    assert set(Postcode.objects.values_list("code", "city", "latitude", "longitude")) == {
        ("70173", "Stuttgart", 48.7784, 9.18),
        ("19053", "Schwerin", 53.6278, 11.4147),
    }
    assert "2 neu, 0 aktualisiert, 0 unverändert" in out.getvalue()


def test_import_postcodes_twice_updates_coordinates_without_duplicates(tmp_path):
    call_command("import_postcodes", str(_file(tmp_path, GOOD)), stdout=StringIO())
    moved = GOOD.replace("48.7784", "48.7800")
    out = StringIO()
    call_command("import_postcodes", str(_file(tmp_path, moved)), stdout=out)
    assert Postcode.objects.count() == 2
    assert Postcode.objects.get(code="70173").latitude == 48.78
    assert "0 neu, 1 aktualisiert, 1 unverändert" in out.getvalue()


def test_import_postcodes_reports_bad_lines_by_number_and_changes_nothing(tmp_path):
    PostcodeFactory(code="01067", city="Dresden", latitude=51.05, longitude=13.74)
    short_code = "DE\t7017\tKurz\tx\tx\tx\tx\tx\tx\t48.1\t9.1\t4\n"
    text_latitude = "DE\t70174\tStuttgart\tx\tx\tx\tx\tx\tx\tNord\t9.1\t4\n"
    bad = GOOD + short_code + text_latitude + "kaputt\n"
    err = StringIO()
    with pytest.raises(CommandError, match="3 fehlerhafte Zeile"):
        call_command("import_postcodes", str(_file(tmp_path, bad)), stderr=err)
    lines = err.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == ["Zeile 3", "Zeile 4", "Zeile 5"]
    assert "fünf Ziffern" in lines[0]
    assert "keine Zahl" in lines[1]
    assert "Spalten" in lines[2]
    assert list(Postcode.objects.values_list("code", flat=True)) == ["01067"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "Datei nicht gefunden"), ("", "keine Postleitzahlen"), ("latin1", "UTF-8")],
)
def test_import_postcodes_refuses_unusable_files(tmp_path, content, message):
    if content is None:
        path = tmp_path / "fehlt.txt"
    elif content == "latin1":
        path = _file(tmp_path, GOOD.replace("Württemberg", "W\xfcrttemberg"), encoding="latin-1")
    else:
        path = _file(tmp_path, content)
    with pytest.raises(CommandError, match=message):
        call_command("import_postcodes", str(path), stderr=StringIO())
    assert Postcode.objects.count() == 0


def test_demo_postcode_file_is_valid_and_covers_the_demo_towns():
    from offers.demo import POSTCODE_FILE
    from places.geonames import read_file

    cities = {city for _code, city, _lat, _lon in read_file(POSTCODE_FILE)}
    assert {"Stuttgart", "Schwerin", "Rostock", "Esslingen am Neckar", "Wismar", "Güstrow"} <= cities


@pytest.mark.parametrize(
    ("place", "expected"),
    [("70173", "Stuttgart"), ("schwerin", "Schwerin"), ("19053 Schwerin", "Schwerin"), ("Atlantis", None)],
)
def test_locate_finds_postcodes_and_towns(place, expected, postcodes):
    found = locate(place)
    assert (found.city if found else None) == expected
