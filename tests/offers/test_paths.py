"""Qualification paths: the public pages (/wege/), the module navigation on an offer page, the catalogue version and
the admin, where coordinators keep paths and editors attach their own offers to a module."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from offers.models import CatalogueVersion, ModuleOffer, QualificationPath
from tests.conftest import verified_login
from tests.factories import (
    SCHWERIN,
    STUTTGART,
    OfferFactory,
    PartnerFactory,
    QualificationPathFactory,
    coordinator,
    days,
    editor,
    path_modules,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(postcodes):
    """A published path of five modules; module 2 taught by two providers (Stuttgart and Schwerin)."""
    path = QualificationPathFactory(title="Maschinenführer in fünf Schritten", slug="maschinen-tq")
    stuttgart = OfferFactory(title="TQ 2 Stuttgart", slug="tq2-stuttgart", runs__place=STUTTGART)
    schwerin = OfferFactory(title="TQ 2 Schwerin", slug="tq2-schwerin", runs__place=SCHWERIN)
    others = [OfferFactory(title=f"TQ {n}", slug=f"tq{n}", runs__place=STUTTGART) for n in (1, 3, 4, 5)]
    modules = path_modules(path, others[0], [stuttgart, schwerin], *others[1:])
    return path, modules, stuttgart, schwerin


def test_path_list_shows_published_paths_only(client, chain):
    QualificationPathFactory(title="Geheimer Entwurf", published=False)
    page = client.get("/wege/").content.decode()
    assert "Maschinenführer in fünf Schritten" in page
    assert "Geheimer Entwurf" not in page


def test_unpublished_path_is_404_for_visitors_and_a_preview_for_coordinators(client):
    QualificationPathFactory(slug="entwurf", published=False)
    assert client.get("/wege/entwurf/").status_code == 404
    verified_login(client, coordinator())
    assert "Vorschau" in client.get("/wege/entwurf/").content.decode()


def test_path_page_shows_modules_as_steps_with_next_runs_nearest_first(client, chain):
    page = client.get("/wege/maschinen-tq/", {"near": "Schwerin"}).content.decode()
    assert [f"Modul {n} von 5" in page for n in range(1, 6)] == [True] * 5
    step_two = page.split("Modul 2 von 5")[1].split("Modul 3 von 5")[0]
    assert step_two.index("19053 Schwerin") < step_two.index("70173 Stuttgart")
    assert "(0 km)" in step_two


def test_path_page_without_place_orders_runs_by_start(client, chain):
    _path, _modules, stuttgart, schwerin = chain
    schwerin.runs.update(start_date=days(10))
    page = client.get("/wege/maschinen-tq/").content.decode()
    step_two = page.split("Modul 2 von 5")[1].split("Modul 3 von 5")[0]
    assert step_two.index("Schwerin") < step_two.index("Stuttgart")


def test_unknown_place_is_an_error_next_to_the_field_and_the_steps_stay(client, chain):
    response = client.get("/wege/maschinen-tq/", {"near": "Atlantis"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Postleitzahl nicht gefunden" in page
    assert 'value="Atlantis"' in page
    assert "Modul 5 von 5" in page


def test_path_page_does_not_show_unlisted_offers(client, chain):
    _path, _modules, stuttgart, _schwerin = chain
    stuttgart.status = stuttgart.Status.DRAFT
    stuttgart.save()
    page = client.get("/wege/maschinen-tq/").content.decode()
    assert "TQ 2 Stuttgart" not in page
    assert "TQ 2 Schwerin" in page


def test_path_page_queries_do_not_grow_with_modules_and_runs(client, chain):
    path = chain[0]
    with CaptureQueriesContext(connection) as few:
        client.get(path.get_absolute_url())
    path_modules(path, *[OfferFactory(runs=3, runs__place=STUTTGART) for _ in range(3)], start=6)
    with CaptureQueriesContext(connection) as many:
        client.get(path.get_absolute_url())
    assert len(many) == len(few)


def test_offer_page_of_a_module_links_the_path_and_the_other_modules(client, chain):
    page = client.get("/angebote/tq2-schwerin/").content.decode()
    assert "Modul 2 von 5" in page
    assert 'href="/wege/maschinen-tq/"' in page
    for position in (1, 3, 4, 5):
        assert f'href="/wege/maschinen-tq/#modul-{position}"' in page
    assert '<span aria-current="step" lang="de" dir="ltr">Modul 2</span>' in page


def test_offer_page_counts_modules_in_order_when_positions_leave_gaps(client, postcodes):
    path = QualificationPathFactory(slug="luecken")
    offer = OfferFactory(slug="zweites")
    first, second = path_modules(path, None, offer)
    first.position, second.position = 10, 30
    first.save(), second.save()
    assert "Modul 2 von 2" in client.get("/angebote/zweites/").content.decode()


def test_offer_of_an_unpublished_path_shows_no_module_navigation(client):
    path = QualificationPathFactory(published=False)
    offer = OfferFactory(slug="einzeln")
    path_modules(path, offer)
    assert "Modul 1 von 1" not in client.get("/angebote/einzeln/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_path_edits_change_the_catalogue_version(chain):
    path, modules, stuttgart, _schwerin = chain
    for write in (
        lambda: QualificationPath.objects.get(pk=path.pk).save(),
        lambda: modules[0].save(),
        lambda: ModuleOffer.objects.filter(offer=stuttgart).delete(),
    ):
        before = CatalogueVersion.current()
        write()
        assert CatalogueVersion.current() != before


# --- admin -----------------------------------------------------------------------------------------------------
ADMIN = "/admin/offers/"


def test_editor_sees_and_changes_only_links_of_own_offers(client, chain):
    _path, modules, stuttgart, schwerin = chain
    verified_login(client, editor(stuttgart.provider))
    own = ModuleOffer.objects.get(offer=stuttgart)
    foreign = ModuleOffer.objects.get(offer=schwerin)
    listing = client.get(f"{ADMIN}moduleoffer/").content.decode()
    assert f"/moduleoffer/{own.pk}/change/" in listing
    assert f"/moduleoffer/{foreign.pk}/change/" not in listing
    assert client.get(f"{ADMIN}moduleoffer/{own.pk}/change/").status_code == 200
    assert client.get(f"{ADMIN}moduleoffer/{foreign.pk}/change/").status_code == 404


def test_editor_attaches_own_offer_and_cannot_attach_anothers(client, chain):
    _path, modules, stuttgart, schwerin = chain
    mine = OfferFactory(provider=stuttgart.provider, title="TQ 3 Abend")
    verified_login(client, editor(stuttgart.provider))
    response = client.post(f"{ADMIN}moduleoffer/add/", {"module": modules[2].pk, "offer": mine.pk})
    assert response.status_code == 302
    assert ModuleOffer.objects.filter(module=modules[2], offer=mine).exists()
    response = client.post(f"{ADMIN}moduleoffer/add/", {"module": modules[2].pk, "offer": schwerin.pk})
    assert response.status_code == 200
    assert not ModuleOffer.objects.filter(module=modules[2], offer=schwerin).exists()


def test_editor_autocomplete_offers_only_own_offers(client, chain):
    _path, _modules, stuttgart, schwerin = chain
    verified_login(client, editor(stuttgart.provider))
    params = {"app_label": "offers", "model_name": "moduleoffer", "field_name": "offer", "term": "TQ 2"}
    found = {row["text"] for row in client.get("/admin/autocomplete/", params).json()["results"]}
    assert found == {"TQ 2 Stuttgart"}


def test_only_coordinators_manage_paths(client, chain):
    path = chain[0]
    url = f"{ADMIN}qualificationpath/{path.pk}/change/"
    verified_login(client, editor(PartnerFactory()))
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302  # anonymous: to the login
    verified_login(client, coordinator())
    assert client.get(url).status_code == 200
    assert client.get(f"{ADMIN}moduleoffer/").status_code == 200


def test_path_list_queries_do_not_grow_with_paths(client, chain):
    with CaptureQueriesContext(connection) as one:
        client.get("/wege/")
    for _ in range(3):
        path_modules(QualificationPathFactory(), OfferFactory(), None)
    with CaptureQueriesContext(connection) as four:
        html = client.get("/wege/").content.decode()
    assert html.count('class="card"') == 4
    assert len(four) == len(one)
