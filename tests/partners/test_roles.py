import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from partners.models import Membership
from partners.scoping import editable_partner_ids, is_coordinator
from tests.factories import MembershipFactory, UserFactory

# What each role may do, stated here rather than read from the migration that grants it: a change to a role's
# permissions must show up as a change to this test.
EDITOR_PERMISSIONS = {
    "offers.view_offer", "offers.add_offer", "offers.change_offer",
    "offers.view_run", "offers.add_run", "offers.change_run",
    "offers.view_importlog",
    "offers.view_moduleoffer", "offers.add_moduleoffer", "offers.change_moduleoffer", "offers.delete_moduleoffer",
    "offers.view_inhouserequest", "offers.change_inhouserequest",
    "offers.view_offertranslation", "offers.add_offertranslation", "offers.change_offertranslation",
    "offers.delete_offertranslation",
    "partners.view_partner", "partners.change_partner",
    "partners.view_contactperson", "partners.add_contactperson", "partners.change_contactperson",
}  # fmt: skip
COUNSELLOR_PERMISSIONS = set()  # the counselling desk checks memberships, not permissions; no admin access
COORDINATOR_PERMISSIONS = {
    "offers.view_offer", "offers.add_offer", "offers.change_offer", "offers.delete_offer",
    "offers.view_run", "offers.add_run", "offers.change_run", "offers.delete_run",
    "offers.view_importlog",
    "offers.view_offertranslation", "offers.add_offertranslation", "offers.change_offertranslation",
    "offers.delete_offertranslation",
    "offers.view_qualificationstep", "offers.add_qualificationstep", "offers.change_qualificationstep",
    "offers.delete_qualificationstep",
    "offers.view_sector", "offers.add_sector", "offers.change_sector", "offers.delete_sector",
    "offers.view_targetgroup", "offers.add_targetgroup", "offers.change_targetgroup", "offers.delete_targetgroup",
    "offers.view_fundingprogramme", "offers.add_fundingprogramme", "offers.change_fundingprogramme",
    "offers.delete_fundingprogramme",
    "offers.view_thesaurusentry", "offers.add_thesaurusentry", "offers.change_thesaurusentry",
    "offers.delete_thesaurusentry",
    "places.view_postcode", "places.add_postcode", "places.change_postcode", "places.delete_postcode",
    "partners.view_partner", "partners.add_partner", "partners.change_partner", "partners.delete_partner",
    "partners.view_contactperson", "partners.add_contactperson", "partners.change_contactperson",
    "partners.delete_contactperson",
    "partners.view_membership", "partners.add_membership", "partners.change_membership", "partners.delete_membership",
    "partners.view_service", "partners.add_service", "partners.change_service", "partners.delete_service",
    "partners.view_language", "partners.add_language", "partners.change_language", "partners.delete_language",
    "auth.view_user", "auth.add_user", "auth.change_user", "auth.delete_user",
    "auth.view_group",
    "guide.view_occupation", "guide.add_occupation", "guide.change_occupation", "guide.delete_occupation",
    "offers.view_qualificationpath", "offers.add_qualificationpath", "offers.change_qualificationpath",
    "offers.delete_qualificationpath",
    "offers.view_pathmodule", "offers.add_pathmodule", "offers.change_pathmodule", "offers.delete_pathmodule",
    "offers.view_moduleoffer", "offers.add_moduleoffer", "offers.change_moduleoffer", "offers.delete_moduleoffer",
    "network.view_region", "network.add_region", "network.change_region", "network.delete_region",
    "network.view_regiondistrict", "network.add_regiondistrict", "network.change_regiondistrict",
    "network.delete_regiondistrict",
}  # fmt: skip


