"""The admin's import page and import log: partner editors import into their own partner only, coordinators into
any; the log is scoped like every partner-owned admin (docs/roles.md)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from offers.imports import uploads
from offers.imports.template import HEADERS
from offers.models import ImportLog, Offer, PendingUpload
from tests.conftest import verified_login
from tests.factories import ImportLogFactory, PartnerFactory, coordinator, counsellor, editor
from tests.offers.imports.conftest import csv_file, row

IMPORT = "admin:offers_importlog_import"


@pytest.fixture
def other(db):
    return PartnerFactory(name="IHK Region Stuttgart", slug="ihk-region-stuttgart")


def upload(client, partner, data: bytes, *, complete=False, name="katalog.csv"):
    fields = {"partner": partner.pk, "file": SimpleUploadedFile(name, data)}
    if complete:
        fields["complete"] = "on"
    return client.post(reverse(IMPORT), fields)


def test_editor_sees_only_their_own_partner_on_the_import_page(client, partner, other):
    verified_login(client, editor(partner))

    response = client.get(reverse(IMPORT))

    assert response.status_code == 200
    assert list(response.context["form"].fields["partner"].queryset) == [partner]


def test_upload_preview_and_confirm_import_the_file(client, partner):
    user = editor(partner)
    verified_login(client, user)

    response = upload(client, partner, csv_file(row(), row(Kursnummer="K-2")))

    assert response.context["result"].plan.counts == {"new": 2, "changed": 0, "unchanged": 0, "archived": 0}
    assert Offer.objects.count() == 0  # the preview writes nothing
    response = client.post(reverse(IMPORT), {"confirm": "1"})

    assert response.status_code == 302 and response["Location"] == reverse("admin:offers_importlog_changelist")
    assert sorted(Offer.objects.filter(provider=partner).values_list("external_id", flat=True)) == ["K-1", "K-2"]
    log = ImportLog.objects.get()
    assert (log.partner, log.user, log.file_name, log.created) == (partner, user, "katalog.csv", 2)
    assert uploads.SESSION_KEY not in client.session
    assert PendingUpload.objects.count() == 0


def test_the_kept_upload_belongs_to_the_user_who_uploaded_it(client, partner):
    verified_login(client, editor(partner))
    upload(client, partner, csv_file(row()))
    token = client.session[uploads.SESSION_KEY]
    verified_login(client, editor(partner))  # another editor of the same partner, with the same token in a session
    session = client.session
    session[uploads.SESSION_KEY] = token
    session.save()

    response = client.post(reverse(IMPORT), {"confirm": "1"}, follow=True)

    assert "Bitte die Datei erneut hochladen." in response.content.decode()
    assert Offer.objects.count() == 0


def test_a_file_with_problems_shows_the_report_and_offers_no_confirmation(client, partner):
    verified_login(client, editor(partner))
    upload(client, partner, csv_file(row(Kursnummer="K-9")))  # an earlier preview, not confirmed

    response = upload(client, partner, csv_file(row(Preis="-5")))

    content = response.content.decode()
    assert "1 Problem – es wurde nichts gespeichert." in content
    assert "Der Preis darf nicht negativ sein (0 = kostenlos)." in content
    assert 'name="confirm"' not in content
    assert uploads.SESSION_KEY not in client.session
    assert client.post(reverse(IMPORT), {"confirm": "1"}).status_code == 302
    assert Offer.objects.count() == ImportLog.objects.count() == 0


def test_editor_cannot_import_into_another_partner_with_a_crafted_partner_field(client, partner, other):
    verified_login(client, editor(partner))

    response = upload(client, other, csv_file(row()))

    assert response.status_code == 200
    assert response.context["form"].errors["partner"] == [
        "Bitte eine gültige Auswahl treffen. Dies ist keine gültige Auswahl."
    ]
    assert uploads.SESSION_KEY not in client.session
    assert Offer.objects.count() == 0


def test_editor_cannot_import_rows_naming_another_partner(client, partner, other):
    verified_login(client, editor(partner))
    headers = ["Anbieter", *HEADERS]

    response = upload(client, partner, csv_file(row(Anbieter="ihk-region-stuttgart"), headers=headers))

    assert "Die Zeile nennt den Anbieter „ihk-region-stuttgart“" in response.content.decode()
    assert Offer.objects.count() == 0


def test_coordinator_imports_into_any_partner(client, partner, other):
    verified_login(client, coordinator())

    upload(client, other, csv_file(row()))
    client.post(reverse(IMPORT), {"confirm": "1"})

    assert list(Offer.objects.values_list("provider", "external_id")) == [(other.pk, "K-1")]


@pytest.mark.parametrize("who", ["anonymous", "counsellor"])
def test_import_page_sends_outsiders_to_the_login(client, partner, who):
    if who == "counsellor":
        verified_login(client, counsellor(partner))

    for response in (client.get(reverse(IMPORT)), upload(client, partner, csv_file(row()))):
        assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    assert Offer.objects.count() == 0


def test_template_downloads_carry_the_template_headers(client, partner):
    verified_login(client, editor(partner))

    response = client.get(reverse("admin:offers_importlog_template", args=["csv"]))
    xlsx = client.get(reverse("admin:offers_importlog_template", args=["xlsx"]))

    assert response.content.startswith("\ufeffKursnummer;Titel;Kurzbeschreibung;".encode())
    assert response["Content-Disposition"] == 'attachment; filename="angebote-importvorlage.csv"'
    assert xlsx.content.startswith(b"PK") and xlsx["Content-Disposition"].endswith('.xlsx"')
    assert client.get(reverse("admin:offers_importlog_template", args=["pdf"])).status_code == 404


def test_import_log_shows_an_editor_only_their_partners_imports(client, partner, other):
    own, foreign = ImportLogFactory(partner=partner), ImportLogFactory(partner=other)
    verified_login(client, editor(partner))

    listed = client.get(reverse("admin:offers_importlog_changelist")).context["cl"].result_list
    foreign_page = client.get(reverse("admin:offers_importlog_change", args=[foreign.pk]))

    assert list(listed) == [own]
    assert foreign_page.status_code == 404  # the same answer as for a missing object
    assert client.get(reverse("admin:offers_importlog_change", args=[own.pk])).status_code == 200


def test_import_log_shows_a_coordinator_every_import_and_outsiders_nothing(client, partner, other):
    logs = [ImportLogFactory(partner=partner), ImportLogFactory(partner=other)]
    url = reverse("admin:offers_importlog_changelist")

    anonymous = client.get(url)
    verified_login(client, coordinator())

    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("admin:login"))
    assert set(client.get(url).context["cl"].result_list) == set(logs)
