import datetime
import random

import pytest
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from offers.admin import OfferAdmin
from offers.models import SAMPLE_RANGE, Offer, Run
from partners.models import Partner
from tests.factories import OfferFactory, PartnerFactory, PostcodeFactory, RunFactory, UserFactory, editor, step

RUN_FIELDS = ["rolling_start", "start_date", "end_date", "application_deadline", "schedule", "learning_form"]


def _offer_data(provider: Partner, runs=(), **overrides) -> dict:
    data = {
        "provider": provider.pk,
        "title": "Neuer Lehrgang",
        "slug": "neuer-lehrgang",
        "status": "draft",
        "kind": "anpassung",
        "summary": "Kurz beschrieben.",
        "entry_levels": [step("fachkraft").pk],
        "certificate_kind": "zertifikat",
        "price": "0",
        "runs-TOTAL_FORMS": str(len(runs)),
        "runs-INITIAL_FORMS": str(sum(1 for run in runs if run.get("id"))),
        "runs-MIN_NUM_FORMS": "0",
        "runs-MAX_NUM_FORMS": "1000",
        "translations-TOTAL_FORMS": "0",
        "translations-INITIAL_FORMS": "0",
    }
    for i, run in enumerate(runs):
        data.update({f"runs-{i}-{key}": value for key, value in run.items()})
    data.update(overrides)
    return data


def _run_data(run: Run, **overrides) -> dict:
    data = {
        "id": run.pk,
        "offer": run.offer_id,
        "start_date": run.start_date.isoformat(),
        "schedule": run.schedule,
        "learning_form": run.learning_form,
        "status": run.status,
    }
    return {**data, **overrides}


def _existing_offer_data(offer: Offer, **overrides) -> dict:
    runs = [_run_data(run) for run in offer.runs.all()]
    data = _offer_data(offer.provider, runs, title=offer.title, slug=offer.slug, status=offer.status)
    return {**data, **overrides}


def test_offer_add_by_editor_with_other_partners_provider_is_rejected_with_form_error(network, login):
    client = login(network.users["redaktion-ihk"])

    response = client.post(reverse("admin:offers_offer_add"), _offer_data(network.saz))

    assert response.status_code == 200
    assert "provider" in response.context["adminform"].form.errors
    assert not Offer.objects.filter(slug="neuer-lehrgang").exists()


def test_offer_change_by_editor_cannot_move_offer_to_other_partner(network, login):
    client = login(network.users["redaktion-ihk"])
    url = reverse("admin:offers_offer_change", args=[network.ihk_offer.pk])

    response = client.post(url, _existing_offer_data(network.ihk_offer, provider=network.saz.pk))

    assert response.status_code == 200
    assert "provider" in response.context["adminform"].form.errors
    network.ihk_offer.refresh_from_db()
    assert network.ihk_offer.provider == network.ihk


def test_offer_change_by_editor_leaves_run_of_other_partner_in_inline_untouched(network, login):
    client = login(network.users["redaktion-ihk"])
    url = reverse("admin:offers_offer_change", args=[network.ihk_offer.pk])
    foreign = _run_data(network.saz_run, offer=network.ihk_offer.pk, start_date="2030-01-01")
    data = _offer_data(network.ihk, [foreign], title="IHK-Lehrgang", slug=network.ihk_offer.slug)

    client.post(url, data)

    # Django skips initial forms whose id is outside the formset's queryset; nothing of the SAZ may change.
    network.saz_run.refresh_from_db()
    assert network.saz_run.start_date != datetime.date(2030, 1, 1)
    assert network.saz_run.offer == network.saz_offer
    assert list(network.ihk_offer.runs.all()) == [network.ihk_run]


def test_offer_add_form_offers_editor_only_own_partner_and_contacts(network, login):
    response = login(network.users["redaktion-ihk"]).get(reverse("admin:offers_offer_add"))

    form = response.context["adminform"].form
    assert set(form.fields["provider"].queryset) == {network.ihk}
    assert set(form.fields["contact_person"].queryset) == {network.ihk_contact}
    assert form.initial["provider"] == network.ihk.pk


def test_offer_add_form_of_editor_with_two_partners_offers_both_without_preset(network, login):
    both = editor(network.ihk, network.saz, username="redaktion-beide")

    response = login(both).get(reverse("admin:offers_offer_add"))

    form = response.context["adminform"].form
    assert set(form.fields["provider"].queryset) == {network.ihk, network.saz}
    assert "provider" not in form.initial


