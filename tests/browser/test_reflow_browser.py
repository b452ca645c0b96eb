"""Reflow (WCAG 1.4.10): no page of the portal scrolls sideways on a 320 or 375 px wide screen.

One sweep over every public page type and every desk page type, filled with the demo network (its long titles
such as "Pflegefachfrau/Pflegefachmann" and long URLs are the content that used to push pages wide)."""

from importlib import import_module
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from counselling.models import Case, Company, Inquiry
from offers.models import FundingProgramme, Offer
from partners.models import Partner
from tests.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [320, 375]


def public_paths() -> list[str]:
    offer = Offer.objects.get(slug="umschulung-pflegefachfrau-pflegefachmann")
    programme = FundingProgramme.objects.filter(active=True).order_by("slug").first()
    partner = offer.provider
    return [
        "/",
        "/angebote/",
        "/angebote/?q=Pflegefachfrau&near=Stuttgart&sector=pflege-gesundheit",
        "/angebote/?q=gibtesnichtxyz&level=aufstieg",
        offer.get_absolute_url(),
        "/foerderung/",
        f"/foerderung/{programme.slug}/",
        "/partner/",
        f"/partner/{partner.slug}/",
        "/lotse/",
        "/lotse/ergebnis/?who=beschaeftigt&step=ohne-abschluss&goal=abschluss&sector=pflege-gesundheit&postcode=70173",
        "/lotse/ergebnis/?who=unternehmen&size=10-49&sector=metall-elektro&postcode=19053&change=1",
        "/merkliste/",
        "/merkliste/vergleich/",
        "/beratung/anfragen/",
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
        "/leichte-sprache/",
        "/lotse/leichte-sprache/",
        "/lotse/leichte-sprache/ergebnis/?who=unternehmen&goal=unternehmen-fuehren&sector=gastgewerbe&postcode=18055&languages=ar",
        "/lotse/ergebnis/?who=unternehmen&goal=unternehmen-fuehren&sector=gastgewerbe&postcode=18055&languages=ar",
        "/lotse/ergebnis/?who=beschaeftigt&goal=anerkennung&occupation=koch&postcode=18055&languages=ar",
        "/foerderung/leichte-sprache/",
        "/beratung/anfragen/?language=ar",
        "/konto/anmelden/",
        "/konto/passwort-vergessen/",
        "/gibt-es-nicht/",
    ]


# Pages whose tables the sweep would hide: none any more, every desk table stacks into cards on phones. A page
# named here is checked without its tables (keep it empty unless a table is being reshaped).
DESK_TABLES_RESHAPED_BY_DAILY_WORK: set[str] = set()  # every desk table now stacks into cards on phones


def desk_paths(office: Partner) -> dict[str, str]:
    case = Case.objects.filter(office=office).order_by("pk").first()
    inquiry = Inquiry.objects.filter(office=office).order_by("pk").first()
    company = Company.objects.filter(office=office).order_by("pk").first()
    return {
        "desk": "/beratung/",
        "inquiries": "/beratung/eingang/",
        "inquiry": f"/beratung/eingang/{inquiry.pk}/",
        "cases": "/beratung/faelle/",
        "case_new": "/beratung/faelle/neu/",
        "case": f"/beratung/faelle/{case.pk}/",
        "case_edit": f"/beratung/faelle/{case.pk}/bearbeiten/",
        "case_export": f"/beratung/faelle/{case.pk}/auskunft/",
        "companies": "/beratung/unternehmen/",
        "company": f"/beratung/unternehmen/{company.pk}/",
        "company_new": "/beratung/unternehmen/neu/",
        "statistics": "/beratung/statistik/",
    }


def overflowing(page, paths: list[str], *, without_tables: frozenset[str] = frozenset()) -> list[str]:
    """The paths (with width) whose document is wider than the window, each with the widest culprit, and any
    serious or critical axe-core violation found on the way."""
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for path in paths:
            page.goto(path)
            if path in without_tables:
                page.evaluate("document.querySelectorAll('main table').forEach((t) => (t.style.display = 'none'))")
            scroll, client = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            if scroll > client:
                found.append(f"{path} at {width} px: {scroll} > {client} ({widest_element(page)})")
            if width == WIDTHS[0]:  # the narrow layout is where faults hide; axe once per page keeps the sweep short
                found += [f"{path}: {fault}" for fault in page.watch.serious_axe_violations()]
    return found


def widest_element(page) -> str:
    # Names the deepest element reaching past the right edge, so a failure says what to fix.
    return page.evaluate(
        """() => {
          const edge = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > edge + 1);
          const leaf = wide.filter(e => !wide.some(o => o !== e && e.contains(o)))[0];
          if (!leaf) return '?';
          return `${leaf.tagName.toLowerCase()}.${leaf.className} "${leaf.textContent.trim().slice(0, 40)}"`;
        }"""
    )


@pytest.fixture
def demo_network():
    """Transactional tests flush what migrations seeded; the demo needs the role groups, vocabularies, services
    and languages back. The groups' migration runs on the models of its own time."""
    migration = ("partners", "0003_role_groups")
    models_then = MigrationLoader(connection).project_state(migration, at_end=True).apps
    import_module("partners.migrations.0003_role_groups").create_groups(models_then, None)
    import_module("offers.migrations.0004_seed_vocabularies").seed(apps, None)
    import_module("partners.migrations.0002_seed_services_languages").seed(apps, None)
    import_module("offers.migrations.0024_vocabulary_translations").seed(apps, None)  # the founders' target group
    import_module("partners.migrations.0009_vocabulary_translations").seed(apps, None)  # start-up advice
    call_command("load_demo", force=True, stdout=StringIO())


def test_no_public_page_scrolls_sideways_at_320_and_375_px_or_fails_axe(browser_page, demo_network):
    wide = overflowing(browser_page, public_paths())
    assert wide == [], "\n".join(wide)


def test_no_desk_page_scrolls_sideways_at_320_and_375_px_or_fails_axe(browser_page, demo_network):
    office = Partner.objects.get(slug="lotsendienst-stuttgart")
    browser_page.goto("/beratung/")
    browser_login(browser_page, get_user_model().objects.get(username="beratung-stuttgart"))
    browser_page.get_by_role("heading", name="Übersicht", level=1).wait_for()

    paths = desk_paths(office)
    pending = frozenset(paths[name] for name in DESK_TABLES_RESHAPED_BY_DAILY_WORK)

    wide = overflowing(browser_page, list(paths.values()), without_tables=pending)
    assert wide == [], "\n".join(wide)
