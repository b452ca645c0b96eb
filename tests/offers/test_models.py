import datetime
import random
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from offers.models import SAMPLE_RANGE, FundingProgramme, Offer, QualificationStep, Run, Sector, TargetGroup
from tests.factories import OfferFactory, PostcodeFactory, RunFactory, days, editor, slugs

pytestmark = pytest.mark.django_db


def _run(**fields) -> Run:
    fields = {"schedule": "vollzeit", "learning_form": "online-live", "start_date": days(10), **fields}
    return Run(offer=OfferFactory(runs=0), **fields)


def test_run_clean_rejects_end_before_start():
    run = _run(start_date=days(10), end_date=days(9))
    with pytest.raises(ValidationError) as error:
        run.full_clean()
    assert error.value.message_dict["end_date"] == ["Das Ende darf nicht vor dem Beginn liegen."]


def test_run_clean_rejects_praesenz_without_venue():
    run = _run(learning_form="praesenz")
    with pytest.raises(ValidationError) as error:
        run.full_clean()
    assert "Postleitzahl und Ort des Lernorts" in error.value.message_dict["city"][0]


def test_run_clean_accepts_praesenz_with_venue_and_online_without():
    _run(learning_form="praesenz", postcode="70173", city="Stuttgart").full_clean()
    _run(learning_form="online-live").full_clean()


def test_run_clean_requires_start_or_rolling_start():
    with pytest.raises(ValidationError) as error:
        _run(start_date=None).full_clean()
    assert "start_date" in error.value.message_dict
    _run(start_date=None, rolling_start=True).full_clean()


def test_offer_clean_rejects_negative_price():
    offer = OfferFactory(price=Decimal("-1"))
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert error.value.message_dict["price"] == ["Der Preis darf nicht negativ sein (0 = kostenlos)."]


@pytest.mark.parametrize("level", [0, 9])
def test_offer_clean_rejects_dqr_outside_1_to_8(level):
    offer = OfferFactory(dqr_level=level)
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert error.value.message_dict["dqr_level"] == ["Das DQR-Niveau liegt zwischen 1 und 8."]


@pytest.mark.parametrize("level", [1, 8, None])
def test_offer_clean_accepts_dqr_1_to_8_or_none(level):
    OfferFactory(dqr_level=level).full_clean()


def test_vocabularies_are_seeded_with_fixed_slugs():
    assert list(QualificationStep.objects.values_list("slug", flat=True)) == [
        "ohne-abschluss",
        "fachkraft",
        "aufstieg",
        "akademisch",
    ]
    funding = set(FundingProgramme.objects.values_list("slug", flat=True))
    assert funding == {
        "bildungsgutschein",
        "qualifizierungschancengesetz",
        "teilqualifizierung",
        "qualifizierungsgeld",
        "aufstiegs-bafoeg",
        "weiterbildungsstipendium",
        "aufstiegsstipendium",
        "esf-fachkurse-bw",
        "bildungszeit-bw",
        "bildungsfreistellung-mv",
        "avgs",
        "wegebau",
    }
    assert set(FundingProgramme.objects.filter(active=False).values_list("slug", flat=True)) == {"wegebau"}
    assert Sector.objects.count() == 13
    assert TargetGroup.objects.count() == 12  # with "gruendung", the guide's route for founders
    assert QualificationStep.objects.get(slug="fachkraft").next_step.startswith("Meister")


def test_listed_shows_only_published_offers_with_a_current_run():
    shown = OfferFactory(title="offen")
    rolling = OfferFactory(runs__start_date=None, runs__end_date=None, runs__rolling_start=True)
    running = OfferFactory(runs__start_date=days(-30), runs__end_date=days(30))
    ends_today = OfferFactory(runs__start_date=days(-3), runs__end_date=days(0))
    OfferFactory(status=Offer.Status.DRAFT)
    OfferFactory(status=Offer.Status.ARCHIVED)
    OfferFactory(runs__start_date=days(-30), runs__end_date=days(-1))  # past
    OfferFactory(runs__status=Run.Status.CANCELLED)
    OfferFactory(runs=0)
    OfferFactory(provider__active=False)
    assert slugs(Offer.objects.listed()) == {shown.slug, rolling.slug, running.slug, ends_today.slug}


def test_listed_follows_run_changes_and_deletes():
    offer = OfferFactory(runs=0)
    assert not Offer.objects.listed().exists()
    run = RunFactory(offer=offer, start_date=days(-20), end_date=days(-10))
    assert not Offer.objects.listed().exists()
    run.end_date = days(5)
    run.save()
    assert slugs(Offer.objects.listed()) == {offer.slug}
    run.delete()
    assert not Offer.objects.listed().exists()


