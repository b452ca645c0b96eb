"""open-Qcat XML: read into the same rows as a CSV file, validated against the schema, refused when it declares a
DTD or entities; exported so that importing the file changes nothing."""

import datetime
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from lxml import etree

from offers.imports.openqcat import OFFER_ELEMENTS, PRICE_ELEMENTS, RUN_ELEMENTS, SCHEMA_PATH
from offers.imports.openqcat_read import schema
from offers.imports.openqcat_write import to_openqcat
from offers.imports.service import import_file, preview
from offers.imports.template import HEADERS, PARTNER_COLUMN
from offers.imports.validate import Problem
from offers.models import ImportLog, Offer
from tests.conftest import verified_login
from tests.factories import OfferFactory, PartnerFactory, coordinator, editor
from tests.offers.imports.conftest import snapshot

REFUSED_DTD = (
    "Die XML-Datei enthält eine DTD (<!DOCTYPE …>). DTDs und Entitäten werden aus Sicherheitsgründen nicht angenommen."
)


def service(*, key="K-1", title="CNC-Fräsen", price="1250.50", runs=None, extra="", supplier="") -> str:
    runs = runs if runs is not None else [run()]
    return f"""    <SERVICE>{supplier}
      <PRODUCT_ID>{key}</PRODUCT_ID>
      <SERVICE_DETAILS>
        <TITLE>{title}</TITLE>
        <DESCRIPTION_SHORT>Fräsen an CNC-Maschinen.</DESCRIPTION_SHORT>
        <SERVICE_MODULE>
          <EDUCATION>
            <EDUCATION_TYPE>Anpassungsweiterbildung</EDUCATION_TYPE>{extra}
{"".join(runs)}          </EDUCATION>
        </SERVICE_MODULE>
      </SERVICE_DETAILS>
      <SERVICE_PRICE_DETAILS>
        <SERVICE_PRICE><PRICE_AMOUNT>{price}</PRICE_AMOUNT><PRICE_CURRENCY>EUR</PRICE_CURRENCY></SERVICE_PRICE>
      </SERVICE_PRICE_DETAILS>
    </SERVICE>
"""


def run(start="2027-03-02", form="online-live", location="") -> str:
    return (
        f"            <MODULE_COURSE>\n              <START_DATE>{start}</START_DATE>\n"
        f"              <SCHEDULE>teilzeit</SCHEDULE><INSTRUCTION_FORM>{form}</INSTRUCTION_FORM>{location}\n"
        "            </MODULE_COURSE>\n"
    )


def document(*services: str) -> bytes:
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<OPENQCAT version="1.1">\n  <NEW_CATALOG>\n'
    return f"{head}{''.join(services)}  </NEW_CATALOG>\n</OPENQCAT>\n".encode()


def test_every_template_column_has_its_element():
    headers = [header for header, _path in OFFER_ELEMENTS + PRICE_ELEMENTS + RUN_ELEMENTS]

    assert sorted(headers) == sorted([PARTNER_COLUMN, *HEADERS])


def test_the_schema_in_the_repository_is_a_valid_xml_schema():
    assert Path(SCHEMA_PATH).name == "openqcat-subset.xsd"
    assert isinstance(schema(), etree.XMLSchema)


def test_xml_file_imports_offer_with_its_runs(partner):
    location = "<LOCATION><STREET>Hauptstr. 1</STREET><ZIP>70173</ZIP><CITY>Stuttgart</CITY></LOCATION>"
    data = document(service(runs=[run(), run("2027-09-01", "praesenz", location)]))

    result, log = import_file(data=data, partner=partner, complete=False, by=None, file_name="katalog.xml")

    assert result.problems == []
    offer = Offer.objects.get(provider=partner, external_id="K-1")
    assert (offer.title, offer.price, offer.kind) == ("CNC-Fräsen", Decimal("1250.50"), Offer.Kind.ANPASSUNG)
    assert sorted(offer.runs.values_list("start_date", "learning_form", "city")) == [
        (datetime.date(2027, 3, 2), "online-live", ""),
        (datetime.date(2027, 9, 1), "praesenz", "Stuttgart"),
    ]
    assert (log.file_name, log.created) == ("katalog.xml", 1)


def test_same_xml_file_twice_changes_nothing(partner):
    data = document(service(), service(key="K-2", title="Schweißen"))
    import_file(data=data, partner=partner, complete=False, by=None, file_name="katalog.xml")
    before, history = snapshot(partner), Offer.history.count()

    result, _log = import_file(data=data, partner=partner, complete=False, by=None, file_name="katalog.xml")

    assert result.plan.counts == {"new": 0, "changed": 0, "unchanged": 2, "archived": 0}
    assert (snapshot(partner), Offer.history.count()) == (before, history)


