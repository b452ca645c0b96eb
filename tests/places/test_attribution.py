"""The licences of the shipped postcode data ask for their sources to be named where the data is used."""


def test_imprint_names_the_sources_of_the_postcode_data(client, db):
    html = client.get("/impressum/").content.decode()
    assert "Open Database License (ODbL) 1.0" in html
    assert "OpenStreetMap" in html
    assert "© Europäische Union, Eurostat/GISCO" in html
