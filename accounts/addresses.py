"""The client's address: the one function that login lock-outs (django-axes) and every rate limit use.

Behind a reverse proxy every request arrives from the proxy, which appends the address it saw to
X-Forwarded-For. Only hops listed in TRUSTED_PROXIES (env DJANGO_TRUSTED_PROXIES, docs/operations.md) may speak
for someone else, so the header is read from the right, skipping trusted proxies; the first address that is not
one of them is the client. Whatever a client writes into the header itself stays left of that and is never read.
"""

import ipaddress

from django.conf import settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _parse(value: str) -> Address | None:
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def _is_trusted(address: Address) -> bool:
    return any(address in network for network in settings.TRUSTED_PROXIES)


def client_address(request) -> str | None:
    """None only for a request without a peer address (one built in code, such as the test client's login)."""
    peer = _parse(request.META.get("REMOTE_ADDR") or "")
    if peer is None:
        return None
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    client = peer
    for hop in reversed(hops):
        if not _is_trusted(client):
            break
        forwarded = _parse(hop)
        if forwarded is None:  # garbage from a trusted proxy's side: keep the last address we can vouch for
            break
        client = forwarded
    return str(client)