def test_offer_add_by_editor_saves_own_partner_and_records_editor_in_history(network, login):
    editor = network.users["redaktion-ihk"]
    run = {"start_date": "2031-03-02", "schedule": "teilzeit", "learning_form": "online-live", "status": "open"}

    response = login(editor).post(reverse("admin:offers_offer_add"), _offer_data(network.ihk, [run]))

    assert response.status_code == 302
    offer = Offer.objects.get(slug="neuer-lehrgang")
    assert offer.provider == network.ihk
    assert {record.history_user for record in offer.history.all()} == {editor}
    assert [(r.start_date, r.history_user) for r in Run.history.filter(offer_id=offer.pk)] == [
        (datetime.date(2031, 3, 2), editor)
    ]


def test_run_change_by_editor_is_kept_in_history_with_editor_and_shown(network, login):
    editor = network.users["redaktion-ihk"]
    client = login(editor)
    offer = network.ihk_offer
    data = _offer_data(
        network.ihk, [_run_data(network.ihk_run, start_date="2031-05-04")], title=offer.title, slug=offer.slug
    )

    response = client.post(reverse("admin:offers_offer_change", args=[offer.pk]), data)

    assert response.status_code == 302
    latest = network.ihk_run.history.first()
    assert (latest.history_type, latest.start_date, latest.history_user) == ("~", datetime.date(2031, 5, 4), editor)
    history = client.get(reverse("admin:offers_offer_history", args=[offer.pk]))
    shown = [(r.history_type, r.start_date, r.history_user) for r in history.context["run_history"]]
    assert shown == [("~", datetime.date(2031, 5, 4), editor), ("+", network.ihk_run.start_date, None)]
    assert "Änderungen an den Terminen" in history.text
    assert "4. Mai 2031" in history.text


@pytest.mark.parametrize(
    ("user", "expected"),
    [("redaktion-ihk", {"ihk_offer"}), ("redaktion-saz", {"saz_offer"}), ("koordination", {"ihk_offer", "saz_offer"})],
)
def test_offer_changelist_lists_exactly_the_users_offers_and_filter_options(network, login, user, expected):
    response = login(network.users[user]).get(reverse("admin:offers_offer_changelist"))

    changelist = response.context["cl"]
    assert set(changelist.result_list) == {getattr(network, name) for name in expected}
    specs = [spec for spec in changelist.filter_specs if getattr(spec, "field_path", "") == "provider"]
    offered = {pk for spec in specs for pk, _name in spec.lookup_choices}
    providers = {getattr(network, name).provider_id for name in expected}
    # With a single partner the admin hides the filter; it must never offer partners out of reach.
    assert offered == (providers if len(providers) > 1 else set())


def test_offer_changelist_page_of_editor_names_no_other_partner(network, login):
    response = login(network.users["redaktion-ihk"]).get(reverse("admin:offers_offer_changelist"))

    assert "IHK-Lehrgang" in response.text
    assert "Schweriner" not in response.text
    assert "SAZ-Umschulung" not in response.text


def test_offer_changelist_search_finds_no_foreign_offers(network, login):
    response = login(network.users["redaktion-ihk"]).get(reverse("admin:offers_offer_changelist"), {"q": "SAZ"})

    assert list(response.context["cl"].result_list) == []


@pytest.mark.parametrize(
    ("url_name", "expected"),
    [("admin:partners_partner_changelist", "ihk"), ("admin:partners_contactperson_changelist", "ihk_contact")],
)
def test_partner_changelists_list_only_own_rows(network, login, url_name, expected):
    response = login(network.users["redaktion-ihk"]).get(reverse(url_name))

    assert list(response.context["cl"].result_list) == [getattr(network, expected)]


def test_offer_changelist_query_count_does_not_grow_with_offers(network, login):
    client = login(network.users["redaktion-ihk"])
    url = reverse("admin:offers_offer_changelist")
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(12):
        OfferFactory(provider=network.ihk)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert len(response.context["cl"].result_list) == 13
    assert len(many) == len(one)


