"""Fetching a partner's catalogue from the address it registered, within bounds: http and https only, public
addresses only (every address the host resolves to, checked again after each redirect, and the connection made to
the address that was checked), at most FEED_MAX_REDIRECTS redirects, IMPORT_MAX_MB, FEED_TIMEOUT_SECONDS for the
whole download. A refusal is a FetchError with a plain German message for the partner's report."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024
USER_AGENT = "Lotsendienst-Katalogabruf/1.0"


class FetchError(Exception):
    pass


class PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address that was checked, not to whatever the host name resolves to a moment later."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        # Kept apart: http.client hands the socket to the response and forgets it, but its timeout must shrink.
        self.sock = self.raw_sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, *, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.raw_sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch(url: str) -> bytes:
    deadline = time.monotonic() + settings.FEED_TIMEOUT_SECONDS
    for _hop in range(settings.FEED_MAX_REDIRECTS + 1):
        connection, response = open_url(url, deadline)
        try:
            location = response.getheader("Location")
            if response.status in REDIRECT_STATUSES and location:
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchError(_("Der Server antwortet mit dem Status %(status)s.") % {"status": response.status})
            return read_bounded(connection, response, deadline)
        finally:
            connection.close()
    message = _("Mehr als %(count)s Weiterleitungen; der Abruf wurde abgebrochen.")
    raise FetchError(message % {"count": settings.FEED_MAX_REDIRECTS})


def open_url(url: str, deadline: float):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        message = _("Abgerufen werden nur Adressen mit http:// oder https://, nicht „%(url)s“.")
        raise FetchError(message % {"url": url})
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        port = None
    if not parts.hostname or port is None:
        raise FetchError(_("„%(url)s“ ist keine gültige Adresse.") % {"url": url})
    address = checked_address(parts.hostname, port)
    kind = PinnedHTTPSConnection if parts.scheme == "https" else PinnedHTTPConnection
    connection = kind(parts.hostname, port, address=address, timeout=remaining(deadline))
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("GET", target, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        return connection, connection.getresponse()
    except (OSError, http.client.HTTPException) as error:
        connection.close()
        raise connection_error(error) from error


def remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise too_slow()
    return left


def too_slow() -> FetchError:
    message = _("Der Server hat die Datei nicht innerhalb von %(seconds)s Sekunden geliefert.")
    return FetchError(message % {"seconds": settings.FEED_TIMEOUT_SECONDS})


def connection_error(error: Exception) -> FetchError:
    if isinstance(error, TimeoutError):
        return too_slow()
    return FetchError(_("Die Adresse ist nicht erreichbar (%(error)s).") % {"error": error})


def checked_address(host: str, port: int) -> str:
    """One of the host's addresses, after checking all of them: a name that resolves to a public and a private
    address is refused, since either might be the one connected to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(_("Den Server „%(host)s“ gibt es nicht.") % {"host": host}) from error
    addresses = sorted({info[4][0] for info in infos})
    for address in addresses:
        if not may_connect(ipaddress.ip_address(address.split("%")[0])):
            message = _(
                "„%(host)s“ führt zur internen Adresse %(address)s; abgerufen werden nur öffentlich erreichbare Server."
            )
            raise FetchError(message % {"host": host, "address": address})
    return addresses[0]


def may_connect(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if getattr(address, "ipv4_mapped", None):
        address = address.ipv4_mapped
    if any(address in network for network in settings.FEED_ALLOWED_NETWORKS):
        return True
    return address.is_global and not address.is_multicast


def read_bounded(connection, response, deadline: float) -> bytes:
    limit = settings.IMPORT_MAX_MB * 1024 * 1024
    too_large = FetchError(
        _("Die Datei ist größer als %(limit)s MB; der Abruf wurde abgebrochen.") % {"limit": settings.IMPORT_MAX_MB}
    )
    length = response.getheader("Content-Length", "")
    if length.isdigit() and int(length) > limit:
        raise too_large
    chunks, size = [], 0
    try:
        while not response.isclosed():  # http.client closes it after the announced length
            connection.raw_sock.settimeout(remaining(deadline))  # the whole download, not each read, is bounded
            chunk = response.read1(CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise too_large
            chunks.append(chunk)
    except (OSError, http.client.HTTPException) as error:
        raise connection_error(error) from error
    return b"".join(chunks)
