"""The Externenprüfung check in a real browser: the questions appear for the goal, the answer is accessible and
needs no sideways scrolling at 320 px."""

import pytest
from playwright.sync_api import expect

from tests.factories import OccupationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def mechatronics(region):
    # A transactional test starts from flushed tables: the seeded occupation is created again.
    return OccupationFactory(slug="mechatroniker", name="Mechatroniker/in", training_months=42)


def test_worker_without_qualification_learns_the_externenpruefung_is_open_now(browser_page, mechatronics):
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/lotse/")
    page.get_by_label("Ich bin beschäftigt").check()
    page.locator("input[name=step][value=ohne-abschluss]").check()
    page.get_by_label("Aufsteigen (Meister, Techniker, Fachwirt, Studium)").check()
    expect(page.get_by_label("In welchem Beruf möchten Sie den Abschluss machen?")).to_be_hidden()

    page.get_by_label("Berufsabschluss nachholen").check()
    page.get_by_label("In welchem Beruf möchten Sie den Abschluss machen?").select_option("mechatroniker")
    page.get_by_label("Jahre im Beruf").fill("6")
    page.get_by_label("Stunden pro Woche:", exact=True).fill("39")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.get_by_role("button", name="Ergebnis anzeigen").click()

    page.wait_for_url("**/lotse/ergebnis/**")
    section = page.locator("section.admission")
    assert section.get_by_role("heading").inner_text() == (
        "Externenprüfung Mechatroniker/in: Können Sie zugelassen werden?"
    )
    assert section.locator(".admission-headline").inner_text() == (
        "Die Externenprüfung steht Ihnen nach Ihren Angaben jetzt offen."
    )
    assert section.get_by_text("Die Kammer entscheidet im Einzelfall.").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.watch.serious_axe_violations() == []
    page.watch.assert_clean()
