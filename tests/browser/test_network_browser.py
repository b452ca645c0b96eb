"""The network view's "Done when", in a real browser on the demo network: the coordinator sees the three largest gaps
with their numbers and downloads the CSV, then the funnel; a Schwerin counsellor records a needs analysis with the
need "SPS-Programmierung" and gets the Schwerin course first, then one fitting person of an open case."""

import csv
import io
from importlib import import_module
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from counselling.models import Company, Referral
from tests.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_network():
    """Transactional tests flush what migrations seeded; the demo needs the groups and vocabularies back."""
    migration = ("partners", "0003_role_groups")
    models_then = MigrationLoader(connection).project_state(migration, at_end=True).apps
    import_module("partners.migrations.0003_role_groups").create_groups(models_then, None)
    import_module("offers.migrations.0004_seed_vocabularies").seed(apps, None)
    import_module("partners.migrations.0002_seed_services_languages").seed(apps, None)
    import_module("offers.migrations.0024_vocabulary_translations").seed(apps, None)  # the founders' target group
    import_module("partners.migrations.0009_vocabulary_translations").seed(apps, None)  # start-up advice
    call_command("load_demo", force=True, stdout=StringIO())


def user(name):
    return get_user_model().objects.get(username=name)


def test_coordinator_sees_the_largest_gaps_downloads_the_csv_and_reads_the_funnel(browser_page, demo_network):
    page = browser_page
    page.goto("/netzwerk/")
    browser_login(page, user("koordination"))
    page.get_by_role("heading", name="Angebot und Nachfrage im Netzwerk", level=1).wait_for()
    gaps = page.locator("ol.ranked-gaps > li")
    assert gaps.count() >= 3
    for index in range(3):
        text = gaps.nth(index).inner_text()
        assert "Beschäftigte mit Bedarf" in text and "aktuelle Angebote in der Region" in text
    assert gaps.nth(0).inner_text().startswith("Logistik, Ohne Berufsabschluss")
    assert page.get_by_role("img", name="Lücken nach Branche, Stufe und Region").count() == 1
    assert page.watch.serious_axe_violations() == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Als CSV herunterladen").click()
    rows = list(csv.reader(io.StringIO(download.value.path().read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Branche", "Stufe", "Region", "Beschäftigte mit Bedarf"]
    assert len(rows) > 3

    page.get_by_role("link", name="Zahlen für Förderer").click()
    funnel = page.get_by_role("table").filter(has_text="Berufsabschluss erworben")
    funnel.wait_for()
    assert "beraten" in funnel.inner_text()
    assert page.watch.serious_axe_violations() == []
    page.set_viewport_size({"width": 320, "height": 800})
    for url in ("/netzwerk/", "/netzwerk/zahlen/", "/netzwerk/bericht/"):
        page.goto(url)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320, url
    page.watch.assert_clean()


def test_schwerin_counsellor_gets_the_schwerin_course_first_then_a_fitting_person(browser_page, demo_network):
    page = browser_page
    company = Company.objects.get(name="Metallbau Schwerin GmbH")
    page.goto(company.get_absolute_url())
    browser_login(page, user("beratung-schwerin"))
    need = page.locator("fieldset.need-row").filter(has_text="Bedarf 1")
    need.get_by_label("Stufe").select_option(label="Fachkraft mit Berufsabschluss")
    need.get_by_label("Thema").fill("SPS-Programmierung")
    need.get_by_label("Zahl der betroffenen Beschäftigten").fill("3")
    page.get_by_role("button", name="Bedarfsanalyse speichern").click()
    page.get_by_text("Die Bedarfsanalyse wurde gespeichert.").wait_for()

    row = page.locator("table tr").filter(has_text="SPS-Programmierung").first
    first = row.locator("ol.suggestions > li").first
    assert first.inner_text().startswith("SPS-Programmierung mit TIA Portal (Schweriner Ausbildungszentrum e.V.")
    people = row.locator("td").last
    assert people.inner_text().strip().startswith("DEMO-N03")
    people.get_by_role("button", name="vorschlagen").click()
    page.get_by_text("DEMO-N03 wurde dem Unternehmen vorgeschlagen").wait_for()
    referral = Referral.objects.get(need__topic="SPS-Programmierung")
    assert referral.case.reference == "DEMO-N03"
    page.watch.assert_clean()