def test_confirm_action_confirms_only_own_selected_offers_with_history(network, login):
    long_ago = timezone.now() - datetime.timedelta(days=400)
    Offer.objects.update(last_confirmed_at=long_ago)
    editor = network.users["redaktion-ihk"]
    data = {"action": "confirm_current", "_selected_action": [network.ihk_offer.pk, network.saz_offer.pk]}

    response = login(editor).post(reverse("admin:offers_offer_changelist"), data)

    assert response.status_code == 302
    network.ihk_offer.refresh_from_db()
    network.saz_offer.refresh_from_db()
    assert network.ihk_offer.last_confirmed_at > timezone.now() - datetime.timedelta(minutes=1)
    assert network.saz_offer.last_confirmed_at == long_ago
    assert network.ihk_offer.history.first().history_user == editor


def test_confirm_action_refreshes_the_cached_public_page(network, login, client):
    Offer.objects.update(last_confirmed_at=timezone.now() - datetime.timedelta(days=400))
    url = network.ihk_offer.get_absolute_url()
    assert "seit längerer Zeit nicht bestätigt" in client.get(url).content.decode()  # now cached
    data = {"action": "confirm_current", "_selected_action": [network.ihk_offer.pk]}

    login(network.users["redaktion-ihk"]).post(reverse("admin:offers_offer_changelist"), data)
    client.logout()

    assert "seit längerer Zeit nicht bestätigt" not in client.get(url).content.decode()


def test_duplicate_action_copies_offer_with_runs_and_topics_as_draft(network, login):
    network.ihk_offer.entry_levels.set([step("fachkraft")])
    RunFactory(offer=network.ihk_offer, start_date=datetime.date(2031, 1, 5), end_date=None)
    data = {"action": "duplicate_as_draft", "_selected_action": [network.ihk_offer.pk]}

    login(network.users["redaktion-ihk"]).post(reverse("admin:offers_offer_changelist"), data)

    copy = Offer.objects.get(slug=f"{network.ihk_offer.slug}-kopie")
    assert (copy.title, copy.status, copy.provider) == ("IHK-Lehrgang (Kopie)", "draft", network.ihk)
    assert list(copy.entry_levels.all()) == [step("fachkraft")]
    original_dates = sorted(network.ihk_offer.runs.values_list("start_date", flat=True))
    assert sorted(copy.runs.values_list("start_date", flat=True)) == original_dates
    assert network.ihk_offer.runs.count() == 2


def test_a_duplicate_draws_its_own_sample_number(network, login, monkeypatch):
    """Offer.sample must stay independent per offer, or copies fall in and out of the counting sample together."""
    Offer.objects.filter(pk=network.ihk_offer.pk).update(sample=1234)
    monkeypatch.setattr(random, "randrange", lambda stop: 8765 if stop == SAMPLE_RANGE else 0)
    data = {"action": "duplicate_as_draft", "_selected_action": [network.ihk_offer.pk]}

    login(network.users["redaktion-ihk"]).post(reverse("admin:offers_offer_changelist"), data)

    assert Offer.objects.get(slug=f"{network.ihk_offer.slug}-kopie").sample == 8765


def test_stale_offers_are_flagged_in_the_changelist(network, login, settings):
    settings.OFFER_STALE_AFTER_DAYS = 30
    Offer.objects.filter(pk=network.ihk_offer.pk).update(last_confirmed_at=timezone.now() - datetime.timedelta(31))
    fresh = OfferFactory(provider=network.ihk, title="Frisch bestätigt")
    client = login(network.users["redaktion-ihk"])

    response = client.get(reverse("admin:offers_offer_changelist"))
    stale_only = client.get(reverse("admin:offers_offer_changelist"), {"stale": "1"})

    admin_class = response.context["cl"].model_admin
    flags = {offer.title: admin_class.confirmed(offer) for offer in response.context["cl"].result_list}
    assert flags == {"IHK-Lehrgang": False, "Frisch bestätigt": True}
    assert list(stale_only.context["cl"].result_list) == [network.ihk_offer]
    assert fresh not in stale_only.context["cl"].result_list
    assert isinstance(admin_class, OfferAdmin)


def test_partner_change_by_editor_keeps_network_fields(network, login):
    url = reverse("admin:partners_partner_change", args=[network.ihk.pk])
    data = {
        "name": "IHK Region Stuttgart (neu)",
        "slug": "umbenannt",
        "kind": "ihk",
        "contact_persons-TOTAL_FORMS": "0",
        "contact_persons-INITIAL_FORMS": "0",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }

    response = login(network.users["redaktion-ihk"]).post(url, data)

    assert response.status_code == 302
    network.ihk.refresh_from_db()
    assert (network.ihk.name, network.ihk.slug, network.ihk.active) == (
        "IHK Region Stuttgart (neu)",
        "ihk-region-stuttgart",
        True,
    )
    assert network.ihk.history.first().history_user == network.users["redaktion-ihk"]


