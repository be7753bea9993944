"""Which addresses the fetcher may reach, checked when each connection is opened.

A feed or a redirect must not be able to point the fetcher at internal services (a router's admin
page, a cloud metadata endpoint, a database on localhost). The check is done on the resolved
addresses, inside the connection itself, so that every redirect hop is checked and a name that
resolves differently the second time (DNS rebinding) cannot slip past: the socket connects to the
very address that was checked.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
ALLOWED_SCHEMES = ("http", "https")


class FetchError(Exception):
    """A URL that cannot be fetched; `retryable` when a later try may succeed; `status` if the server said."""

    def __init__(self, reason: str, retryable: bool = False, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.status = status


class AddressRefused(FetchError):
    """A URL whose scheme or address the user did not allow."""


def check_scheme(url: str) -> None:
    """Only web pages: never file:, ftp:, data: or anything else a feed may name."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise AddressRefused(f"only http and https URLs are fetched, not {parts.scheme or 'relative'}: URLs")
    if not parts.hostname:
        raise AddressRefused("the URL names no host")


def refusal_reason(address: IPAddress) -> str | None:
    """Why an address is off limits (loopback, private, ...), or None if it is a public one."""
    # An IPv4 address wrapped in IPv6 (::ffff:127.0.0.1, 2002:7f00:1::) reaches that IPv4 host.
    if isinstance(address, ipaddress.IPv6Address):
        address = address.ipv4_mapped or address.sixtofour or address
    for reason, flagged in (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        # Shared (carrier NAT) and other special ranges Python marks as not globally reachable.
        ("non-public", not address.is_global),
    ):
        if flagged:
            return reason
    return None


def named_address(host: str) -> str | None:
    """The address a host name stands for by itself: an IP literal or a localhost name (RFC 6761).

    A fully qualified spelling ("LOCALHOST.", "127.0.0.1.") means the same host, though the system's
    resolver may not know it, so it is read here rather than left to fail as an unknown name.
    """
    name = host.rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return "127.0.0.1"
    try:
        return str(ipaddress.ip_address(name))
    except ValueError:
        return None


def resolve(host: str, port: int) -> list[str]:
    """The host's addresses, as connecting to it would find them."""
    named = named_address(host)
    if named:
        return [named]
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise httpcore.ConnectError(f"cannot resolve {host} ({error})") from error
    return list(dict.fromkeys(str(info[4][0]) for info in found))


def check_addresses(host: str, addresses: Iterable[str]) -> None:
    """Refuse the host if any of its addresses is off limits (one bad address is enough to aim at)."""
    for text in addresses:
        reason = refusal_reason(ipaddress.ip_address(text.split("%", 1)[0]))
        if reason:
            named = text if text == host else f"{host} ({text})"
            raise AddressRefused(f"{named} is a {reason} address: refused (pass --allow-private to allow it)")


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to checked addresses."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve(host, port)
        if not self.allow_private:
            check_addresses(host, addresses)
        error: Exception = httpcore.ConnectError(f"{host} has no address")
        for address in addresses:  # as socket.create_connection does, but on the checked addresses only
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as failed:
                error = failed
        raise error
