"""axe-core on every page type, public and desk, in every interface language (Arabic included): no serious or
critical violation anywhere."""

from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings

from tests.browser.sweep_pages import LANGUAGES, build_site, desk_pages, public_pages
from tests.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(region):
    # Transactional tests flush the seeded vocabularies (the facets of the search): seed them again.
    import_module("offers.migrations.0004_seed_vocabularies").seed(apps, None)
    import_module("offers.migrations.0024_vocabulary_translations").seed(apps, None)
    return build_site(region)


def violations_on(page, paths: dict[str, str]) -> dict[str, list[str]]:
    found = {}
    for name, path in paths.items():
        response = page.goto(path)
        server_error = [f"HTTP {response.status}"] if response.status >= 500 else []  # an error page passes axe
        found[name] = server_error + page.watch.serious_axe_violations()
    return {name: faults for name, faults in found.items() if faults}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_axe_violation_on_any_page_type(browser_page, live_server, site, language):
    page = browser_page
    page.goto("/konto/anmelden/?next=/beratung/")
    browser_login(page, site.user)  # in German: the helper finds the fields by their German labels
    page.wait_for_url("**/beratung/")
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])

    desk = violations_on(page, desk_pages(site))
    public = violations_on(page, public_pages(site))

    assert public == {}
    assert desk == {}
