import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_started
from django.db import connections
from django.test import override_settings
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.accounts import DEMO_OTP_KEY
from offers import vocabulary_rows
from offers.models import Offer
from partners.models import Partner
from tests.cluster.machines import missing_tools
from tests.factories import (
    SCHWERIN,
    STUTTGART,
    OfferFactory,
    OfficeFactory,
    PartnerFactory,
    PostcodeFactory,
    days,
    programme,
)

# The two counselling offices and their staff, shared by the desk and the network tests.
pytest_plugins = ["tests.offices"]

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pytest_collection_modifyitems(config, items):
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    have_chromium = Path(CHROMIUM).exists()
    no_cluster = _why_no_cluster()
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)"))
        if "browser" in item.keywords and not have_chromium:
            item.add_marker(pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)"))
        if "cluster" in item.keywords and no_cluster:
            item.add_marker(pytest.mark.skip(reason=f"two-server test: {no_cluster}"))


def _why_no_cluster() -> str:
    if os.environ.get("LOTSE_CLUSTER_TESTS") != "1":
        return "runs only with LOTSE_CLUSTER_TESTS=1 (.ci/run sets it)"
    return missing_tools()


def pytest_report_header(config):
    if not Path(CHROMIUM).exists():
        return f"browser tests will be skipped: no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def verified_login(client, user) -> TOTPDevice:
    """Logs `user` in as the real login does after both steps: password and a verified second factor."""
    device, _created = TOTPDevice.objects.get_or_create(user=user, confirmed=True, defaults={"name": "Test-App"})
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def totp_code(device: TOTPDevice) -> str:
    """The code an authenticator app with this device's secret shows right now."""
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


