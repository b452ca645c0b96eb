"""Setting up the second factor in a real browser: accessible, no sideways scroll at 320 px, nothing external."""

import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_member_sets_up_the_second_factor_on_a_narrow_screen(browser_page):
    get_user_model().objects.create_user(username="redaktion-neu", password="demo", is_staff=True)
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/konto/anmelden/?next=/admin/")
    page.get_by_label("Benutzername").fill("redaktion-neu")
    page.get_by_label("Passwort").fill("demo")
    page.locator("main").get_by_role("button", name="Anmelden").click()

    page.get_by_role("heading", name="Zweiten Faktor einrichten").wait_for()
    assert page.get_by_role("img", name="QR-Code mit dem Schlüssel für Ihre Authenticator-App").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.watch.serious_axe_violations() == []
    device = TOTPDevice.objects.get(user__username="redaktion-neu", confirmed=False)
    page.get_by_role("textbox", name="Code").fill(totp_code(device))
    page.get_by_role("button", name="Einrichten").click()

    page.get_by_role("heading", name="Ihre Wiederherstellungscodes").wait_for()
    assert page.locator("ul.recovery-codes li").count() == 10
    assert page.watch.serious_axe_violations() == []
    page.get_by_role("link", name="Weiter").click()
    page.wait_for_url("**/admin/")
    page.watch.assert_clean()


def test_second_step_shows_a_wrong_code_next_to_the_field_and_accepts_the_right_one(browser_page):
    user = get_user_model().objects.create_user(username="beratung-neu", password="demo", is_staff=True)
    device = TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    page = browser_page
    page.goto("/konto/anmelden/?next=/admin/")
    page.get_by_label("Benutzername").fill("beratung-neu")
    page.get_by_label("Passwort").fill("demo")
    page.locator("main").get_by_role("button", name="Anmelden").click()

    page.get_by_role("heading", name="Anmelden: zweiter Faktor").wait_for()
    page.get_by_role("textbox", name="Code").fill("000000")
    page.get_by_role("button", name="Bestätigen").click()
    page.get_by_text("Der Code stimmt nicht oder ist abgelaufen.").wait_for()
    assert page.get_by_role("textbox", name="Code").input_value() == "000000"
    assert page.watch.serious_axe_violations() == []

    page.wait_for_timeout(1100)  # django-otp makes the next try wait a second after a wrong code
    page.get_by_role("textbox", name="Code").fill(totp_code(device))
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_url("**/admin/")
    page.watch.assert_clean()
