"""Reads of partners: the public directory and profile, and who edits a partner."""

from django.db.models import Prefetch, QuerySet

from partners.models import ContactPerson, Membership, Partner


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
