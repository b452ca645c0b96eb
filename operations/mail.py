"""Every e-mail leaves through the task queue: the request only stores it, a worker sends it (docs/operations.md).

MAILERS["default"] is the QueuedEmailBackend below, so `send_mail`, password-reset mails and anything else that uses
Django's mail API are queued without knowing it. The worker hands each message to MAILERS["outgoing"] (SMTP, or the
console in development) and retries a refused or timed-out delivery with a growing pause.
"""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.tasks import task
from django.utils import timezone

OUTGOING_MAILER = "outgoing"
MAX_ATTEMPTS = 8  # pauses of 1, 2, 4 … 64 minutes: a mail server may be away for about two hours
logger = logging.getLogger(__name__)


class QueuedEmailBackend(BaseEmailBackend):
    """Enqueues one delivery task per message instead of talking to a mail server inside the request."""

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            deliver_email.enqueue(message=message_to_data(message))
        return len(email_messages)


def message_to_data(message) -> dict:
    """The message as JSON for the task table. Attachments are refused: the portal sends none, and files do not
    belong in the queue's rows."""
    if message.attachments:
        raise ValueError("Mails with attachments cannot be queued.")
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {name: str(value) for name, value in message.extra_headers.items()},
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    }


def data_to_message(data: dict) -> EmailMultiAlternatives:
    return EmailMultiAlternatives(
        data["subject"],
        data["body"],
        data["from_email"],
        data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(pair) for pair in data["alternatives"]],
    )


def retry_delay(attempt: int) -> timedelta:
    return timedelta(minutes=2 ** (attempt - 1))


@task
def deliver_email(*, message: dict, attempt: int = 1) -> str:
    email = data_to_message(message)
    try:
        mailers[OUTGOING_MAILER].send_messages([email])
    except (OSError, smtplib.SMTPException) as error:
        return _after_failure(message, attempt, error)
    return "sent"


def _after_failure(message: dict, attempt: int, error: Exception) -> str:
    # The subject names the matter without personal data; addresses stay out of the log.
    subject = message["subject"]
    if attempt >= MAX_ATTEMPTS:
        logger.error("Gave up mail %r after %d attempts: %s", subject, attempt, error)
        raise error
    delay = retry_delay(attempt)
    logger.warning("Mail %r failed (attempt %d: %s); next try in %s", subject, attempt, error, delay)
    deliver_email.using(run_after=timezone.now() + delay).enqueue(message=message, attempt=attempt + 1)
    return f"retry in {delay}"
