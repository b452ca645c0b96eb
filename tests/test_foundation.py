import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from lotsendienst import env

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k" * 20 + "Zq8vN3mX5rT1wY7uP0sL2dF4gH6jK9"


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("true", True), ("Yes", True), ("0", False), ("off", False), ("", False)]
)
def test_env_bool_accepts_yes_no_values(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)
    assert env.env_bool("X_FLAG") is expected


@pytest.mark.parametrize("raw", ["maybe", "2", "ja bitte"])
def test_env_bool_rejects_other_values(monkeypatch, raw):
    monkeypatch.setenv("X_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="X_FLAG=.* is not a yes/no value"):
        env.env_bool("X_FLAG")


def test_env_int_rejects_text_and_values_below_minimum(monkeypatch):
    monkeypatch.setenv("X_NUM", "zehn")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env.env_int("X_NUM", 1)
    monkeypatch.setenv("X_NUM", "-3")
    with pytest.raises(ImproperlyConfigured, match="below the minimum of 0"):
        env.env_int("X_NUM", 1, minimum=0)
    monkeypatch.setenv("X_NUM", " 42 ")
    assert env.env_int("X_NUM", 1) == 42


def test_env_list_rejects_empty_entries(monkeypatch):
    monkeypatch.setenv("X_HOSTS", "a.example,,b.example")
    with pytest.raises(ImproperlyConfigured, match="empty entry"):
        env.env_list("X_HOSTS")
    monkeypatch.setenv("X_HOSTS", "a.example, b.example")
    assert env.env_list("X_HOSTS") == ["a.example", "b.example"]


def test_env_origins_requires_scheme(monkeypatch):
    monkeypatch.setenv("X_ORIGINS", "lotse.example.org")
    with pytest.raises(ImproperlyConfigured, match="must start with https://"):
        env.env_origins("X_ORIGINS")


@pytest.mark.parametrize("key", ["", "django-insecure-abc", "short"])
def test_secret_key_refuses_missing_default_or_short_key_without_debug(monkeypatch, key):
    monkeypatch.setenv("DJANGO_SECRET_KEY", key)
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        env.secret_key(debug=False)


def test_secret_key_accepts_strong_key(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", STRONG_KEY)
    assert env.secret_key(debug=False) == STRONG_KEY


def _start_django(extra_env: dict[str, str]) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TESTING"))}
    environment.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )


def test_app_refuses_to_start_with_default_secret_key_and_debug_off():
    result = _start_django({"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "django-insecure-change-me"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is a default or too short" in result.stderr


def test_app_refuses_to_start_without_shared_cache_and_debug_off(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    result = _start_django({"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": STRONG_KEY})
    assert result.returncode != 0
    assert "REDIS_URL must be set when DJANGO_DEBUG is off" in result.stderr


def test_app_starts_without_shared_cache_in_development(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    result = _start_django({"DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stderr


def test_app_refuses_bad_debug_value():
    result = _start_django({"DJANGO_DEBUG": "vielleicht"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG='vielleicht' is not a yes/no value" in result.stderr


def test_app_refuses_a_work_mem_that_is_not_a_size():
    postgres = {"DJANGO_DEBUG": "1", "DATABASE_URL": "postgres://lotse@127.0.0.1:5432/lotse"}
    result = _start_django({**postgres, "DB_WORK_MEM": "32MB -c statement_timeout=1"})
    assert result.returncode != 0
    assert "DB_WORK_MEM must be a size like 32MB, not '32MB -c statement_timeout=1'" in result.stderr


def test_postgres_connections_get_the_work_mem(settings):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("a PostgreSQL setting")
    options = settings.DATABASES["default"]["OPTIONS"]["options"]
    assert "-c work_mem=32MB" in options and "-c jit=off" in options


def test_production_settings_pass_deploy_check():
    environment = {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": STRONG_KEY,
        "DJANGO_ALLOWED_HOSTS": "lotse.example.org",
        "EMAIL_HOST": "smtp.example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/0",  # rate limits need a shared cache (accounts.W001)
    }
    result = _start_django(environment)
    assert result.returncode == 0, result.stderr
    environment_list = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TESTING"))}
    environment_list.update(environment)
    deploy = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment_list,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr


PRODUCTION_SECURITY = {
    "DEBUG": False,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SECURE_SSL_REDIRECT": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}


@pytest.mark.django_db
@override_settings(**PRODUCTION_SECURITY)
def test_public_page_sends_security_headers_and_strict_csp(client):
    response = client.get("/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp


@pytest.mark.django_db
@override_settings(**PRODUCTION_SECURITY)
def test_plain_http_is_redirected_to_https(client):
    response = client.get("/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/"


@pytest.mark.django_db
def test_home_page_is_german_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b'<html lang="de" dir="ltr">' in response.content
    assert "Der nächste Schritt in Ihrer Qualifizierung" in response.content.decode()


@pytest.mark.django_db
def test_language_switch_changes_page_language(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert '<html lang="en" dir="ltr">' in page
    assert "The next step in your qualification" in page
    client.post("/i18n/setlang/", {"language": "de", "next": "/"})
    assert '<html lang="de" dir="ltr">' in client.get("/").content.decode()


@pytest.mark.django_db
def test_unknown_page_answers_styled_404(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Seite nicht gefunden" in body
    assert 'href="#main"' in body


@pytest.mark.django_db
def test_login_page_and_admin_title(client):
    assert client.get("/konto/anmelden/").status_code == 200
    response = client.get("/admin/login/")
    assert "Lotsendienst – Verwaltung" in response.content.decode()


@pytest.mark.django_db
def test_browser_language_alone_does_not_switch_to_english(client):
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
    assert '<html lang="de" dir="ltr">' in response.content.decode()
    assert response["Content-Language"] == "de"


@pytest.mark.django_db
def test_login_page_shows_portal_name_not_host(client):
    body = client.get("/konto/anmelden/").content.decode()
    assert "<span>Lotsendienst</span>" in body
    assert "testserver" not in body.split("<main")[0]


def test_redis_url_gives_a_working_shared_cache():
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update({"DJANGO_DEBUG": "1", "REDIS_URL": "redis://127.0.0.1:6379/15"})
    script = (
        "import django; django.setup(); from django.core.cache import caches; cache = caches['default']; "
        "cache.set('lotse-probe', 42, 5); print(type(cache).__name__, cache.get('lotse-probe'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "lotsendienst.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    if "Connection refused" in result.stderr or "Error 111" in result.stderr:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    assert result.stdout.strip() == "DegradingRedisCache 42", result.stderr


def test_trusted_proxies_must_be_addresses_or_ranges():
    result = _start_django({"DJANGO_DEBUG": "1", "DJANGO_TRUSTED_PROXIES": "127.0.0.1,proxy.local"})
    assert result.returncode != 0
    assert (
        "DJANGO_TRUSTED_PROXIES: 'proxy.local' is not an IP address or CIDR range such as 10.0.0.0/8." in result.stderr
    )