def test_export_validates_against_the_schema_and_keeps_line_breaks(partner, catalogue):
    catalogue[0].description = "Zeile 1\r\nZeile 2 <b>fett</b> & mehr"
    catalogue[0].save()
    catalogue[2].external_id = f"LD-{catalogue[2].pk}"
    catalogue[2].save()
    data = to_openqcat(Offer.objects.filter(provider=partner))

    assert schema().validate(etree.fromstring(data).getroottree())
    result, _log = import_file(data=data, partner=partner, complete=True, by=None, file_name="export.xml")
    assert result.plan.counts == {"new": 0, "changed": 0, "unchanged": 3, "archived": 0}
    assert Offer.objects.get(pk=catalogue[0].pk).description == "Zeile 1\r\nZeile 2 <b>fett</b> & mehr"


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?>\n<!DOCTYPE OPENQCAT [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<OPENQCAT><NEW_CATALOG>&c;</NEW_CATALOG></OPENQCAT>',
        b'<?xml version="1.0"?>\n<!DOCTYPE OPENQCAT [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        b"<OPENQCAT><NEW_CATALOG>&secret;</NEW_CATALOG></OPENQCAT>",
        b'<?xml version="1.0"?>\n<!DOCTYPE OPENQCAT SYSTEM "http://example.org/openqcat.dtd">\n<OPENQCAT/>',
    ],
    ids=["entity-expansion", "external-entity", "external-dtd"],
)
def test_dtd_and_entities_are_refused(partner, data):
    assert preview(data=data, partner=partner, complete=False).problems == [Problem(0, "", REFUSED_DTD)]
    assert Offer.objects.count() == 0


def test_malformed_xml_is_reported_with_its_line(partner):
    data = b"<OPENQCAT>\n  <NEW_CATALOG>\n</OPENQCAT>\n"

    [problem] = preview(data=data, partner=partner, complete=False).problems

    assert (problem.row, problem.column) == (3, "")
    assert problem.message.startswith("Die Datei ist kein wohlgeformtes XML: Opening and ending tag mismatch")


def test_schema_problems_are_reported_with_line_and_element(partner):
    data = document(service(title="", price="1,50", runs=[run(start="2026-02-30")]))

    problems = preview(data=data, partner=partner, complete=False).problems

    assert problems == [
        Problem(7, "TITLE", "Das Element „TITLE“ darf nicht leer sein."),
        Problem(13, "START_DATE", "„2026-02-30“ im Element „START_DATE“ ist kein gültiger Wert der Form JJJJ-MM-TT."),
        Problem(20, "PRICE_AMOUNT", "„1,50“ im Element „PRICE_AMOUNT“ ist kein gültiger Wert der Form 1250.50."),
    ]


def test_missing_required_element_is_reported(partner):
    data = document(service().replace("        <TITLE>CNC-Fräsen</TITLE>\n", ""))

    assert preview(data=data, partner=partner, complete=False).problems == [
        Problem(
            7,
            "DESCRIPTION_SHORT",
            "Das Element „DESCRIPTION_SHORT“ ist an dieser Stelle nicht vorgesehen; erwartet: „TITLE“.",
        )
    ]


def test_values_get_the_same_checks_as_a_csv_file_with_the_line_of_their_element(partner):
    extra = "\n            <SECTOR>raumfahrt</SECTOR>"
    data = document(service(price="-5", extra=extra, runs=[run(form="praesenz")]))

    assert preview(data=data, partner=partner, complete=False).problems == [
        Problem(4, "Branchen", "Unbekannter Wert „raumfahrt“."),
        Problem(4, "Preis", "Der Preis darf nicht negativ sein (0 = kostenlos)."),
        Problem(13, "Ort", "Für einen Präsenz- oder Hybridtermin bitte Postleitzahl und Ort des Lernorts angeben."),
    ]


def test_xml_naming_another_partner_is_refused(partner):
    PartnerFactory(slug="fremd", name="Fremder Träger")
    data = document(service(supplier="\n      <SUPPLIER_ID_REF>fremd</SUPPLIER_ID_REF>"))

    assert preview(data=data, partner=partner, complete=False).problems == [
        Problem(4, "Anbieter", "Die Zeile nennt den Anbieter „fremd“; importiert wird nur für „Bildungswerk Neckar“.")
    ]


def test_import_command_reads_xml(partner, tmp_path):
    path = tmp_path / "katalog.xml"
    path.write_bytes(document(service(), service(key="K-2")))
    out = StringIO()

    call_command("import_offers", str(path), partner=partner.slug, stdout=out)

    assert "2 neu, 0 geändert, 0 unverändert, 0 archiviert" in out.getvalue()
    assert sorted(Offer.objects.values_list("external_id", flat=True)) == ["K-1", "K-2"]


