import io

import pytest
from django.contrib.auth import get_user_model

from partners import demo_memberships
from partners.models import Membership

pytestmark = pytest.mark.django_db


def test_demo_memberships_assign_roles_and_groups_idempotently():
    demo_memberships.load(stdout=io.StringIO())  # a second run, on top of load_demo's

    rows = {(m.user.username, m.partner.slug, m.role) for m in Membership.objects.select_related("user", "partner")}
    assert rows == {
        ("redaktion-ihk", "ihk-region-stuttgart", "editor"),
        ("redaktion-saz", "schweriner-ausbildungszentrum", "editor"),
        ("beratung-stuttgart", "lotsendienst-stuttgart", "counsellor"),
        ("beratung-schwerin", "schweriner-ausbildungszentrum", "counsellor"),
    }
    groups = {u.username: {g.name for g in u.groups.all()} for u in get_user_model().objects.all()}
    assert groups == {
        "koordination": {"Netzwerkkoordination"},
        "redaktion-ihk": {"Partnerredaktion"},
        "redaktion-saz": {"Partnerredaktion"},
        "beratung-stuttgart": {"Beratung"},
        "beratung-schwerin": {"Beratung"},
    }
    koordination = get_user_model().objects.get(username="koordination")
    assert (koordination.is_staff, koordination.is_superuser) == (True, False)
