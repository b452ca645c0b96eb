import socket
import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

QUEUED = "operations.mail.QueuedEmailBackend"
LOCMEM = {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}


def smtp(port: int, timeout: float = 0.5) -> dict:
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": timeout},
    }


@pytest.fixture
def queued_mail(settings):
    """The production wiring (lotsendienst/settings.py), which Django's test setup replaces by a plain outbox."""
    settings.MAILERS = {"default": {"BACKEND": QUEUED}, "outgoing": LOCMEM}
    return settings


@pytest.fixture
def refusing_port():
    """A port on this machine where nothing listens: a connection is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def hanging_port():
    """A mail server that accepts the connection and then never says a word."""
    server = socket.create_server(("127.0.0.1", 0))
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


def run_worker() -> None:
    """The worker works off what is due and stops. Tests that use it need `transactional_db`: like the real worker
    it sees committed rows only, and it closes a connection that is inside a transaction."""
    call_command("run_worker", "--batch", "--no-reload", verbosity=0)


def make_due(result: DBTaskResult) -> None:
    """Moves a retry's planned time into the past, as if its pause had passed."""
    DBTaskResult.objects.filter(pk=result.pk).update(run_after=timezone.now() - timedelta(seconds=1))
