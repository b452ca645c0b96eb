"""Total and facet counts are cached; every edit that can change them must show on the next search."""

import contextlib
import datetime
import re

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from offers.models import CatalogueVersion, Offer, Run, Sector
from tests.conftest import commit_test_writes
from tests.factories import OfferFactory, RunFactory, days

pytestmark = pytest.mark.django_db
SEARCH = "/angebote/"


def _search(client, **params) -> tuple[int, dict[str, dict[str, int]]]:
    response = client.get(SEARCH, params)
    facets = {facet.name: {o.value: o.count for o in facet.options} for facet in response.context["facets"]}
    return response.context["page_obj"].paginator.count, facets


def test_repeated_search_is_answered_from_the_cache(client):
    OfferFactory(sectors=["logistik"])
    first = _search(client, sector="logistik")
    Offer.objects.filter(sectors__slug="logistik").update(status=Offer.Status.DRAFT)  # no signal, no new version
    assert _search(client, sector="logistik") == first


def test_editing_an_offer_changes_the_counts(client):
    offer = OfferFactory(sectors=["logistik"])
    assert _search(client)[0] == 1
    offer.status = Offer.Status.ARCHIVED
    offer.save()
    assert _search(client)[0] == 0


def test_new_offer_is_counted(client):
    OfferFactory()
    assert _search(client)[0] == 1
    OfferFactory()
    assert _search(client)[0] == 2


def test_changing_links_changes_facet_counts(client):
    offer = OfferFactory(sectors=["logistik"])
    assert _search(client)[1]["sector"]["logistik"] == 1
    offer.sectors.remove(Sector.objects.get(slug="logistik"))
    assert _search(client)[1]["sector"]["logistik"] == 0
    offer.sectors.add(Sector.objects.get(slug="bau"))
    assert _search(client)[1]["sector"]["bau"] == 1


def test_run_changes_change_run_facets_and_visibility(client):
    offer = OfferFactory(runs=0)
    run = RunFactory(offer=offer, learning_form=Run.LearningForm.ONLINE_LIVE)
    assert _search(client)[1]["learning_form"]["online-live"] == 1
    run.learning_form = Run.LearningForm.FERNUNTERRICHT
    run.save()
    counts = _search(client)[1]["learning_form"]
    assert (counts["online-live"], counts["fernunterricht"]) == (0, 1)
    run.delete()
    assert _search(client)[0] == 0


def test_deactivating_the_provider_removes_its_offers(client):
    offer = OfferFactory()
    assert _search(client)[0] == 1
    offer.provider.active = False
    offer.provider.save()
    assert _search(client)[0] == 0


def test_counts_follow_the_date_without_any_edit(client, monkeypatch):
    OfferFactory(runs__start_date=days(-10), runs__end_date=days(1))
    assert _search(client)[0] == 1
    version = CatalogueVersion.current()  # read after the request, which committed the factory's writes
    later = timezone.localdate() + datetime.timedelta(days=2)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: later)
    assert _search(client)[0] == 0
    assert CatalogueVersion.current() == version


def test_bulk_date_refresh_changes_the_version():
    OfferFactory()
    commit_test_writes()
    version = CatalogueVersion.current()
    Offer.objects.refresh_dates()
    commit_test_writes()
    assert CatalogueVersion.current() != version


def test_a_transaction_bumps_the_version_once_after_commit(django_capture_on_commit_callbacks):
    version = CatalogueVersion.current()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        OfferFactory(sectors=["logistik"], runs=2)  # an offer, two runs, links: a dozen writes
        assert CatalogueVersion.current() == version  # not yet committed
    assert len(callbacks) == 1
    assert CatalogueVersion.current() != version


def test_a_rolled_back_write_does_not_bump_the_version(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        with contextlib.suppress(RuntimeError), transaction.atomic():
            OfferFactory()
            raise RuntimeError("rolled back")
        assert transaction.get_connection().run_on_commit == []  # dropped with the rollback
        OfferFactory()  # the next transaction bumps again
    assert len(callbacks) == 1


def test_cached_search_page_shows_an_edited_card_and_its_new_count(client):
    offer = OfferFactory(title="Staplerschein", price=100)
    html = client.get(SEARCH).content.decode()
    assert "Staplerschein" in html
    offer.title = "Gabelstaplerschein kompakt"
    offer.save()
    html = client.get(SEARCH).content.decode()
    assert "Gabelstaplerschein kompakt" in html
    assert "Staplerschein<" not in html
    assert _free_count(html) == 0
    offer.price = 0
    offer.save()
    assert _free_count(client.get(SEARCH).content.decode()) == 1


def _free_count(html: str) -> int:
    return int(re.search(r'for="f-free-1">kostenlos\s*<span class="facet-count">\((\d+)', html).group(1))


def test_cached_cards_keep_each_visitors_own_merkliste_button(client):
    offer = OfferFactory()
    assert "Auf die Merkliste" in client.get(SEARCH).content.decode()
    client.post(reverse("merkliste:add"), {"offer": offer.slug, "next": SEARCH})
    assert "Von der Merkliste nehmen" in client.get(SEARCH).content.decode()


def test_cached_detail_page_follows_edits_and_unlisting(client):
    offer = OfferFactory(title="Staplerschein")
    assert "Staplerschein" in client.get(offer.get_absolute_url()).content.decode()
    offer.title = "Gabelstaplerschein kompakt"
    offer.save()
    assert "Gabelstaplerschein kompakt" in client.get(offer.get_absolute_url()).content.decode()
    offer.runs.get().delete()
    assert client.get(offer.get_absolute_url()).status_code == 404


def test_detail_page_is_cached_for_visitors(client, django_assert_max_num_queries):
    offer = OfferFactory()
    client.get(offer.get_absolute_url())
    with django_assert_max_num_queries(1):  # the catalogue version
        assert client.get(offer.get_absolute_url()).status_code == 200
