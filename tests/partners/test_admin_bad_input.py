"""The tester's requests against the admin and the desk: scoping leaks, unbounded formsets and bad values. Each
request has its expected answer; none may end in a server error (0 × 5xx)."""

import time

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from counselling.models import Case
from offers.models import Offer
from tests import factories
from tests.conftest import verified_login


@pytest.fixture
def scene(db):
    ihk = factories.PartnerFactory(name="IHK Region Stuttgart", slug="ihk")
    office = factories.OfficeFactory(name="Lotsendienst Stuttgart", slug="lotsendienst-stuttgart")
    case = factories.CaseFactory(office=office, name="Erika Geheim")
    factories.CompanyFactory(office=office, name="Firma Geheim e.K.")
    factories.InquiryFactory(office=office, name="Anfrage Geheim")
    return {
        "ihk": ihk,
        "office": office,
        "case": case,
        "draft": factories.OfferFactory(provider=office, status=Offer.Status.DRAFT, slug="geheimer-entwurf"),
        "own": factories.OfferFactory(provider=ihk, slug="ihk-kurs", levels=["fachkraft"]),
        "coordinator": factories.coordinator(username="koordination"),
        "editor": factories.editor(ihk, username="redaktion-ihk"),
        "counsellor": factories.counsellor(office, username="beratung-stuttgart"),
        "company": office.companies.get(),
    }


def _shortcut(obj) -> str:
    content_type = ContentType.objects.get_for_model(obj)
    return f"/admin/r/{content_type.pk}/{obj.pk}/"


def _offer_form(scene, **changes) -> dict:
    data = {
        "provider": scene["ihk"].pk, "title": "Neuer Kurs", "slug": "neuer-kurs", "status": "draft",
        "kind": "anpassung", "summary": "Kurz.", "entry_levels": [factories.step("fachkraft").pk],
        "certificate_kind": "zertifikat", "price": "0",
        "runs-TOTAL_FORMS": "0", "runs-INITIAL_FORMS": "0", "runs-MIN_NUM_FORMS": "0", "runs-MAX_NUM_FORMS": "50",
        "translations-TOTAL_FORMS": "0", "translations-INITIAL_FORMS": "0",
    }  # fmt: skip
    return {**data, **changes}


# (who, method, url, data, expected status)
REQUESTS = [
    ("coordinator", "get", lambda s: _shortcut(s["case"]), None, 404),
    ("coordinator", "get", lambda s: _shortcut(s["company"]), None, 404),
    ("editor", "get", lambda s: _shortcut(s["draft"]), None, 404),
    ("editor", "get", lambda s: _shortcut(s["case"]), None, 404),
    ("editor", "get", lambda s: _shortcut(s["own"]), None, 302),
    ("editor", "get", lambda s: "/admin/r/9999/1/", None, 404),
    ("editor", "get", lambda s: f"/admin/r/{ContentType.objects.get_for_model(Offer).pk}/abc/", None, 404),
    ("coordinator", "get", lambda s: reverse("admin:partners_partner_delete", args=[s["office"].pk]), None, 200),
    ("editor", "get", lambda s: reverse("admin:partners_partner_delete", args=[s["office"].pk]), None, 403),
    ("coordinator", "post", lambda s: reverse("admin:offers_offer_add"), lambda s: _offer_form(s, provider="abc"), 200),
    ("coordinator", "post", lambda s: reverse("admin:offers_offer_add"), lambda s: _offer_form(s, contact_person="abc"),
     200),
    ("editor", "post", lambda s: reverse("admin:offers_offer_add"), lambda s: _offer_form(s, provider="abc"), 200),
    ("coordinator", "post", lambda s: reverse("admin:offers_offer_add"),
     lambda s: _offer_form(s, **{"runs-TOTAL_FORMS": "2000"}), 200),
    ("coordinator", "get", lambda s: reverse("admin:offers_offer_changelist") + "?status=a%00b", None, 302),
    ("coordinator", "get", lambda s: reverse("admin:offers_offer_changelist") + "?provider__id__exact=abc", None, 302),
    ("coordinator", "get", lambda s: reverse("admin:partners_partner_changelist") + "?kind=a%00b&q=x", None, 302),
    ("coordinator", "get", lambda s: reverse("admin:offers_offer_changelist") + "?q=a%00b", None, 302),
    ("coordinator", "get", lambda s: reverse("admin:offers_offer_changelist") + "?status=a%C0b", None, 200),
    ("anonymous", "get", lambda s: reverse("offers:search") + "?q=a%00b", None, 200),
    ("counsellor", "post", lambda s: reverse("counselling:company", args=[s["company"].pk]),
     lambda s: {"date": "2026-03-01", "needs-TOTAL_FORMS": "2000", "needs-INITIAL_FORMS": "0"}, 400),
]  # fmt: skip


