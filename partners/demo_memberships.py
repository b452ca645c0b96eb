"""Demo roles for `manage.py load_demo`: groups and memberships of the demo accounts; idempotent.

Runs after lotsendienst.demo (accounts) and partners.demo (partners); skips what is not there yet.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from partners.models import Membership, Partner
from partners.roles import sync_role_groups
from partners.scoping import COORDINATOR_GROUP

DEMO_MEMBERSHIPS = [
    ("redaktion-ihk", "ihk-region-stuttgart", Membership.Role.EDITOR),
    ("redaktion-saz", "schweriner-ausbildungszentrum", Membership.Role.EDITOR),
    ("beratung-stuttgart", "lotsendienst-stuttgart", Membership.Role.COUNSELLOR),
    ("beratung-schwerin", "schweriner-ausbildungszentrum", Membership.Role.COUNSELLOR),
]
DEMO_COORDINATORS = ["koordination"]


def load(*, stdout) -> None:
    users = {u.username: u for u in get_user_model().objects.filter(username__in=_demo_usernames())}
    for username, slug, role in DEMO_MEMBERSHIPS:
        user, partner = users.get(username), Partner.objects.filter(slug=slug).first()
        if user is None or partner is None:
            stdout.write(f"Demo memberships: skipped {username} → {slug} (account or partner missing)")
            continue
        Membership.objects.get_or_create(user=user, partner=partner, role=role)
        sync_role_groups(user=user)
    coordinators = Group.objects.get(name=COORDINATOR_GROUP)
    for username in DEMO_COORDINATORS:
        if username in users:
            users[username].groups.add(coordinators)
    stdout.write("Demo memberships: editors, counsellors and coordinators assigned.")


def _demo_usernames() -> list[str]:
    return [row[0] for row in DEMO_MEMBERSHIPS] + DEMO_COORDINATORS