def browser_login(page, user, *, password: str = "demo") -> None:
    """Logs in through the real forms (on the login page `page` shows): password, then the demo second factor."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "Demo-Authenticator", "key": DEMO_OTP_KEY}
    )
    page.get_by_label("Benutzername").fill(user.get_username())
    page.get_by_label("Passwort").fill(password)
    page.locator("main").get_by_role("button", name="Anmelden").click()
    page.get_by_role("heading", name="Anmelden: zweiter Faktor").wait_for()
    page.get_by_role("textbox", name="Code").fill(totp_code(device))
    # Until the page behind the login has loaded, its scripts have not run: a field filled before them would be
    # taken as the page's starting state (the draft autosave sends only what changed after it).
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Bestätigen").click()


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: the catalogue version lives in the database, which each test rolls
    back, so without this one test could read what another cached under the same version (the process's copy of
    the vocabularies too)."""
    cache.clear()
    vocabulary_rows.forget()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def german_after_each_test():
    """A request with a language cookie leaves its language active in the thread (the locale middleware activates
    it, nothing deactivates it); the next test starts in the site's language, as a fresh process would."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def writes_commit_before_each_request():
    """A test runs inside one transaction that is never committed, so `transaction.on_commit` callbacks (the
    catalogue version's bump, offers.models.catalogue) would never run. Each request through the test client runs
    the ones waiting, as if the test's writes before it had been committed, as a visitor's request after an
    editor's save sees them."""
    request_started.connect(commit_test_writes, dispatch_uid="tests_commit_callbacks")
    yield
    request_started.disconnect(dispatch_uid="tests_commit_callbacks")


def commit_test_writes(**kwargs) -> None:
    """Runs the commit callbacks of the test's writes so far, as a commit would (also for tests without requests)."""
    for connection in connections.all(initialized_only=True):
        logged = len(connection.queries_log)
        while connection.run_on_commit:
            _savepoints, callback, _robust = connection.run_on_commit.pop(0)
            callback()
        # The callbacks' queries belong to the earlier writes' commit, not to the request a query count measures.
        while len(connection.queries_log) > logged:
            connection.queries_log.pop()


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    # Factories and demo loaders set passwords; the production hasher would cost a quarter of a second each.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@dataclass
class Region:
    stuttgart_point: Partner
    schwerin_point: Partner
    tq_stuttgart: Offer
    externen_schwerin: Offer
    meister_stuttgart: Offer
    sprachkurs_stuttgart: Offer
    draft_tq_stuttgart: Offer
    past_tq_stuttgart: Offer


PROGRAMMES = [
    "teilqualifizierung",
    "bildungsgutschein",
    "qualifizierungschancengesetz",
    "qualifizierungsgeld",
    "aufstiegs-bafoeg",
    "weiterbildungsstipendium",
    "aufstiegsstipendium",
    "esf-fachkurse-bw",
    "bildungszeit-bw",
    "bildungsfreistellung-mv",
    "avgs",
]


@pytest.fixture
def region(db) -> Region:
    """Two towns, each with a contact point and offers; plus rows that must never show (draft, ended, inactive).

    Shared by the guide, the Merkliste and the home page (and their browser tests)."""
    for place in (STUTTGART, SCHWERIN):
        PostcodeFactory(place=place)
    for slug in PROGRAMMES:  # seeded, but gone after a transactional test flushed the tables
        programme(slug)
    stuttgart_point = OfficeFactory(
        place=STUTTGART, name="Lotsendienst Stuttgart", slug="lotsendienst-stuttgart", opening_hours="Mo–Fr 9–16 Uhr"
    )
    schwerin_point = OfficeFactory(place=SCHWERIN, name="SAZ Schwerin", slug="saz-schwerin")
    OfficeFactory(place=STUTTGART, name="Stillgelegte Anlaufstelle", slug="alt", active=False)
    provider = PartnerFactory(place=STUTTGART, name="Bildungswerk Stuttgart", slug="bildungswerk")
    in_stuttgart = {"provider": provider, "runs__place": STUTTGART}
    tq = {
        **in_stuttgart,
        "kind": Offer.Kind.TEILQUALIFIZIERUNG,
        "levels": ["ohne-abschluss"],
        "sectors": ["metall-elektro"],
    }
    past = OfferFactory(title="Vergangene TQ", runs__start_date=days(-100), runs__end_date=days(-40), **tq)
    return Region(
        stuttgart_point=stuttgart_point,
        schwerin_point=schwerin_point,
        tq_stuttgart=OfferFactory(title="TQ Maschinen- und Anlagenführer", funding=["teilqualifizierung"], **tq),
        externen_schwerin=OfferFactory(
            provider=provider,
            title="Externenprüfung Mechatroniker/in",
            kind=Offer.Kind.EXTERNENPRUEFUNG,
            levels=["ohne-abschluss"],
            sectors=["metall-elektro"],
            runs__place=SCHWERIN,
        ),
        meister_stuttgart=OfferFactory(
            title="Industriemeister Metall",
            kind=Offer.Kind.AUFSTIEG,
            levels=["fachkraft"],
            sectors=["metall-elektro"],
            teaching_hours=600,
            funding=["aufstiegs-bafoeg"],
            **in_stuttgart,
        ),
        sprachkurs_stuttgart=OfferFactory(
            title="Deutsch im Beruf", kind=Offer.Kind.SPRACHKURS, levels=["ohne-abschluss", "fachkraft"], **in_stuttgart
        ),
        draft_tq_stuttgart=OfferFactory(title="Entwurf TQ", status=Offer.Status.DRAFT, **tq),
        past_tq_stuttgart=past,
    )


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """Collects console errors and requests to other hosts while a browser page is used."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.host = urlparse(base_url).netloc
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []
        page.on("console", self._on_console)
        page.on("request", self._on_request)

    def _on_console(self, message) -> None:
        if message.type == "error" and "status of 404" not in message.text:
            self.console_errors.append(message.text)

    def _on_request(self, request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("http", "https") and url.netloc != self.host:
            self.foreign_requests.append(request.url)

    def assert_clean(self) -> None:
        assert self.console_errors == []
        assert self.foreign_requests == []

    def serious_axe_violations(self) -> list[str]:
        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(self.page)
        return [
            f"{v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['target']})"
            for v in results.response["violations"]
            if v.get("impact") in ("serious", "critical")
        ]


@pytest.fixture
def browser_page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.watch = PageWatch(page, live_server.url)
    yield page
    context.close()
