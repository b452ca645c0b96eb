import logging
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

import lotsendienst.settings
from operations.mail import MAX_ATTEMPTS, deliver_email, message_to_data, retry_delay
from tests.factories import OfficeFactory, UserFactory, counsellor
from tests.operations.conftest import LOCMEM, QUEUED, make_due, run_worker, smtp

REQUEST_URL = "/beratung/anfragen/"
DELIVER = "operations.mail.deliver_email"
SUBJECT = "Neue Beratungsanfrage für Lotsendienst Stuttgart"


@pytest.fixture
def office(transactional_db):
    office = OfficeFactory(slug="lotsendienst-stuttgart", name="Lotsendienst Stuttgart")
    counsellor(office, username="beratung-stuttgart")
    return office


def post_request(client, office):
    data = {
        "kind": "person", "name": "Rita Test", "email": "rita@example.org", "phone": "", "postcode": "70173",
        "message": "Ich möchte meinen Berufsabschluss nachholen.", "office": office.slug, "consent": "on",
        "website": "",
    }  # fmt: skip
    started = time.monotonic()
    response = client.post(REQUEST_URL, data)
    return response, time.monotonic() - started


def deliveries(status=None) -> list[DBTaskResult]:
    found = DBTaskResult.objects.filter(task_path=DELIVER).order_by("enqueued_at")
    return list(found.filter(status=status) if status else found)


def test_settings_queue_every_mail_and_send_through_the_outgoing_mailer():
    assert lotsendienst.settings.MAILERS["default"] == {"BACKEND": QUEUED}
    assert set(lotsendienst.settings.MAILERS) == {"default", "outgoing"}


def test_request_is_stored_and_its_mail_waits_for_the_worker(client, office, queued_mail):
    response, _seconds = post_request(client, office)

    assert response.status_code == 302
    assert mail.outbox == []
    [queued] = deliveries("READY")
    assert queued.args_kwargs["kwargs"]["message"]["to"] == ["beratung-stuttgart@example.org"]

    run_worker()

    assert [(m.subject, m.to) for m in mail.outbox] == [(SUBJECT, ["beratung-stuttgart@example.org"])]
    assert "Rita" not in mail.outbox[0].body
    assert [result.status for result in deliveries()] == ["SUCCESSFUL"]


def test_refusing_mail_server_blocks_no_request_and_the_mail_goes_out_later(client, office, queued_mail, refusing_port):
    queued_mail.MAILERS = {"default": {"BACKEND": QUEUED}, "outgoing": smtp(refusing_port)}

    response, seconds = post_request(client, office)
    run_worker()

    assert response.status_code == 302
    assert seconds < 1
    first, retry = deliveries()
    assert (first.status, first.return_value) == ("SUCCESSFUL", "retry in 0:01:00")
    assert retry.status == "READY"
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert timedelta(seconds=55) < retry.run_after - timezone.now() <= timedelta(minutes=1)

    queued_mail.MAILERS = {"default": {"BACKEND": QUEUED}, "outgoing": LOCMEM}
    make_due(retry)
    run_worker()

    assert [(m.subject, m.to) for m in mail.outbox] == [(SUBJECT, ["beratung-stuttgart@example.org"])]
    assert [result.status for result in deliveries()] == ["SUCCESSFUL", "SUCCESSFUL"]


def test_hanging_mail_server_blocks_no_request_and_the_worker_retries(client, office, queued_mail, hanging_port):
    queued_mail.MAILERS = {"default": {"BACKEND": QUEUED}, "outgoing": smtp(hanging_port, timeout=2)}

    response, seconds = post_request(client, office)
    started = time.monotonic()
    run_worker()
    worker_seconds = time.monotonic() - started

    assert response.status_code == 302
    assert seconds < 1
    assert worker_seconds >= 2  # the worker, not the visitor, waited for the server's timeout
    assert [result.status for result in deliveries()] == ["SUCCESSFUL", "READY"]
    assert mail.outbox == []


def test_password_reset_mail_is_queued_too(transactional_db, client, queued_mail):
    user = UserFactory(email="redaktion@example.org", is_staff=True)

    client.post("/konto/passwort-vergessen/", {"email": user.email})

    assert mail.outbox == []
    [queued] = deliveries("READY")
    assert queued.args_kwargs["kwargs"]["message"]["to"] == ["redaktion@example.org"]


def test_last_failed_attempt_is_logged_and_not_retried(transactional_db, queued_mail, refusing_port, caplog):
    queued_mail.MAILERS = {"default": {"BACKEND": QUEUED}, "outgoing": smtp(refusing_port)}
    message = message_to_data(mail.EmailMessage("Erinnerung", "Text", None, ["redaktion@example.org"]))
    deliver_email.enqueue(message=message, attempt=MAX_ATTEMPTS)

    with caplog.at_level(logging.ERROR, logger="operations.mail"):
        run_worker()

    assert [result.status for result in deliveries()] == ["FAILED"]
    assert [record.getMessage().split(":")[0] for record in caplog.records] == [
        f"Gave up mail 'Erinnerung' after {MAX_ATTEMPTS} attempts"
    ]


def test_retries_wait_longer_each_time():
    assert [retry_delay(attempt) for attempt in (1, 2, 3, MAX_ATTEMPTS - 1)] == [
        timedelta(minutes=1),
        timedelta(minutes=2),
        timedelta(minutes=4),
        timedelta(minutes=64),
    ]


def test_queued_mail_keeps_copies_replies_headers_and_html(transactional_db, queued_mail):
    message = mail.EmailMultiAlternatives(
        "Betreff", "Text", "absender@example.org", ["a@example.org"],
        cc=["b@example.org"], bcc=["c@example.org"], reply_to=["d@example.org"], headers={"X-Lotse": "1"},
    )  # fmt: skip
    message.attach_alternative("<p>Text</p>", "text/html")

    message.send()
    run_worker()

    [sent] = mail.outbox
    assert (sent.subject, sent.body, sent.from_email) == ("Betreff", "Text", "absender@example.org")
    assert sent.recipients() == ["a@example.org", "b@example.org", "c@example.org"]
    assert (sent.reply_to, sent.extra_headers, sent.alternatives) == (
        ["d@example.org"],
        {"X-Lotse": "1"},
        [("<p>Text</p>", "text/html")],
    )


def test_mail_with_an_attachment_is_refused_with_a_clear_message(transactional_db, queued_mail):
    message = mail.EmailMessage("Betreff", "Text", None, ["a@example.org"])
    message.attach("liste.csv", "a;b", "text/csv")

    with pytest.raises(ValueError, match="Mails with attachments cannot be queued."):
        message.send()
