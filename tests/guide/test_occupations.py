"""The table of recognised occupations: what the migration seeds, and who may change it in the admin."""

import pytest
from django.urls import reverse

from guide.models import Occupation
from tests.conftest import verified_login
from tests.factories import OccupationFactory, PartnerFactory, coordinator, counsellor, editor

# Every occupation a demo offer leads to (its certificate), so the guide can check admission for each of them.
DEMO_OCCUPATIONS = {
    "Maschinen- und Anlagenführer/in": (24, "ihk"),
    "Mechatroniker/in": (42, "ihk"),
    "Kaufmann/Kauffrau für Dialogmarketing": (36, "ihk"),
    "Fachkraft für Metalltechnik": (24, "ihk"),
    "Fachkraft für Lagerlogistik": (36, "ihk"),
    "Industriemechaniker/in": (42, "ihk"),
    "Kraftfahrzeugmechatroniker/in": (42, "hwk"),
    "Hochbaufacharbeiter/in": (24, "hwk"),
    "Verkäufer/in": (24, "ihk"),
    "Kaufmann/Kauffrau für Büromanagement": (36, "ihk"),
    "Fachinformatiker/in": (36, "ihk"),
    "Fachkraft für Gastronomie": (24, "ihk"),
    "Elektroniker/in für Betriebstechnik": (42, "ihk"),
}


@pytest.mark.django_db
def test_seeded_table_holds_the_demo_occupations_with_their_periods_and_chambers():
    seeded = {row.name: (row.training_months, row.chamber) for row in Occupation.objects.active()}

    assert len(seeded) == 45
    assert {name: seeded[name] for name in DEMO_OCCUPATIONS} == DEMO_OCCUPATIONS


@pytest.mark.django_db
def test_active_leaves_out_switched_off_occupations():
    OccupationFactory(slug="fliesenleger", name="Fliesen-, Platten- und Mosaikleger/in", active=False)

    assert not Occupation.objects.active().filter(slug="fliesenleger").exists()
    assert Occupation.objects.filter(slug="fliesenleger").exists()
    assert Occupation.objects.active().count() == 45


@pytest.fixture
def users(db) -> dict:
    provider = PartnerFactory()
    return {
        "coordinator": coordinator(),
        "editor": editor(provider),
        "counsellor": counsellor(provider),
        "anonymous": None,
    }


def _get(client, user, url):
    if user is not None:
        verified_login(client, user)
    return client.get(url)


def _login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("view", ["changelist", "add", "change", "delete"])
def test_admin_only_coordinators_reach_the_occupations(client, users, view):
    occupation = Occupation.objects.get(slug="mechatroniker")
    url = reverse(f"admin:guide_occupation_{view}", args=[] if view in ("changelist", "add") else [occupation.pk])

    assert _get(client, users["coordinator"], url).status_code == 200
    client.logout()
    assert _get(client, users["editor"], url).status_code == 403
    client.logout()
    assert _login_redirect(_get(client, users["counsellor"], url))
    client.logout()
    assert _login_redirect(_get(client, users["anonymous"], url))


def _form(occupation: Occupation, **changes) -> dict:
    data = {"name": occupation.name, "slug": occupation.slug, "training_months": occupation.training_months}
    data |= {"chamber": occupation.chamber, "active": "on" if occupation.active else ""}
    return {key: value for key, value in (data | changes).items() if value != ""}


def test_admin_coordinator_changes_the_regular_period(client, users):
    occupation = Occupation.objects.get(slug="mechatroniker")
    verified_login(client, users["coordinator"])

    response = client.post(
        reverse("admin:guide_occupation_change", args=[occupation.pk]), _form(occupation, training_months=36)
    )

    assert response.status_code == 302
    occupation.refresh_from_db()
    assert occupation.training_months == 36


def test_admin_refuses_a_period_out_of_range_with_a_message_at_the_field(client, users):
    occupation = Occupation.objects.get(slug="mechatroniker")
    verified_login(client, users["coordinator"])

    response = client.post(
        reverse("admin:guide_occupation_change", args=[occupation.pk]), _form(occupation, training_months=420)
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["training_months"] == [
        "Dieser Wert muss kleiner oder gleich 48 sein."
    ]
    occupation.refresh_from_db()
    assert occupation.training_months == 42


def test_admin_editor_cannot_change_an_occupation(client, users):
    occupation = Occupation.objects.get(slug="mechatroniker")
    verified_login(client, users["editor"])

    response = client.post(
        reverse("admin:guide_occupation_change", args=[occupation.pk]), _form(occupation, training_months=24)
    )

    assert response.status_code == 403
    occupation.refresh_from_db()
    assert occupation.training_months == 42
