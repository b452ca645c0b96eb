"""The Nu HTML checker (vnu-jar, needs Java) finds no error on any page type, public and desk, in German and in
Arabic (right to left; the other languages share the markup). All pages go to one run of the checker, so the
sweep costs one Java start."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.sweep_pages import build_site, desk_pages, public_pages
from tests.conftest import verified_login

pytestmark = [pytest.mark.browser]

LANGUAGES = ["de", "ar"]
VNU_JAR = Path(settings.BASE_DIR) / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def checker_missing() -> str:
    if shutil.which("java") is None:
        return "Java is not installed (apt-get install default-jre-headless)"
    if not VNU_JAR.exists():
        return f"the Nu HTML checker is not installed at {VNU_JAR} (make tools)"
    return ""


def save_pages(client, paths: dict[str, str], language: str, folder: Path) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for name, path in paths.items():
        body = client.get(path).content
        (folder / f"{language}-{name.replace(' ', '-')}.html").write_bytes(body)


def nu_errors(folder: Path) -> list[str]:
    run = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    return [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_nu_html_checker_finds_no_error_on_any_page_type(client, region, tmp_path):
    if reason := checker_missing():
        pytest.skip(reason)
    site = build_site(region)
    for language in LANGUAGES:
        save_pages(client, public_pages(site), language, tmp_path)
    verified_login(client, site.user)
    for language in LANGUAGES:
        save_pages(client, desk_pages(site), language, tmp_path)

    assert len(list(tmp_path.iterdir())) == len(LANGUAGES) * (len(public_pages(site)) + len(desk_pages(site)))
    assert nu_errors(tmp_path) == []
