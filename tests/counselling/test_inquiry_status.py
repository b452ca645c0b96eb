"""Every status change of a request goes through a service that leaves an entry in the office's audit log."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from counselling.models import AuditEntry, Inquiry
from tests.conftest import verified_login
from tests.factories import CaseFactory, InquiryFactory


def _entries():
    return list(
        AuditEntry.objects.values_list("office_pk", "case_pk", "object_type", "object_pk", "user", "action", "what")
    )


def test_closing_a_request_logs_who_closed_which_request(client, office_s, counsellor_s):
    inquiry = InquiryFactory(office=office_s, name="Erledigt")
    verified_login(client, counsellor_s)

    client.post(reverse("counselling:inquiry_close", args=[inquiry.pk]))

    assert Inquiry.objects.get(pk=inquiry.pk).status == Inquiry.Status.CLOSED
    assert _entries() == [(office_s.pk, None, "inquiry", inquiry.pk, counsellor_s.pk, "status", "erledigt")]


def test_closing_a_closed_or_converted_request_changes_and_logs_nothing(client, office_s, counsellor_s):
    closed = InquiryFactory(office=office_s, status=Inquiry.Status.CLOSED)
    converted = InquiryFactory(office=office_s)
    CaseFactory(office=office_s, inquiry=converted)
    Inquiry.objects.filter(pk=converted.pk).update(status=Inquiry.Status.CONVERTED)
    verified_login(client, counsellor_s)

    for inquiry in (closed, converted):
        client.post(reverse("counselling:inquiry_close", args=[inquiry.pk]))

    assert dict(Inquiry.objects.values_list("pk", "status")) == {closed.pk: "closed", converted.pk: "converted"}
    assert _entries() == []


def test_anonymising_a_request_on_the_desk_logs_who_anonymised_which_request(client, office_s, counsellor_s):
    inquiry = InquiryFactory(office=office_s, name="Weg damit")
    verified_login(client, counsellor_s)

    client.post(reverse("counselling:inquiry_anonymise", args=[inquiry.pk]))

    assert Inquiry.objects.get(pk=inquiry.pk).status == Inquiry.Status.CLOSED
    assert _entries() == [(office_s.pk, None, "inquiry", inquiry.pk, counsellor_s.pk, "anonymise", "")]


def test_retention_logs_each_request_it_anonymises(office_s, settings):
    settings.CASE_RETENTION_DAYS = 30
    old = InquiryFactory(office=office_s, name="Alt", created_at=timezone.now() - timedelta(days=32))

    call_command("apply_retention", stdout=StringIO())

    assert _entries() == [(office_s.pk, None, "inquiry", old.pk, None, "anonymise", "")]
