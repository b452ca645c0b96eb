"""Writes on offers leave their history, in the name of the person who made them."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from offers.models import Offer, Run
from offers.services import offer_duplicate, offers_confirm
from tests.factories import OfferFactory, RunFactory


def test_confirming_offers_writes_a_history_entry_each_by_the_confirming_user(db):
    editor = get_user_model().objects.create_user("redaktion")
    offers = [OfferFactory(runs=0), OfferFactory(runs=0)]
    Offer.objects.update(last_confirmed_at=timezone.now() - datetime.timedelta(days=400))

    assert offers_confirm(offers=list(Offer.objects.all()), by=editor) == 2

    for offer in offers:
        latest = offer.history.first()
        assert (latest.history_type, latest.history_user) == ("~", editor)
        assert latest.last_confirmed_at > timezone.now() - datetime.timedelta(minutes=1)


def test_a_duplicate_and_its_runs_are_created_in_history_by_the_duplicating_user(db):
    editor = get_user_model().objects.create_user("redaktion")
    offer = OfferFactory(runs=0)
    RunFactory(offer=offer)

    copy = offer_duplicate(offer=offer, by=editor)

    assert [(r.history_type, r.status, r.history_user) for r in copy.history.all()] == [("+", "draft", editor)]
    assert [(r.history_type, r.history_user) for r in Run.history.filter(offer_id=copy.pk)] == [("+", editor)]
