"""Which addresses a server may fetch for its users, and connections that keep to them.

:func:`is_public` is the address policy: loopback, private, shared (carrier NAT), link-local,
site-local, reserved, multicast and unspecified addresses are refused; IPv6 addresses that
carry an IPv4 address (IPv4-mapped ``::ffff:0:0/96``, NAT64 ``64:ff9b::/96`` and the local-use
``64:ff9b:1::/48`` in its /96 form, 6to4 ``2002::/16``, Teredo ``2001::/32``, server and
client) are judged by the IPv4 addresses they embed, since that is where a translator or relay
delivers them.

:class:`GuardedBackend` is the connection layer under httpx (an httpcore network backend). With
``public_only`` it resolves a host name once per connection, checks every address the name
resolves to, and connects to a checked address, never to the name: a second DNS answer (DNS
rebinding) cannot move the connection elsewhere. TLS SNI and the ``Host`` header keep the name
(httpcore passes them separately). Every redirect opens its connection through the same
check. It also holds each download to its deadline: every connect, TLS handshake, read and
write waits at most until the deadline set with :meth:`GuardedBackend.until`.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network
from typing import TYPE_CHECKING, Any

import httpcore

from graph.core.errors import RelgraphError

if TYPE_CHECKING:
    import ssl

    import httpx

__all__ = ["AddressRefused", "GuardedBackend", "embedded_ipv4", "guarded_transport",
           "is_public"]

_NAT64 = IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = IPv6Network("64:ff9b:1::/48")
_SHARED = IPv4Network("100.64.0.0/10")  # carrier-grade NAT (RFC 6598)


class AddressRefused(RelgraphError):
    """A host that resolves to an address a server must not fetch for its users; the message
    is the one line to show (``refused: HOST is a local or private address``)."""


def embedded_ipv4(address: IPv6Address) -> tuple[IPv4Address, ...] | None:
    """The IPv4 addresses an IPv6 address carries (mapped, NAT64, 6to4, Teredo), or ``None``
    for an address that carries none."""
    if address.ipv4_mapped is not None:
        return (address.ipv4_mapped,)
    packed = address.packed
    if address in _NAT64:
        return (IPv4Address(packed[12:]),)
    if address in _NAT64_LOCAL:
        # The local-use prefix may be used as /48, /56, /64 or /96 (RFC 6052 section 2.2).
        # With bits 48-95 zero the only routable reading is the /96 one (the others give
        # 0.0.0.x); any other address could embed a local one somewhere: judged as 0.0.0.0.
        return (IPv4Address(packed[12:] if packed[6:12] == bytes(6) else 0),)
    if address.sixtofour is not None:
        return (address.sixtofour,)
    if address.teredo is not None:
        return address.teredo  # (server, client)
    return None


def is_public(address: IPv4Address | IPv6Address) -> bool:
    """Whether a server may connect to ``address`` for a user: a globally routed unicast
    address, judged for IPv6 with an embedded IPv4 address by that IPv4 address."""
    if isinstance(address, IPv6Address):
        embedded = embedded_ipv4(address)
        if embedded is not None:
            return all(is_public(a) for a in embedded)
        if address.is_site_local:
            return False
    elif address in _SHARED:
        return False
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_private
        or address.is_loopback or address.is_link_local or address.is_unspecified)


def _address(text: str) -> IPv4Address | IPv6Address:
    return ipaddress.ip_address(text.split("%", 1)[0])  # without an IPv6 scope (fe80::1%eth0)


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's synchronous backend with the address check (``public_only``) and a
    per-download deadline; one per :class:`~graph.readers.fetcher.Fetcher`."""

    def __init__(self, *, public_only: bool) -> None:
        self.public_only = public_only
        self._sync = httpcore.SyncBackend()
        self._local = threading.local()  # the deadline of the download this thread runs

    @contextlib.contextmanager
    def until(self, deadline: float) -> Iterator[None]:
        """Inside this block every network wait of this thread ends by ``deadline``
        (a :func:`time.monotonic` value)."""
        self._local.deadline = deadline
        try:
            yield
        finally:
            self._local.deadline = None

    def clip(self, timeout: float | None, error: type[Exception]) -> float | None:
        """``timeout`` shortened to the time left before the deadline; ``error`` (an httpcore
        timeout) once it has passed."""
        deadline = getattr(self._local, "deadline", None)
        if deadline is None:
            return timeout
        left = deadline - time.monotonic()
        if left <= 0:
            raise error("the download deadline has passed")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        if not self.public_only:
            return _Stream(self._sync.connect_tcp(
                host, port, self.clip(timeout, httpcore.ConnectTimeout), local_address,
                socket_options), self)
        failure: Exception | None = None
        for address in self._checked(host, port):
            try:  # a literal address: no second lookup
                return _Stream(self._sync.connect_tcp(
                    address, port, self.clip(timeout, httpcore.ConnectTimeout),
                    local_address, socket_options), self)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc  # the next address, as socket.create_connection does
        assert failure is not None  # _checked returns at least one address
        raise failure

    def _checked(self, host: str, port: int) -> list[str]:
        """The addresses ``host`` resolves to, once, all of them public (else refused)."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not addresses:
            raise httpcore.ConnectError(f"{host} has no address")
        for text in addresses:
            if not is_public(_address(text)):
                raise AddressRefused(f"refused: {host} is a local or private address")
        return addresses

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None,
                            ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("no Unix sockets")  # the Fetcher never asks for one

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _Stream(httpcore.NetworkStream):
    """A connection whose waits end by its backend's deadline."""

    def __init__(self, stream: httpcore.NetworkStream, backend: GuardedBackend) -> None:
        self._stream, self._backend = stream, backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._backend.clip(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._backend.clip(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _Stream(self._stream.start_tls(
            ssl_context, server_hostname, self._backend.clip(timeout, httpcore.ConnectTimeout)),
            self._backend)

    def get_extra_info(self, info: str) -> Any:  # noqa: ANN401 — httpcore's interface
        return self._stream.get_extra_info(info)


def guarded_transport(backend: GuardedBackend) -> httpx.HTTPTransport:
    """An httpx transport whose connections go through ``backend``.

    httpx (0.28/0.29) takes no network backend (encode/httpx pull request 3749 adds one), so
    the transport's connection pool is replaced by one made with the backend: the same pool
    httpx makes by default (certificate checks, keep-alive), only the sockets differ."""
    import httpx

    transport = httpx.HTTPTransport(trust_env=False)
    if not hasattr(transport, "_pool"):  # pragma: no cover — a future httpx
        raise RuntimeError("this httpx version keeps no connection pool to replace")
    transport._pool = httpcore.ConnectionPool(  # noqa: SLF001
        ssl_context=httpx.create_ssl_context(), max_connections=100,
        max_keepalive_connections=20, keepalive_expiry=5.0,  # httpx's default limits
        network_backend=backend)
    return transport
