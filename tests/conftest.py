import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.cluster.machines import missing_tools
from tests.guide.conftest import Region, build_region

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

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


# Two towns with contact points and offers, shared by the guide, home page and Merkliste tests.
@pytest.fixture
def region(db) -> Region:
    return build_region()


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
