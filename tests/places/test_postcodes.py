from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from places.geonames import import_postcodes
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

    cities = {row.city for row in read_file(POSTCODE_FILE)}
    assert {"Stuttgart", "Schwerin", "Rostock", "Esslingen am Neckar", "Wismar", "Güstrow"} <= cities


@pytest.mark.parametrize(
    ("place", "expected"),
    [("70173", "Stuttgart"), ("schwerin", "Schwerin"), ("19053 Schwerin", "Schwerin"), ("Atlantis", None)],
)
def test_locate_finds_postcodes_and_towns(place, expected, postcodes):
    found = locate(place)
    assert (found.city if found else None) == expected


NETWORK_DISTRICTS = {
    "70173": ("DE111", "Stuttgart, Stadtkreis"),
    "71032": ("DE112", "Böblingen"),
    "73728": ("DE113", "Esslingen"),
    "73033": ("DE114", "Göppingen"),
    "71634": ("DE115", "Ludwigsburg"),
    "71332": ("DE116", "Rems-Murr-Kreis"),
    "18055": ("DE803", "Rostock, Kreisfreie Stadt"),
    "19053": ("DE804", "Schwerin, Kreisfreie Stadt"),
    "18273": ("DE80K", "Landkreis Rostock"),
    "23966": ("DE80M", "Nordwestmecklenburg"),
    "19288": ("DE80O", "Ludwigslust-Parchim"),
}


def test_every_demo_postcode_gets_its_nuts3_district():
    from offers.demo import POSTCODE_FILE

    import_postcodes(POSTCODE_FILE)
    assert not Postcode.objects.filter(district_code="").exists()
    assert not Postcode.objects.filter(district="").exists()
    found = dict(Postcode.objects.filter(code__in=NETWORK_DISTRICTS).values_list("code", "district_code"))
    assert found == {code: nuts for code, (nuts, _name) in NETWORK_DISTRICTS.items() if code in found}
    assert {"DE111", "DE112", "DE113", "DE114", "DE115", "DE116", "DE803", "DE804", "DE80K", "DE80M"} <= set(
        Postcode.objects.values_list("district_code", flat=True)
    )


@pytest.mark.parametrize(("code", "district"), NETWORK_DISTRICTS.items())
def test_the_shipped_mapping_names_the_network_districts(code, district):
    from places.districts import district_code, district_name

    assert (district_code(code), district_name(district_code(code))) == district


def test_a_postcode_the_mapping_lacks_takes_the_district_from_the_geonames_kreis_key(tmp_path):
    new_code = "DE\t19999\tNeuort\tMecklenburg-Vorpommern\tMV\t\t13004\t\t\t53.6\t11.4\t4\n"
    import_postcodes(_file(tmp_path, new_code))
    assert Postcode.objects.values_list("district_code", "district").get() == ("DE804", "Schwerin, Kreisfreie Stadt")


def test_import_fills_the_district_and_a_saved_postcode_too(tmp_path):
    call_command("import_postcodes", str(_file(tmp_path, GOOD)), stdout=StringIO())
    assert dict(Postcode.objects.values_list("code", "district_code")) == {"70173": "DE111", "19053": "DE804"}
    made = Postcode.objects.create(code="18055", city="Rostock", latitude=54.09, longitude=12.13)
    assert (made.district_code, made.district, made.search_name) == ("DE803", "Rostock, Kreisfreie Stadt", "rostock")


def test_import_postcodes_bundled_loads_every_german_postcode_offline_and_again_changes_nothing():
    out = StringIO()
    call_command("import_postcodes", "--bundled", stdout=out)
    assert "12813 neu, 0 aktualisiert, 0 unverändert" in out.getvalue()
    assert Postcode.objects.values("code").distinct().count() == 8157
    assert not Postcode.objects.filter(district_code="").exists()
    assert Postcode.objects.get(code="73525").city == "Schwäbisch Gmünd"
    out = StringIO()
    call_command("import_postcodes", "--bundled", stdout=out)
    assert "0 neu, 0 aktualisiert, 12813 unverändert" in out.getvalue()


def test_import_postcodes_without_a_file_says_what_to_give():
    with pytest.raises(CommandError, match="--bundled"):
        call_command("import_postcodes")
