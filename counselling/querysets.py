"""Reads of counselling records. Every record belongs to an office; `visible_to` is the one scope check."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

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

    def without_talk_since(self, day):
        """Cases whose last talk (or, with none yet, whose opening) lies before `day`."""
        cases = self.annotate(last_talk=models.Max("sessions__date"))
        return cases.filter(models.Q(last_talk__lt=day) | models.Q(last_talk__isnull=True, opened_on__lt=day))

    def search(self, q: str):
        return self.filter(
            models.Q(reference__icontains=q)
            | models.Q(name__icontains=q)
            | models.Q(goal__icontains=q)
            | models.Q(target_qualification__icontains=q)
        )


# The thank-you page promises an answer "within three working days" (templates/counselling/request_done.html).
ANSWER_WITHIN_WORKING_DAYS = 3


def working_days_before(day: date, count: int) -> date:
    """The day `count` working days (Monday to Friday; public holidays not counted out) before `day`."""
    while count:
        day -= timedelta(days=1)
        count -= day.weekday() < 5
    return day


def answer_overdue_before(today: date | None = None) -> datetime:
    """Requests received before this moment and still new have waited longer than promised. One received on a
    Monday is due on Thursday and overdue from Friday; one received on a Saturday is due on Wednesday."""
    cutoff = working_days_before(today or timezone.localdate(), ANSWER_WITHIN_WORKING_DAYS)
    return timezone.make_aware(datetime.combine(cutoff, time.min))


class InquiryQuerySet(OfficeQuerySet):
    def unanswered(self):
        return self.filter(status="new", anonymised_at__isnull=True)

    def overdue(self, today: date | None = None):
        return self.unanswered().filter(created_at__lt=answer_overdue_before(today))


class SessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(case__office__in=offices_of(user).values("pk"))

    def follow_ups_open(self, until):
        """Follow-ups due by `until` and not yet marked done: an overdue one stays until it is done."""
        return self.filter(follow_up__lte=until, follow_up_done_on__isnull=True)


class AuditQuerySet(models.QuerySet):
    def for_case(self, case):
        return self.filter(case_pk=case.pk)

    def between(self, start, end):
        """Entries of the days start to end (dates), both included."""
        return self.filter(at__date__gte=start, at__date__lte=end)


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day where that month is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


class CompanyQuerySet(OfficeQuerySet):
    def analysis_due(self, today: date | None = None, months: int | None = None):
        """Companies whose last needs analysis is at least `months` (NEEDS_ANALYSIS_INTERVAL_MONTHS) old: the next
        one is due. A company never analysed is not in the cycle yet. Annotated with `last_analysis`."""
        from_settings = months if months is not None else settings.NEEDS_ANALYSIS_INTERVAL_MONTHS
        cutoff = months_before(today or timezone.localdate(), from_settings)
        return self.annotate(last_analysis=models.Max("analyses__date")).filter(last_analysis__lte=cutoff)
