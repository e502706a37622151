"""A polite, guarded HTTP fetcher: what every download of the reader stage goes through.

The :class:`Fetcher` sets a clear User-Agent, waits between requests to the same host, times
out, retries with exponential backoff on timeouts and server errors (5xx) only, follows
redirects (without reading their bodies), refuses downloads over a size limit or past a
deadline, bounds what ``Content-Encoding`` inflates (:mod:`graph.readers.codings`) and,
unless made with ``public_only=False``, connects to no local or private address
(:mod:`graph.readers.netguard`). It knows nothing of articles: :mod:`graph.readers.web` reads
what it fetches.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from graph.core.errors import FetchError
from graph.readers.codings import ACCEPT_ENCODING, CodingError, codings, decoded
from graph.readers.netguard import AddressRefused, GuardedBackend, guarded_transport

if TYPE_CHECKING:  # httpx is imported when the first page is fetched (faster start-up)
    import httpx

    from graph.readers.netguard import GuardedBackend

__all__ = ["MAX_BYTES", "USER_AGENT", "FetchError", "Fetcher", "Page"]


def _version() -> str:
    try:
        return version("relgraph")
    except PackageNotFoundError:
        return "0"


USER_AGENT = f"relgraph/{_version()} (news relationship graphs; +https://github.com/relgraph)"
MAX_BYTES = 20 * 1024 * 1024

@dataclass(frozen=True)
class Page:
    """A downloaded resource."""

    url: str  # after redirects
    content_type: str  # media type, lower case, without parameters
    charset: str | None
    data: bytes


class Fetcher:
    """Downloads web resources politely; reuse one for a batch (it keeps the connections and
    the time of the last request to each host).

    ``timeout`` applies to connecting and to each read; ``deadline`` to a whole download:
    connecting, headers, redirects, body and retries, so a server sending a byte a second is
    cut there. ``retries`` more attempts follow a timeout or a 5xx answer, after ``backoff``,
    then twice that, ...; ``delay`` seconds separate requests to the same host. At most
    ``max_redirects`` redirects are followed, and a redirect's body is never read (it could
    be endless or a compression bomb): its connection is closed. ``max_bytes`` bounds what is
    received, :data:`~graph.readers.limits.MAX_INFLATED_BYTES` what
    ``Content-Encoding`` inflates.

    Secure by default: ``public_only`` refuses hosts that resolve to loopback, private,
    link-local, reserved or multicast addresses (see :mod:`graph.readers.netguard`), checked
    on the address each connection uses (redirects included, no second DNS answer), and
    ignores proxy settings from the environment (a proxy would resolve names unchecked).
    Only a user fetching for themselves, as the command line does, passes
    ``public_only=False``.
    """

    def __init__(self, *, timeout: float = 20.0, deadline: float = 120.0, retries: int = 2,
                 backoff: float = 1.0, delay: float = 1.0, max_bytes: int = MAX_BYTES,
                 user_agent: str = USER_AGENT, max_redirects: int = 10,
                 public_only: bool = True,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.timeout, self.deadline, self.retries = timeout, deadline, retries
        self.backoff, self.delay, self.max_bytes = backoff, delay, max_bytes
        self.public_only, self.max_redirects = public_only, max_redirects
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._options: dict[str, Any] = {  # keyword arguments of httpx.Client
            "timeout": timeout, "follow_redirects": False,  # _get follows them
            "trust_env": not public_only,
            "headers": {"User-Agent": user_agent, "Accept-Encoding": ACCEPT_ENCODING,
                        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,"
                                  "application/pdf;q=0.8,*/*;q=0.5"}}
        self._http: httpx.Client | None = None
        self._backend: GuardedBackend | None = None

    @property
    def _client(self) -> httpx.Client:
        if self._http is None:
            import httpx


            self._backend = GuardedBackend(public_only=self.public_only)
            self._http = httpx.Client(transport=guarded_transport(self._backend),
                                      **self._options)
        return self._http

    def close(self) -> None:
        if self._http is not None:
            self._http.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str) -> Page:
        """Download ``url``; raises :class:`FetchError` with a one-line reason."""
        import httpx


        attempts, failure, tried = max(1, self.retries + 1), "", 0
        self._wait(url)
        until = time.monotonic() + self.deadline
        for attempt in range(attempts):
            if attempt:
                pause = self.backoff * 2 ** (attempt - 1)
                if time.monotonic() + pause >= until:
                    break  # no time left for another attempt
                self._sleep(pause)
                self._wait(url)
            tried += 1
            try:
                client = self._client
                assert self._backend is not None
                with self._backend.until(until):
                    return self._get(client, url, until)
            except httpx.TimeoutException:
                if time.monotonic() >= until:
                    raise FetchError(self._overdue()) from None
                failure = f"timed out after {self.timeout:g} s"
            except _ServerError as exc:
                failure = str(exc)
            except AddressRefused as exc:
                raise FetchError(str(exc)) from None
            except (httpx.InvalidURL, httpx.UnsupportedProtocol):
                raise FetchError("not a valid http(s) URL") from None
            except httpx.ConnectError as exc:
                raise FetchError(f"cannot connect ({_reason(exc)})") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"download failed ({_reason(exc)})") from None
            finally:
                self._last[_host(url)] = time.monotonic()
        raise FetchError(failure + (f" ({tried} attempts)" if tried > 1 else ""))

    def _wait(self, url: str) -> None:
        last = self._last.get(_host(url))
        if last is not None:
            pause = last + self.delay - time.monotonic()
            if pause > 0:
                self._sleep(pause)

    def _get(self, client: httpx.Client, url: str, until: float) -> Page:
        """Send the request and follow its redirects here rather than in httpx, which reads
        every redirect's body in full with its own decoders: past the size limit, the
        inflation bound and (for an endless body) the deadline. Each hop goes through the same
        guarded connections and deadline."""
        request = client.build_request("GET", url)
        for _ in range(self.max_redirects + 1):
            response = client.send(request, stream=True)
            try:
                if response.next_request is None:
                    return self._page(response, until)
                request = response.next_request
            finally:
                response.close()  # a redirect's body unread: its connection is dropped
        raise FetchError("too many redirects")

    def _page(self, response: httpx.Response, until: float) -> Page:
        """The final response as a :class:`Page`; the body counted and bounded as it comes."""
        status = response.status_code
        if status >= 400:
            message = f"HTTP {status} {response.reason_phrase}".rstrip()
            if status >= 500:
                raise _ServerError(message)
            raise FetchError(message)
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(self._too_large())
        try:
            names = codings(response.headers.get("content-encoding", ""))
            # received bytes count against max_bytes, inflated ones against the
            # inflation limit, piece by piece (graph.readers.codings)
            data = b"".join(decoded(self._received(response, until), names))
        except CodingError as exc:
            raise FetchError(str(exc)) from None
        media, _, params = response.headers.get("content-type", "").partition(";")
        charset = re.search(r"charset\s*=\s*\"?([\w.:-]+)", params, re.I)
        return Page(str(response.url), media.strip().lower(),
                    charset.group(1) if charset else None, data)

    def _received(self, response: httpx.Response, until: float) -> Iterator[bytes]:
        size = 0
        for chunk in response.iter_raw():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(self._too_large())
            if time.monotonic() > until:
                raise FetchError(self._overdue())
            yield chunk

    def _overdue(self) -> str:
        return f"download took over {self.deadline:g} s"

    def _too_large(self) -> str:
        size = (f"{self.max_bytes / 2**20:g} MB" if self.max_bytes >= 2**20
                else f"{self.max_bytes:,} bytes")
        return f"larger than {size}; not downloaded"


class _ServerError(FetchError):
    """A 5xx answer: the one failure :meth:`Fetcher.fetch` tries again (caught before it can
    leave; were it to, it is a :class:`FetchError` with its one line)."""


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _reason(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
