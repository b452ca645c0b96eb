"""Who may edit which partner's data: the one place that decides it (admin, forms, commands).

Coordinators (group Netzwerkkoordination, or superusers) reach every partner; everybody else reaches the
partners where they hold an editor membership, and nothing more.
"""

from django.db.models import Model, QuerySet

from partners.models import Membership

COORDINATOR_GROUP = "Netzwerkkoordination"
EDITOR_GROUP = "Partnerredaktion"
COUNSELLOR_GROUP = "Beratung"


def is_coordinator(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_is_coordinator"):
        user._is_coordinator = user.groups.filter(name=COORDINATOR_GROUP).exists()
    return user._is_coordinator


def editable_partner_ids(user) -> frozenset[int]:
    """Partners the user edits as a member with the editor role (cached on the user for one request)."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    if not hasattr(user, "_editable_partner_ids"):
        ids = Membership.objects.filter(user=user, role=Membership.Role.EDITOR).values_list("partner_id", flat=True)
        user._editable_partner_ids = frozenset(ids)
    return user._editable_partner_ids


def scope_to_editor(queryset: QuerySet, user, partner_path: str) -> QuerySet:
    """Rows of `queryset` the user may edit; `partner_path` leads from the model to its Partner ("" = Partner)."""
    if is_coordinator(user):
        return queryset
    lookup = f"{partner_path}__in" if partner_path else "pk__in"
    return queryset.filter(**{lookup: editable_partner_ids(user)})


def owner_partner_id(obj: Model, partner_path: str) -> int | None:
    if not partner_path:
        return obj.pk
    *hops, last = partner_path.split("__")
    for hop in hops:
        obj = getattr(obj, hop, None)
        if obj is None:
            return None
    return getattr(obj, f"{last}_id", None)


def may_edit(user, obj: Model, partner_path: str) -> bool:
    if is_coordinator(user):
        return True
    return owner_partner_id(obj, partner_path) in editable_partner_ids(user)
