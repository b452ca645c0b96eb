"""The admin change form after the idle logout: the input comes back after the login (accounts/kept_forms.py)."""

import time
from urllib.parse import parse_qs, urlsplit

from django.urls import reverse

from accounts.kept_forms import RESTORED_MESSAGE
from accounts.models import KeptForm
from accounts.staff import IDLE_SESSION_KEY
from offers.models import Offer
from tests.conftest import verified_login
from tests.factories import OfferFactory, PartnerFactory, editor

NEW_TITLE = "Teilqualifizierung Fachlagerist/in – Modul 2 (überarbeitet)"


def _expire(client):
    session = client.session
    session[IDLE_SESSION_KEY] = time.time() - 31 * 60
    session.save()


def _post_after_logout(client, offer):
    run = offer.runs.get()
    url = reverse("admin:offers_offer_change", args=[offer.pk])
    data = {
        "title": NEW_TITLE,
        "summary": offer.summary,
        "runs-TOTAL_FORMS": "1",
        "runs-INITIAL_FORMS": "1",
        "runs-0-id": run.pk,
        "runs-0-offer": offer.pk,
        "runs-0-schedule": "Mo–Do 8–16 Uhr",
    }
    response = client.post(url, data, HTTP_REFERER=f"http://testserver{url}")
    return parse_qs(urlsplit(response["Location"]).query)["next"][0]


def test_admin_change_form_sent_after_idle_logout_comes_back_filled_in(client, db):
    partner = PartnerFactory()
    offer = OfferFactory(provider=partner, title="TQ Fachlagerist/in")
    user = editor(partner, username="redaktion")
    verified_login(client, user)
    _expire(client)

    back = _post_after_logout(client, offer)
    assert Offer.objects.get(pk=offer.pk).title == "TQ Fachlagerist/in"  # not saved behind the user's back
    assert back.startswith(reverse("admin:offers_offer_change", args=[offer.pk]))

    verified_login(client, user)
    page = client.get(back)
    assert page.context["adminform"].form.initial["title"] == NEW_TITLE
    runs = next(f for f in page.context["inline_admin_formsets"] if f.formset.prefix == "runs").formset
    assert runs.forms[0]["schedule"].value() == "Mo–Do 8–16 Uhr"
    assert str(RESTORED_MESSAGE) in page.content.decode()
    assert KeptForm.objects.get().user == user


def test_admin_kept_form_stays_with_its_author(client, db):
    partner = PartnerFactory()
    offer = OfferFactory(provider=partner)
    author = editor(partner, username="redaktion")
    verified_login(client, author)
    _expire(client)
    back = _post_after_logout(client, offer)
    verified_login(client, editor(partner, username="redaktion-zwei"))
    assert NEW_TITLE not in client.get(back).content.decode()


def test_admin_pages_carry_the_idle_warning(client, db):
    verified_login(client, editor(PartnerFactory(), username="redaktion"))
    assert "js/idle-warning.js" in client.get(reverse("admin:index")).content.decode()
