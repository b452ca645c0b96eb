"""Export → import is a lossless round trip: the partner's offers come back unchanged (CSV, XLSX and open-Qcat XML)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from offers.imports.export import export_rows, own_key
from offers.imports.openqcat_write import to_openqcat
from offers.imports.service import import_file, preview
from offers.models import Offer
from tabular.read import read
from tabular.write import to_csv, to_xlsx
from tests.conftest import verified_login
from tests.factories import OfferFactory, coordinator, editor
from tests.offers.imports.conftest import snapshot

FORMATS = {
    "csv": lambda offers: to_csv(export_rows(offers)),
    "xlsx": lambda offers: to_xlsx(export_rows(offers)),
    "xml": to_openqcat,
}


@pytest.mark.parametrize("file_format", FORMATS)
def test_export_then_import_changes_nothing(partner, catalogue, file_format):
    catalogue[2].external_id = f"LD-{catalogue[2].pk}"  # an export numbers an offer without Kursnummer
    catalogue[2].save()
    before, history = snapshot(partner), Offer.history.count()
    data = FORMATS[file_format](Offer.objects.filter(provider=partner))

    result, log = import_file(data=data, partner=partner, complete=True, by=None, file_name=f"export.{file_format}")

    assert result.problems == []
    assert result.plan.counts == {"new": 0, "changed": 0, "unchanged": 3, "archived": 0}
    assert snapshot(partner) == before
    assert Offer.history.count() == history


def test_export_gives_an_offer_without_kursnummer_its_own_key_and_the_import_keeps_it(partner, catalogue):
    unnumbered = catalogue[2]
    data = to_csv(export_rows(Offer.objects.filter(pk=unnumbered.pk)))

    result, _log = import_file(data=data, partner=partner, complete=False, by=None, file_name="export.csv")

    assert [row.values["Kursnummer"] for row in read(data).rows] == [f"LD-{unnumbered.pk}"]
    assert result.plan.counts == {"new": 0, "changed": 1, "unchanged": 0, "archived": 0}
    unnumbered.refresh_from_db()
    assert (unnumbered.external_id, Offer.objects.count()) == (f"LD-{unnumbered.pk}", 3)


def test_export_writes_one_row_per_run_in_the_template(partner, catalogue):
    rows = read(to_csv(export_rows(Offer.objects.filter(external_id="K-100")))).rows

    assert [
        (row.number, row.values["Kursnummer"], row.values["Beginn"], row.values["Platzstatus"]) for row in rows
    ] == [
        (2, "K-100", "", "wenige Plätze"),
        (3, "K-100", catalogue[0].runs.get(rolling_start=False).start_date.strftime("%d.%m.%Y"), "Anmeldung offen"),
    ]
    assert {name: rows[0].values[name] for name in ("Art", "Offen für", "Preis", "AZAV", "Unterrichtssprachen")} == {
        "Art": "Teilqualifizierung",
        "Offen für": "fachkraft|ohne-abschluss",
        "Preis": "2450,50",
        "AZAV": "ja",
        "Unterrichtssprachen": "de|tr",
    }


def test_a_whole_catalogue_file_cannot_be_imported_into_one_partner(partner, catalogue):
    OfferFactory(external_id="X-1")  # another partner's offer
    data = to_csv(export_rows(Offer.objects.all()))

    result = preview(data=data, partner=partner, complete=False)

    assert [(problem.row, problem.column) for problem in result.problems] == [(6, "Anbieter")]


def test_export_command_writes_one_partners_offers(partner, catalogue, tmp_path):
    OfferFactory(external_id="X-1")
    out = StringIO()

    call_command("export_offers", str(tmp_path / "neckar.xlsx"), "--partner", partner.slug, stdout=out)

    rows = read((tmp_path / "neckar.xlsx").read_bytes()).rows
    assert {row.values["Kursnummer"] for row in rows} == {"K-100", "K-200", f"LD-{catalogue[2].pk}"}
    assert out.getvalue() == f"3 Angebote nach {tmp_path / 'neckar.xlsx'} geschrieben.\n"


def test_admin_export_action_downloads_the_selected_offers_of_the_editors_partner(client, partner, catalogue):
    foreign = OfferFactory(external_id="X-1")
    verified_login(client, editor(partner))

    response = client.post(
        reverse("admin:offers_offer_changelist"),
        {"action": "export_csv", "_selected_action": [catalogue[0].pk, foreign.pk]},
    )

    assert response["Content-Disposition"] == 'attachment; filename="angebote.csv"'
    assert {row.values["Kursnummer"] for row in read(response.content).rows} == {"K-100"}


SEARCHES = [{}, {"q": "Schweißen"}, {"kind": "teilqualifizierung"}, {"sector": "metall-elektro", "free": "1"}]


@pytest.mark.parametrize("params", SEARCHES)
def test_coordinator_downloads_exactly_the_offers_of_a_search(client, partner, catalogue, params):
    verified_login(client, coordinator())
    shown = {offer.pk for offer in client.get(reverse("offers:search"), params).context["filter"].qs}

    response = client.get(reverse("offers:search_export", args=["csv"]), params)

    keys = {row.values["Kursnummer"] for row in read(response.content).rows}
    assert keys == {own_key(offer) for offer in Offer.objects.filter(pk__in=shown)}
    assert "no-store" in response["Cache-Control"]


def test_search_page_links_the_download_for_coordinators_only(client, partner, catalogue):
    link = reverse("offers:search_export", args=["csv"]) + "?q=Kurs"
    anonymous = client.get(reverse("offers:search"), {"q": "Kurs"}).content.decode()
    verified_login(client, coordinator())

    assert link not in anonymous
    assert link in client.get(reverse("offers:search"), {"q": "Kurs"}).content.decode()


@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_search_download_is_a_404_for_everybody_but_coordinators(client, partner, catalogue, who):
    if who == "editor":
        verified_login(client, editor(partner))

    assert client.get(reverse("offers:search_export", args=["csv"])).status_code == 404


def test_search_download_is_bounded_by_the_stated_row_limit(client, partner, catalogue, settings):
    settings.SEARCH_EXPORT_MAX_OFFERS = 1
    verified_login(client, coordinator())
    params = {"sort": "title"}
    first = client.get(reverse("offers:search"), params).context["filter"].qs.first()

    response = client.get(reverse("offers:search_export", args=["csv"]), params)
    page = client.get(reverse("offers:search"), params).content.decode()

    assert {row.values["Kursnummer"] for row in read(response.content).rows} == {own_key(first)}
    assert "höchstens 1 Angebot, das erste in der Sortierung der Suche" in page