def test_admin_upload_of_xml_shows_the_preview(client, partner):
    user = editor(partner)
    verified_login(client, user)
    upload = SimpleUploadedFile("katalog.xml", document(service()), content_type="application/xml")
    response = client.post(reverse("admin:offers_importlog_import"), {"partner": partner.pk, "file": upload})

    assert response.status_code == 200
    assert response.context["result"].plan.counts == {"new": 1, "changed": 0, "unchanged": 0, "archived": 0}
    assert ImportLog.objects.count() == 0 and Offer.objects.count() == 0


def product_ids(content: bytes) -> set[str]:
    return {element.text for element in etree.fromstring(content).iter("PRODUCT_ID")}


def streamed(response) -> bytes:
    assert response.streaming
    return b"".join(response.streaming_content)


def test_coordinator_streams_the_whole_catalogue(client, partner, catalogue):
    other = OfferFactory(external_id="X-1")
    verified_login(client, coordinator())

    response = client.get(reverse("admin:offers_importlog_export"))

    content = streamed(response)
    assert schema().validate(etree.fromstring(content).getroottree())
    assert product_ids(content) == {"K-100", "K-200", f"LD-{catalogue[2].pk}", other.external_id}
    assert response["Content-Disposition"] == 'attachment; filename="angebote-openqcat.xml"'
    assert "no-store" in response["Cache-Control"]


def test_export_reads_the_catalogue_with_a_constant_number_of_queries(partner, django_assert_num_queries):
    OfferFactory(provider=partner)
    with django_assert_num_queries(8) as few:
        to_openqcat(Offer.objects.all())
    OfferFactory.create_batch(4, provider=partner)

    with django_assert_num_queries(len(few.captured_queries)):
        to_openqcat(Offer.objects.all())


def test_editor_downloads_own_partner_only(client, partner, catalogue):
    other = OfferFactory(external_id="X-1")
    verified_login(client, editor(partner))

    own = client.get(reverse("admin:offers_importlog_partner_export", args=[partner.slug]))

    assert product_ids(streamed(own)) == {"K-100", "K-200", f"LD-{catalogue[2].pk}"}
    assert client.get(reverse("admin:offers_importlog_partner_export", args=[other.provider.slug])).status_code == 404
    assert client.get(reverse("admin:offers_importlog_export")).status_code == 404


def test_anonymous_visitor_is_sent_to_the_login(client, partner):
    for url in (
        reverse("admin:offers_importlog_export"),
        reverse("admin:offers_importlog_partner_export", args=[partner.slug]),
    ):
        response = client.get(url)
        assert (response.status_code, response["Location"].split("?")[0]) == (302, reverse("admin:login"))


def test_import_log_links_the_exports_by_role(client, partner):
    PartnerFactory(slug="fremd")
    verified_login(client, editor(partner))

    page = client.get(reverse("admin:offers_importlog_changelist")).content.decode()

    assert reverse("admin:offers_importlog_partner_export", args=[partner.slug]) in page
    assert reverse("admin:offers_importlog_partner_export", args=["fremd"]) not in page
    assert reverse("admin:offers_importlog_export") not in page


def test_admin_action_exports_the_selected_offers_of_the_editors_partner(client, partner, catalogue):
    foreign = OfferFactory(external_id="X-1")
    verified_login(client, editor(partner))

    response = client.post(
        reverse("admin:offers_offer_changelist"),
        {"action": "export_openqcat", "_selected_action": [catalogue[0].pk, foreign.pk]},
    )

    assert product_ids(streamed(response)) == {"K-100"}


def test_export_command_writes_xml(partner, catalogue, tmp_path):
    call_command("export_offers", str(tmp_path / "neckar.xml"), "--partner", partner.slug, stdout=StringIO())

    assert product_ids((tmp_path / "neckar.xml").read_bytes()) == {"K-100", "K-200", f"LD-{catalogue[2].pk}"}


def test_import_page_offers_the_schema_to_importers_only(client, partner):
    verified_login(client, editor(partner))

    page = client.get(reverse("admin:offers_importlog_import")).content.decode()
    response = client.get(reverse("admin:offers_importlog_schema"))

    assert reverse("admin:offers_importlog_schema") in page
    assert b"".join(response.streaming_content) == Path(SCHEMA_PATH).read_bytes()
    client.logout()
    assert client.get(reverse("admin:offers_importlog_schema")).status_code == 302


def test_xml_over_the_row_limit_is_refused_with_the_limit_named(partner, settings):
    settings.IMPORT_MAX_ROWS = 3  # rows of an XML file: each offer and each of its runs
    data = document(service(), service(key="K-2"))

    assert preview(data=data, partner=partner, complete=False).problems == [
        Problem(0, "", "Die Datei hat mehr als 3 Zeilen; erlaubt sind höchstens 3.")
    ]