def _permissions(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


@pytest.mark.django_db
def test_role_groups_carry_exactly_the_permissions_of_their_role():
    assert _permissions("Partnerredaktion") == EDITOR_PERMISSIONS
    assert _permissions("Beratung") == COUNSELLOR_PERMISSIONS
    assert _permissions("Netzwerkkoordination") == COORDINATOR_PERMISSIONS


@pytest.mark.django_db
def test_coordinator_permissions_exclude_counselling_and_group_editing():
    perms = _permissions("Netzwerkkoordination")

    assert not any(p.startswith("counselling.") for p in perms)
    assert "auth.change_group" not in perms


def test_editable_partner_ids_counts_only_editor_memberships(network):
    counsellor = network.users["beratung"]
    MembershipFactory(user=counsellor, partner=network.ihk, role=Membership.Role.COUNSELLOR)

    assert editable_partner_ids(network.users["redaktion-ihk"]) == {network.ihk.pk}
    assert editable_partner_ids(counsellor) == frozenset()
    assert is_coordinator(network.users["koordination"]) is True
    assert is_coordinator(network.users["redaktion-ihk"]) is False


def test_inactive_editor_reaches_no_partner(network):
    editor = network.users["redaktion-ihk"]
    editor.is_active = False

    assert editable_partner_ids(editor) == frozenset()


def _group_names(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def test_membership_added_by_coordinator_grants_editor_group_and_staff_and_deletion_revokes(network, login):
    newcomer = UserFactory(username="neu")
    client = login(network.users["koordination"])
    data = {"user": newcomer.pk, "partner": network.ihk.pk, "role": "editor"}

    client.post(reverse("admin:partners_membership_add"), data)
    membership = Membership.objects.get(user=newcomer)
    newcomer.refresh_from_db()
    granted = (_group_names(newcomer), newcomer.is_staff)
    client.post(reverse("admin:partners_membership_delete", args=[membership.pk]), {"post": "yes"})

    assert granted == ({"Partnerredaktion"}, True)
    assert _group_names(newcomer) == set()


def test_membership_inline_on_partner_page_grants_the_roles_group(network, login):
    newcomer = UserFactory(username="beraterin")
    data = {
        "name": network.saz.name,
        "slug": network.saz.slug,
        "kind": network.saz.kind,
        "active": "on",
        "contact_persons-TOTAL_FORMS": "0",
        "contact_persons-INITIAL_FORMS": "0",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-0-user": newcomer.pk,
        "memberships-0-role": "counsellor",
    }

    # Counsellor memberships are granted by a superuser only (see the coordinator test below).
    operator = UserFactory(username="betrieb", is_staff=True, is_superuser=True)
    response = login(operator).post(reverse("admin:partners_partner_change", args=[network.saz.pk]), data)

    assert response.status_code == 302
    newcomer.refresh_from_db()
    assert (_group_names(newcomer), newcomer.is_staff) == ({"Beratung"}, False)


def test_editor_cannot_add_memberships(network, login):
    data = {"user": network.users["redaktion-ihk"].pk, "partner": network.saz.pk, "role": "editor"}

    response = login(network.users["redaktion-ihk"]).post(reverse("admin:partners_membership_add"), data)

    assert response.status_code == 403
    assert not Membership.objects.filter(partner=network.saz, user=network.users["redaktion-ihk"]).exists()


def test_coordinator_cannot_make_anyone_a_counsellor_nor_open_counsellor_accounts(network, login):
    coordinator = network.users["koordination"]
    client = login(coordinator)

    response = client.post(
        "/admin/partners/membership/add/", {"user": coordinator.pk, "partner": network.saz.pk, "role": "counsellor"}
    )

    assert response.status_code == 200
    assert "role" in response.context["adminform"].form.errors
    assert not Membership.objects.filter(user=coordinator, role=Membership.Role.COUNSELLOR).exists()
    counsellor_membership = Membership.objects.get(user=network.users["beratung"])
    assert client.get(f"/admin/partners/membership/{counsellor_membership.pk}/change/").status_code == 302
    assert client.get(f"/admin/auth/user/{network.users['beratung'].pk}/change/").status_code == 302
    editor = network.users["redaktion-ihk"]
    assert client.get(f"/admin/auth/user/{editor.pk}/change/").status_code == 200