def test_user_admin_hides_superusers_and_superuser_flag_from_coordinators(network, login):
    boss = UserFactory(username="chef", is_staff=True, is_superuser=True)
    client = login(network.users["koordination"])

    listing = client.get(reverse("admin:auth_user_changelist"))
    own = client.get(reverse("admin:auth_user_change", args=[network.users["koordination"].pk]))

    assert boss not in listing.context["cl"].result_list
    assert network.users["redaktion-ihk"] in listing.context["cl"].result_list
    assert "is_superuser" not in own.context["adminform"].form.fields
    assert client.get(reverse("admin:auth_user_change", args=[boss.pk])).status_code == 302


def test_new_partner_created_by_coordinator_gets_no_editor_access(network, login):
    other = PartnerFactory(name="Neu")
    response = login(network.users["redaktion-ihk"]).get(reverse("admin:partners_partner_change", args=[other.pk]))
    assert response.status_code == 404  # like a missing partner: nothing revealed


def test_run_added_in_admin_takes_venue_coordinates_from_postcode_table(network, login):
    PostcodeFactory(code="70174", city="Stuttgart", latitude=48.78, longitude=9.17)
    offer = network.ihk_offer
    new_run = {
        "start_date": "2031-09-01",
        "schedule": "vollzeit",
        "learning_form": "praesenz",
        "status": "open",
        "street": "Jägerstraße 30",
        "postcode": "70174",
        "city": "Stuttgart",
    }
    runs = [_run_data(network.ihk_run), new_run]
    data = _offer_data(network.ihk, runs, title=offer.title, slug=offer.slug)

    response = login(network.users["redaktion-ihk"]).post(reverse("admin:offers_offer_change", args=[offer.pk]), data)

    assert response.status_code == 302
    run = offer.runs.get(start_date=datetime.date(2031, 9, 1))
    assert (run.latitude, run.longitude) == (48.78, 9.17)


def test_contact_person_add_by_editor_for_other_partner_is_rejected_with_form_error(network, login):
    data = {"partner": network.saz.pk, "name": "Untergeschoben", "order": "0"}

    response = login(network.users["redaktion-ihk"]).post(reverse("admin:partners_contactperson_add"), data)

    assert response.status_code == 200
    assert "partner" in response.context["adminform"].form.errors
    assert not network.saz.contact_persons.filter(name="Untergeschoben").exists()


def test_offer_save_bypassing_the_form_is_refused_for_other_partners(network, rf):
    request = rf.post("/")
    request.user = network.users["redaktion-ihk"]
    offer = network.saz_offer

    with pytest.raises(PermissionDenied):
        admin.site.get_model_admin(Offer).save_model(request, offer, form=None, change=True)


@pytest.mark.parametrize(("user", "confirms"), [("redaktion-ihk", True), ("koordination", False)])
def test_saving_an_offer_confirms_it_only_when_its_own_editor_saves(network, login, user, confirms):
    long_ago = timezone.now() - datetime.timedelta(days=400)
    Offer.objects.filter(pk=network.ihk_offer.pk).update(last_confirmed_at=long_ago)
    offer = Offer.objects.get(pk=network.ihk_offer.pk)
    url = reverse("admin:offers_offer_change", args=[offer.pk])

    response = login(network.users[user]).post(url, _existing_offer_data(offer, summary="Neu gefasst."))

    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.summary == "Neu gefasst."
    assert (offer.last_confirmed_at > long_ago) is confirms


def test_offer_add_by_editor_with_other_partners_contact_person_is_rejected(network, login):
    data = _offer_data(network.ihk, contact_person=network.saz_contact.pk)

    response = login(network.users["redaktion-ihk"]).post(reverse("admin:offers_offer_add"), data)

    assert response.status_code == 200
    assert "contact_person" in response.context["adminform"].form.errors
    assert not Offer.objects.filter(slug="neuer-lehrgang").exists()


def test_offer_add_by_coordinator_may_choose_any_provider(network, login):
    response = login(network.users["koordination"]).post(reverse("admin:offers_offer_add"), _offer_data(network.saz))

    assert response.status_code == 302
    assert Offer.objects.get(slug="neuer-lehrgang").provider == network.saz