@pytest.mark.parametrize(("who", "method", "url", "data", "expected"), REQUESTS)
def test_tester_request_gets_its_expected_answer_quickly(client, scene, who, method, url, data, expected):
    if who != "anonymous":
        verified_login(client, scene[who])
    url = url(scene)
    started = time.monotonic()

    response = client.get(url) if data is None else client.post(url, data(scene))

    assert response.status_code == expected, (url, response.status_code)
    assert time.monotonic() - started < 5  # before: 30–70 s for TOTAL_FORMS=2000


def test_partner_delete_confirmation_names_no_counselling_record(client, scene):
    verified_login(client, scene["coordinator"])

    body = client.get(reverse("admin:partners_partner_delete", args=[scene["office"].pk])).content.decode()

    for secret in (scene["case"].reference, "Erika Geheim", "Firma Geheim", "Anfrage Geheim", "geheimer-entwurf"):
        assert secret not in body
    assert "Datensätze außerhalb Ihres Bereichs" in body


def test_oversized_formsets_are_a_form_error(client, scene):
    verified_login(client, scene["counsellor"])
    url = reverse("counselling:company", args=[scene["company"].pk])

    response = client.post(url, {"date": "2026-03-01", "needs-TOTAL_FORMS": "2000", "needs-INITIAL_FORMS": "0"})

    assert response.context["formset"].non_form_errors() == ["Bitte höchstens 20 Formulare abschicken."]
    verified_login(client, scene["coordinator"])
    response = client.post(reverse("admin:offers_offer_add"), _offer_form(scene, **{"runs-TOTAL_FORMS": "2000"}))
    runs, _translations = response.context["inline_admin_formsets"]
    assert runs.formset.non_form_errors() == ["Bitte höchstens 50 Formulare abschicken."]
    assert not Offer.objects.filter(slug="neuer-kurs").exists()


def test_bad_foreign_keys_in_the_offer_form_are_field_errors(client, scene):
    verified_login(client, scene["coordinator"])

    response = client.post(reverse("admin:offers_offer_add"), _offer_form(scene, provider="abc", contact_person="abc"))

    errors = response.context["adminform"].form.errors
    assert set(errors) == {"provider", "contact_person"}
    assert Case.objects.count() == 1


def test_nul_parameters_are_dropped_and_the_rest_kept(client, scene):
    verified_login(client, scene["coordinator"])
    url = reverse("admin:partners_partner_changelist")

    response = client.get(url + "?kind=a%00b&q=IHK")

    assert response["Location"] == url + "?q=IHK"
    assert client.get(response["Location"]).status_code == 200


def test_a_request_with_too_many_fields_is_refused(client, scene, settings):
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 1000  # Django's default: a request parses at most so many
    verified_login(client, scene["counsellor"])
    data = {f"needs-{i}-topic": "x" for i in range(1001)}

    response = client.post(reverse("counselling:company", args=[scene["company"].pk]), data)

    assert response.status_code == 400