def test_saving_an_offer_loaded_before_its_runs_changed_keeps_it_listed():
    offer = OfferFactory(runs=0)
    loaded_early = Offer.objects.get(pk=offer.pk)
    RunFactory(offer=offer, start_date=days(10), end_date=days(40))
    loaded_early.title = "Neuer Titel"
    loaded_early.save()
    assert slugs(Offer.objects.listed()) == {offer.slug}
    assert Offer.objects.get(pk=offer.pk).next_start == days(10)


def test_refresh_dates_sets_next_start_to_the_earliest_upcoming_run():
    offer = OfferFactory(runs=0)
    RunFactory(offer=offer, start_date=days(-5), end_date=days(40))
    RunFactory(offer=offer, start_date=days(50), end_date=days(60))
    RunFactory(offer=offer, start_date=days(20), end_date=days(60), status=Run.Status.CANCELLED)
    RunFactory(offer=offer, start_date=days(30), end_date=days(60))
    offer.refresh_from_db()
    assert offer.next_start == days(30)
    assert offer.listed_until == days(60)


def test_refresh_dates_gives_rolling_start_today_and_an_open_end():
    offer = OfferFactory(runs__start_date=None, runs__end_date=None, runs__rolling_start=True)
    offer.refresh_from_db()
    assert offer.next_start == timezone.localdate()
    assert offer.listed_until == datetime.date(9999, 12, 31)


def test_refresh_dates_command_moves_next_start_once_a_run_has_begun():
    offer = OfferFactory(runs=0)
    RunFactory(offer=offer, start_date=days(2), end_date=days(90))
    RunFactory(offer=offer, start_date=days(40), end_date=days(90))
    Offer.objects.refresh_dates(today=days(3))
    offer.refresh_from_db()
    assert offer.next_start == days(40)


@override_settings(OFFER_STALE_AFTER_DAYS=100)
def test_stale_offers_are_those_not_confirmed_within_the_setting():
    now = timezone.now()
    fresh = OfferFactory(last_confirmed_at=now - datetime.timedelta(days=99))
    stale = OfferFactory(last_confirmed_at=now - datetime.timedelta(days=101))
    assert slugs(Offer.objects.stale()) == {stale.slug}
    assert stale.is_stale is True
    assert fresh.is_stale is False


def test_visible_to_anonymous_is_listed_and_to_editor_includes_own_drafts():
    from django.contrib.auth.models import AnonymousUser

    listed = OfferFactory()
    own_draft = OfferFactory(provider=listed.provider, status=Offer.Status.DRAFT)
    OfferFactory(status=Offer.Status.DRAFT)  # another partner's
    own_editor = editor(listed.provider)

    assert slugs(Offer.objects.visible_to(AnonymousUser())) == {listed.slug}
    assert slugs(Offer.objects.visible_to(own_editor)) == {listed.slug, own_draft.slug}


def test_run_coordinates_follow_its_postcode_on_every_save():
    PostcodeFactory(code="70173", city="Stuttgart", latitude=48.77, longitude=9.18)
    PostcodeFactory(code="19053", city="Schwerin", latitude=53.62, longitude=11.41)
    run = RunFactory(learning_form="praesenz", postcode="70173", city="Stuttgart")
    assert (run.latitude, run.longitude) == (48.77, 9.18)

    run = Run.objects.get(pk=run.pk)
    run.postcode, run.city = "19053", "Schwerin"
    run.save()
    assert (run.latitude, run.longitude) == (53.62, 11.41)

    run = Run.objects.get(pk=run.pk)
    run.postcode, run.city, run.learning_form = "", "", "online-live"
    run.save()
    assert (run.latitude, run.longitude) == (None, None)


def test_run_keeps_exact_coordinates_given_with_a_new_venue():
    run = RunFactory(learning_form="praesenz", postcode="70173", latitude=48.7, longitude=9.1)
    assert (Run.objects.get(pk=run.pk).latitude, Run.objects.get(pk=run.pk).longitude) == (48.7, 9.1)


def test_every_new_offer_draws_its_own_sample_number(monkeypatch):
    draws = iter([17, 9_983])
    monkeypatch.setattr(random, "randrange", lambda stop: next(draws) if stop == SAMPLE_RANGE else 0)
    assert [OfferFactory().sample, OfferFactory().sample] == [17, 9_983]
