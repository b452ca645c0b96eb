"""Role groups follow memberships, so a coordinator only has to say who works for which partner in what role."""

from django.contrib.auth.models import Group

from partners.models import Membership
from partners.scoping import COUNSELLOR_GROUP, EDITOR_GROUP

ROLE_GROUPS = {Membership.Role.EDITOR: EDITOR_GROUP, Membership.Role.COUNSELLOR: COUNSELLOR_GROUP}


def sync_role_groups(*, user) -> None:
    """Put the user in the group of each role they hold and out of the others; editors work in the admin."""
    roles = set(Membership.objects.filter(user=user).values_list("role", flat=True))
    for role, name in ROLE_GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        if role in roles:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    if Membership.Role.EDITOR in roles and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
