import io

import pytest

from partners import demo_memberships
from partners.models import Membership
from tests.factories import UserFactory

DEMO_USERNAMES = ["koordination", "redaktion-ihk", "redaktion-saz", "beratung-stuttgart", "beratung-schwerin"]


@pytest.mark.django_db
def test_demo_memberships_skip_missing_partners_with_a_message():
    for username in DEMO_USERNAMES:  # the demo accounts, but none of the demo partners
        UserFactory(username=username)
    out = io.StringIO()

    demo_memberships.load(stdout=out)

    assert Membership.objects.count() == 0
    assert "skipped redaktion-ihk → ihk-region-stuttgart" in out.getvalue()
