"""Reads of partners: the public directory and profile, who edits a partner, who coordinates the network."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet

from partners.models import ContactPerson, Membership, Partner
from partners.scoping import COORDINATOR_GROUP


def directory_partners() -> QuerySet[Partner]:
    return Partner.objects.active().prefetch_related("services").order_by("name", "pk")


def public_partner(slug: str) -> QuerySet[Partner]:
    return (
        Partner.objects.active()
        .filter(slug=slug)
        .prefetch_related(
            "services", "languages", Prefetch("contact_persons", queryset=ContactPerson.objects.order_by("order", "pk"))
        )
    )


def editor_emails(partner: Partner) -> list[str]:
    """The addresses of the partner's active editors, sorted, each once."""
    editors = Membership.objects.filter(partner=partner, role=Membership.Role.EDITOR, user__is_active=True)
    return sorted(set(editors.exclude(user__email="").values_list("user__email", flat=True)))


def coordinator_emails() -> list[str]:
    """The addresses of the active coordinators (the coordinator group or superusers), sorted, each once."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(Q(is_superuser=True) | Q(groups__name=COORDINATOR_GROUP))
    return sorted(set(users.values_list("email", flat=True)))
