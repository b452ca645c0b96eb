"""The licences of the shipped postcode data ask for their sources to be named where the data is used."""


def test_imprint_names_the_sources_of_the_postcode_data(client, db):
    html = client.get("/impressum/").content.decode()
    assert "Open Database License (ODbL) 1.0" in html
    assert "OpenStreetMap" in html
    assert "© Europäische Union, Eurostat/GISCO" in html


def test_imprint_carries_the_eurogeographics_notice_for_the_postcode_districts(client, db):
    """Eurostat/GISCO's terms for the postcode → NUTS-3 tables ask for this exact notice (places/data/README.md)."""
    html = client.get("/impressum/").content.decode()
    assert "© EuroGeographics bezüglich der Verwaltungsgrenzen" in html


def test_english_imprint_carries_the_notice_in_its_english_wording(client, db, settings):
    """The terms give the English notice verbatim; other languages use its translation."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/impressum/").content.decode()
    assert "© EuroGeographics for the administrative boundaries" in html


def test_imprint_names_destatis_for_the_kreis_keys(client, db):
    html = client.get("/impressum/").content.decode()
    assert "© Statistisches Bundesamt (Destatis), 2019" in html
    assert "CC BY 4.0" in html


def test_imprint_title_is_the_page_name_alone(client, db):
    html = client.get("/impressum/").content.decode()
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "Quellen" not in title and "<" not in title
