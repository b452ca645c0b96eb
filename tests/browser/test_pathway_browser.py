"""The Schwerin worker's journey in a real browser: the Lotse says the Externenprüfung is open now, the Mechatroniker
path shows its next run in Schwerin and the cost in euros for a 35-year-old employee of a 40-person company, the
counselling request becomes a case whose plan follows the path, through admission and a passed exam, counted in the
office's statistics."""

from decimal import Decimal

import pytest
from django.utils import timezone

from offers.models import Offer
from tests.conftest import browser_login
from tests.factories import OccupationFactory, QualificationPathFactory, counsellor, path_modules, programme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PATH_TITLE = "Mechatroniker/in – Vorbereitung auf die Externenprüfung"


@pytest.fixture
def journey(region):
    # A transactional test starts from flushed tables: the seeded rows are created again.
    OccupationFactory(slug="mechatroniker", name="Mechatroniker/in", training_months=42)
    offer = region.externen_schwerin
    Offer.objects.filter(pk=offer.pk).update(price=Decimal("8900"), teaching_hours=720)
    offer.funding_programmes.set([programme("qualifizierungschancengesetz")])
    path = QualificationPathFactory(title=PATH_TITLE, slug="mechatroniker-externenpruefung",
                                    qualification="Mechatroniker/in", dqr_level=4)  # fmt: skip
    path_modules(path, offer)
    return counsellor(region.schwerin_point, username="beratung-schwerin")


def _guide(page) -> None:
    page.goto("/lotse/")
    page.get_by_label("Ich bin beschäftigt").check()
    page.locator("input[name=step][value=ohne-abschluss]").check()
    page.get_by_label("Berufsabschluss nachholen").check()
    page.locator("input[name=postcode]").fill("19053")
    page.get_by_label("In welchem Beruf möchten Sie den Abschluss machen?").select_option("mechatroniker")
    page.get_by_label("Jahre im Beruf").fill("6")
    page.get_by_label("Stunden pro Woche:", exact=True).fill("39")
    page.get_by_role("button", name="Ergebnis anzeigen").click()
    page.wait_for_url("**/lotse/ergebnis/**")
    section = page.locator("section.admission")
    assert section.locator(".admission-headline").inner_text() == (
        "Die Externenprüfung steht Ihnen nach Ihren Angaben jetzt offen."
    )
    section.get_by_role("link", name=PATH_TITLE).click()


def _path_and_cost(page) -> None:
    page.get_by_role("heading", name=PATH_TITLE, level=1).wait_for()
    step = page.locator("li.path-step").first
    assert "Modul 1 von 1" in step.inner_text()
    assert "19053 Schwerin (0 km)" in step.locator(".path-runs").inner_text()
    assert page.watch.serious_axe_violations() == []
    step.locator(".path-runs").get_by_role("link", name="Externenprüfung Mechatroniker/in").click()

    page.get_by_text("Modul 1 von 1").wait_for()
    costs = page.locator("#kosten")
    costs.get_by_label("Beschäftigte im Betrieb").fill("40")
    costs.get_by_label("Alter").fill("35")
    costs.get_by_label("Beschäftigungsstatus").select_option("beschaeftigt")
    costs.get_by_role("button", name="Kosten berechnen").click()
    page.wait_for_url("**betrieb=40**")
    estimate = page.locator("section.cost-estimate").first
    assert "Förderung: 100 % der Lehrgangskosten" in estimate.inner_text()
    assert "8.900,00 €" in estimate.inner_text()
    result = estimate.locator(".cost-result").inner_text().split()
    assert result == ["Betrieb", "zahlt", "0,00", "€", "Sie", "zahlen", "0,00", "€"]
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert page.watch.serious_axe_violations() == []


def _request_counselling(page) -> None:
    page.get_by_role("link", name="Fragen? Beratung anfragen").click()
    page.locator("input[name=kind][value=person]").check()
    page.locator("input[name=name]").fill("Jan Schröder")
    page.locator("input[name=email]").fill("jan@example.org")
    page.locator("select[name=office]").select_option(label="SAZ Schwerin")
    page.locator("textarea[name=message]").fill("Externenprüfung Mechatroniker, 6 Jahre Helfer")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Anfrage senden").click()
    page.get_by_role("heading", name="Vielen Dank – Ihre Anfrage ist angekommen").wait_for()


def _case_follows_the_path(page, desk_user) -> None:
    page.goto("/beratung/eingang/")
    browser_login(page, desk_user)
    page.get_by_role("link", name="Jan Schröder").click()
    page.get_by_role("button", name="Als Fall übernehmen").click()
    page.locator("#path_path").select_option(label=PATH_TITLE)
    page.get_by_role("button", name="Module als Schritte übernehmen").click()
    page.get_by_text("1 Schritt wurde in den Qualifizierungsplan aufgenommen.").wait_for()
    timeline = page.locator("ol.timeline")
    assert "Externenprüfung Mechatroniker/in" in timeline.inner_text()
    today = timezone.localdate().isoformat()
    for kind, result in (("admission-applied", ""), ("admission-granted", ""), ("exam-result", "passed")):
        form = page.locator("section[aria-labelledby=milestone] form")
        form.locator("#milestone_kind").select_option(kind)
        form.locator("#milestone_date").fill(today)
        if result:
            form.locator("#milestone_result").select_option(result)
        # The message stays on the page from the milestone before: wait for the new page instead.
        with page.expect_navigation():
            form.get_by_role("button", name="Meilenstein speichern").click()
        page.get_by_text("Der Meilenstein wurde gespeichert.").wait_for()
    assert "Meilenstein: Prüfungsergebnis – bestanden" in page.locator("ol.timeline").inner_text()
    assert page.watch.serious_axe_violations() == []


def _statistics(page) -> dict:
    page.get_by_role("navigation", name="Beratungsbereich").get_by_role("link", name="Statistik").click()
    # all() does not wait: read the figures only once the statistics page has loaded.
    page.get_by_role("heading", name="Statistik", level=1).wait_for()
    figures = page.locator("dl.figures > div")
    figures.first.wait_for()
    return {row.locator("dt").inner_text(): row.locator("dd").inner_text() for row in figures.all()}


def test_schwerin_worker_journey_from_the_guide_to_a_passed_exam(browser_page, journey):
    page = browser_page
    _guide(page)
    _path_and_cost(page)
    _request_counselling(page)
    _case_follows_the_path(page, journey)
    figures = _statistics(page)
    assert (figures["Prüfungen abgelegt"], figures["Prüfungen bestanden"]) == ("1", "1")
    page.watch.assert_clean()
