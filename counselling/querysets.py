"""Reads of counselling records. Every record belongs to an office; `visible_to` is the one scope check."""

from django.db import models

from partners.models import Membership, Partner


def offices_of(user) -> models.QuerySet[Partner]:
    """The counselling offices of a user: partners where they hold a counsellor membership."""
    if not user.is_authenticated:
        return Partner.objects.none()
    return Partner.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.COUNSELLOR, active=True
    ).distinct()


class OfficeQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(office__in=offices_of(user).values("pk"))

    def for_office(self, office):
        return self.filter(office=office)


class CaseQuerySet(OfficeQuerySet):
    def open(self):
        return self.exclude(status="closed")

    def active_between(self, start, end):
        """Cases that were open at some time in the period [start, end] (dates)."""
        return self.filter(opened_on__lte=end).filter(
            models.Q(closed_at__isnull=True) | models.Q(closed_at__date__gte=start)
        )

    def search(self, q: str):
        return self.filter(
            models.Q(reference__icontains=q)
            | models.Q(name__icontains=q)
            | models.Q(goal__icontains=q)
            | models.Q(target_qualification__icontains=q)
        )


class AuditQuerySet(models.QuerySet):
    def for_case(self, case):
        return self.filter(case_pk=case.pk)

    def between(self, start, end):
        """Entries of the days start to end (dates), both included."""
        return self.filter(at__date__gte=start, at__date__lte=end)
