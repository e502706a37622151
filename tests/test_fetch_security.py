"""What the fetcher will not do for a server's users (issue 20: items 1, 2a, 3, 4, 6), against
real HTTP servers on 127.0.0.1: fetch local or private addresses (whatever the entry point,
redirects and a second DNS answer included), inflate a hostile ``Content-Encoding`` without
bound, or let a slow server run past the download deadline. Nothing here leaves the machine:
where a test needs a "public" host, name resolution and ``connect()`` are replaced and every
connection attempt is recorded."""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address
from pathlib import Path

import pytest
from documents import split
from local_site import OTHER, STORY, Site, page

from graph.core.errors import FetchError
from graph.pipeline.driver import ingest
from graph.readers import netguard
from graph.readers.articles import read_bytes
from graph.readers.fetcher import Fetcher
from graph.readers.limits import INFLATED_TOO_LARGE
from graph.store.store import Store

ROOT = Path(__file__).resolve().parent.parent
SECRET = ("The harbour board of Vellmar approved the confidential dredging budget on Friday. "
          "Quillan Tarve said the board would meet the port of Osterby in March.")
PUBLIC = "93.184.216.34"  # a global address; no connection to it ever leaves this machine
MIB = 1024 * 1024


@pytest.fixture
def site():
    s = Site()
    s.html("/admin/secret", page("Internal", SECRET))
    s.html("/news/talks.html", page("Ministers meet in Oslo", STORY))
    s.start()
    yield s
    s.stop()


@pytest.fixture
def connections(monkeypatch):
    """Every address a socket connects to, in order; connections to :data:`PUBLIC` or to
    169.254.169.254 are refused here instead of being attempted."""
    seen: list[str] = []
    real = socket.socket.connect

    def connect(sock: socket.socket, address: tuple) -> None:
        seen.append(address[0])
        if address[0] in (PUBLIC, "169.254.169.254"):
            raise ConnectionRefusedError(111, "Connection refused")
        return real(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return seen


def requested(site: Site, path: str) -> bool:
    return any(p == path for p, _, _ in site.log)


# ---- 1. secure by default, whatever the entry point ----------------------------------------

def hostile_feed(site: Site) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Rates</title><link>{site.url('/admin/secret')}</link>
<description>{OTHER}</description></item>
<item><title>Talks</title><link>http://169.254.169.254/latest/meta-data/</link>
<description>{STORY}</description></item>
</channel></rss>""".encode()


def test_an_uploaded_feed_does_not_make_the_server_fetch_its_own_network(site, connections):
    # read_bytes is what the dashboard's uploads read with: no fetcher given, so the default
    articles, errors, warnings, _ = split(read_bytes("feed.rss", hostile_feed(site)))
    assert not requested(site, "/admin/secret") and connections == []
    assert errors == [] and [a.text for a in articles] == [OTHER, STORY]
    assert warnings == [
        "feed.rss[1]: the linked page was not read: refused: 127.0.0.1 is a local or private "
        "address; the feed's own text is used",
        "feed.rss[2]: the linked page was not read: refused: 169.254.169.254 is a local or "
        "private address; the feed's own text is used"]


@pytest.mark.slow
def test_ingesting_an_uploaded_feed_file_stores_nothing_from_the_local_network(site, tmp_path,
                                                                               connections):
    # the upload job's path: ingest() of the saved files with no read options
    (tmp_path / "feed.rss").write_bytes(hostile_feed(site))
    store = Store(tmp_path / "u.db")
    lines: list[str] = []
    summary = ingest([tmp_path / "feed.rss"], store, progress=False, on_error=lines.append)
    assert not requested(site, "/admin/secret") and connections == []
    assert summary.new == 2 and summary.failed == 0
    texts = [store.article_text(a["id"]) for a in store.articles()]
    assert sorted(texts) == sorted([OTHER, STORY]) and not any("Vellmar" in t for t in texts)
    assert sum("refused:" in line for line in lines) == 2


def test_an_uploaded_feed_naming_a_file_on_the_server_is_not_read_from_disk(tmp_path):
    # feedparser opens bytes that name a file; an upload's bytes are data, never a path
    private = tmp_path / "private.rss"
    private.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
                       f"<item><title>Budget</title><description>{SECRET}</description></item>"
                       "</channel></rss>")
    articles, errors, _, _ = split(read_bytes("feed.rss", str(private).encode()))
    assert articles == [] and len(errors) == 1
    assert errors[0].startswith("feed.rss: not an RSS or Atom feed (XML ")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]", "127.1",
                                  "0.0.0.0", "[::1]"])
def test_a_default_fetcher_refuses_local_hosts_in_one_line(site, host):
    port = site.base.rsplit(":", 1)[1]
    shown = host.strip("[]")
    with Fetcher(delay=0, retries=0, timeout=2) as f, \
            pytest.raises(FetchError) as caught:
        f.fetch(f"http://{host}:{port}/admin/secret")
    assert str(caught.value) in (f"refused: {shown} is a local or private address",
                                 # "[::1]" where this machine has no IPv6 loopback
                                 "cannot connect ([Errno -9] Address family for hostname "
                                 "not supported)")
    assert not requested(site, "/admin/secret")


class _Redirector:
    """A server on 127.0.0.2 (the stand-in for a public site) answering every request with a
    redirect to ``target``."""

    def __init__(self, target: str) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                self.send_response(302)
                self.send_header("Location", target)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.2", 0), Handler)
        self.url = f"http://127.0.0.2:{self.server.server_address[1]}/go"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_redirect_to_a_local_address_is_refused(site, monkeypatch):
    policy = netguard.is_public
    monkeypatch.setattr(netguard, "is_public",
                        lambda a: str(a) == "127.0.0.2" or policy(a))  # 127.0.0.2 "public"
    redirector = _Redirector(site.url("/admin/secret"))
    try:
        with Fetcher(delay=0, retries=0, timeout=2) as f, pytest.raises(FetchError) as caught:
            f.fetch(redirector.url)
    finally:
        redirector.stop()
    assert str(caught.value) == "refused: 127.0.0.1 is a local or private address"
    assert not requested(site, "/admin/secret")


# ---- 2. DNS rebinding: one resolution per connection, checked, then used --------------------

def fake_dns(monkeypatch, answers: list[list[str]]) -> list[str]:
    """``rebind.example`` resolves to the next list in ``answers`` (the last one repeats);
    returns the log of lookups of that name."""
    real = socket.getaddrinfo
    lookups: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):  # noqa: ANN001, ANN202
        if host != "rebind.example":
            return real(host, port, *args, **kwargs)
        lookups.append(host)
        ips = answers[min(len(lookups), len(answers)) - 1]
        return [(socket.AF_INET6 if ":" in ip else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                 (ip, port)) for ip in ips]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return lookups


def test_a_second_dns_answer_cannot_send_the_request_to_a_local_address(site, monkeypatch,
                                                                       connections):
    lookups = fake_dns(monkeypatch, [[PUBLIC], ["127.0.0.1"]])
    port = site.base.rsplit(":", 1)[1]
    with Fetcher(delay=0, retries=0, timeout=2, public_only=True) as f, \
            pytest.raises(FetchError) as caught:
        f.fetch(f"http://rebind.example:{port}/admin/secret")
    assert not requested(site, "/admin/secret") and "127.0.0.1" not in connections
    assert connections == [PUBLIC] and len(lookups) == 1  # the checked address, not the name
    assert str(caught.value) == "cannot connect ([Errno 111] Connection refused)"


def test_every_address_a_name_resolves_to_is_checked(site, monkeypatch, connections):
    fake_dns(monkeypatch, [[PUBLIC, "127.0.0.1"]])
    port = site.base.rsplit(":", 1)[1]
    with Fetcher(delay=0, retries=0, timeout=2, public_only=True) as f, \
            pytest.raises(FetchError) as caught:
        f.fetch(f"http://rebind.example:{port}/admin/secret")
    assert str(caught.value) == "refused: rebind.example is a local or private address"
    assert connections == [] and not requested(site, "/admin/secret")


# ---- 3. address policy -----------------------------------------------------------------------

def teredo(server: str, client: str) -> str:
    """A Teredo address (2001::/32) for ``server`` and ``client`` (stored inverted)."""
    s, c = int(ip_address(server)), int(ip_address(client)) ^ 0xFFFFFFFF
    return str(ip_address((0x20010000 << 96) | (s << 64) | c))


@pytest.mark.parametrize("address", [
    "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808",
    "64:ff9b:1::808:808", "2002:808:808::1", teredo("8.8.8.8", "1.1.1.1")])
def test_public_addresses_are_allowed(address):
    assert netguard.is_public(ip_address(address))


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "192.0.2.1",
    "::1", "::", "fe80::1", "fc00::1", "fec0::1", "ff02::1", "ff0e::1", "2001:db8::1",
    "::7f00:1",  # IPv4-compatible (deprecated)
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
    "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::a00:1",  # NAT64
    "64:ff9b:1::a00:1", "64:ff9b:1:7f00:1::808:808",  # local-use NAT64: /96, /48 forms
    "2002:7f00:1::1", "2002:a9fe:a9fe::", "2002:c0a8:101::",  # 6to4
    teredo("8.8.8.8", "127.0.0.1"), teredo("10.0.0.1", "8.8.8.8"),  # Teredo
])
def test_local_private_and_embedded_local_addresses_are_refused(address):
    assert not netguard.is_public(ip_address(address))


# ---- 4. one deadline for the whole download ----------------------------------------------

class RawServer:
    """A raw socket server on 127.0.0.1 answering each connection in a thread with
    ``_answer(conn)`` (subclasses): for answers no HTTP server library would send."""

    def __init__(self, path: str = "/") -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}{path}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        self.sock.close()


class Trickle(RawServer):
    """A raw socket server on 127.0.0.1 sending ``head`` one byte every ``pause`` seconds, then
    ``body`` at once (or the reverse with ``slow_body``)."""

    def __init__(self, head: bytes, body: bytes, pause: float, slow_body: bool = False) -> None:
        self.head, self.body, self.pause, self.slow_body = head, body, pause, slow_body
        super().__init__()

    def _answer(self, conn: socket.socket) -> None:
        slow, fast = (self.body, self.head) if self.slow_body else (self.head, self.body)
        try:
            conn.recv(65536)
            if self.slow_body:
                conn.sendall(fast)
            for i in range(len(slow)):
                conn.sendall(slow[i:i + 1])
                time.sleep(self.pause)
            if not self.slow_body:
                conn.sendall(fast)
        except OSError:
            pass  # the client gave up
        finally:
            conn.close()



def trickle_head(body: bytes) -> bytes:
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"X-Padding: " + b"a" * 40 + b"\r\nContent-Length: " + str(len(body)).encode()
            + b"\r\n\r\n")


@pytest.mark.parametrize("slow_body", [False, True], ids=["slow headers", "slow body"])
@pytest.mark.slow
def test_a_server_trickling_bytes_is_cut_at_the_deadline(slow_body):
    body = page("Bank raises rates", OTHER)
    server = Trickle(trickle_head(body), body[:120] if slow_body else body, 0.1,
                     slow_body=slow_body)
    try:
        with Fetcher(public_only=False, delay=0, timeout=5, deadline=1.5) as f:
            started = time.monotonic()
            with pytest.raises(FetchError) as caught:
                f.fetch(server.url)
            took = time.monotonic() - started
    finally:
        server.stop()
    assert str(caught.value) == "download took over 1.5 s"
    assert 1.4 < took < 2.5


@pytest.mark.slow
def test_the_deadline_covers_a_chain_of_redirects(site):
    for n in range(5):
        site.routes[f"/hop{n}"] = _slow_redirect(f"/hop{n + 1}", 0.4)
    site.html("/hop5", page("Bank raises rates", OTHER))
    with Fetcher(public_only=False, delay=0, timeout=5, deadline=1.0) as f, \
            pytest.raises(FetchError, match=r"^download took over 1 s$"):
        f.fetch(site.url("/hop0"))
    assert not requested(site, "/hop5")


def _slow_redirect(to: str, seconds: float):  # noqa: ANN202
    def route():  # noqa: ANN202
        time.sleep(seconds)
        return 302, {"Location": to}, b""
    return route


# ---- 5. HTTP decompression bombs ---------------------------------------------------------

def gzip_of_zeros(size: int) -> bytes:
    """A gzip stream of ``size`` zero bytes (a multiple of 1 MiB) without holding them: one
    MiB is compressed after a full flush, which resets the window, so its block repeats."""
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = z.compress(bytes(MIB)) + z.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size // MIB):
        crc = zlib.crc32(bytes(MIB), crc)
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + block * (size // MIB) + z.flush()
            + crc.to_bytes(4, "little") + (size % 2**32).to_bytes(4, "little"))


@pytest.fixture(scope="module")
def bombs():
    s = Site()
    inner = gzip_of_zeros(1024 * MIB)  # 1 GiB of zeros in about 1 MB
    double = gzip.compress(inner, 9)
    assert 1_000 < len(double) < 10_000
    s.routes["/bomb"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"},
                         double)
    s.routes["/deflate-bomb"] = (200, {"Content-Type": "text/html",
                                       "Content-Encoding": "deflate"},
                                 zlib.compress(bytes(60 * MIB), 9))
    s.routes["/raw-deflate-bomb"] = (200, {"Content-Type": "text/html",
                                           "Content-Encoding": "deflate"},
                                     zlib.compress(bytes(60 * MIB), 9)[2:-4])
    story = page("Bank raises rates", OTHER)
    s.routes["/gzipped"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"},
                            gzip.compress(story))
    s.routes["/twice"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"},
                          gzip.compress(gzip.compress(story)))
    s.routes["/deflated"] = (200, {"Content-Type": "text/html", "Content-Encoding": "deflate"},
                             zlib.compress(story))
    # a redirect whose own body is the bomb: the redirect must be followed, its body unread
    s.routes["/redirect-bomb"] = (302, {"Location": "/gzipped", "Content-Type": "text/html",
                                        "Content-Encoding": "gzip, gzip"},
                                  gzip.compress(gzip_of_zeros(300 * MIB), 9))
    s.routes["/brotli"] = (200, {"Content-Type": "text/html", "Content-Encoding": "br"}, story)
    s.routes["/broken"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"},
                           b"not gzip at all")
    s.start()
    yield s
    s.stop()


MEASURE = r"""
import json, resource, sys
from graph.core.errors import FetchError
from graph.readers.fetcher import Fetcher
with Fetcher(public_only=False, delay=0, retries=0, timeout=30) as f:
    f.fetch(sys.argv[2])  # imports and the connection are not what is measured
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        message = f"fetched {len(f.fetch(sys.argv[1]).data):,} bytes"
    except FetchError as exc:
        message = str(exc)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"message": message, "growth_mb": (after - before) / 1024}))
"""


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, 4 * 2**30))  # a broken build fails


def test_a_stacked_gzip_bomb_is_refused_with_bounded_memory(bombs):
    run = subprocess.run([sys.executable, "-c", MEASURE, bombs.url("/bomb"),
                          bombs.url("/gzipped")], capture_output=True, text=True, timeout=300,
                         cwd=ROOT, preexec_fn=_limit_memory)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    assert result["message"] == INFLATED_TOO_LARGE
    assert result["growth_mb"] < 100, result


def test_a_redirect_whose_body_is_a_bomb_is_followed_without_reading_it(bombs):
    # httpx read each redirect's body in full with its own decoders, past the inflation bound:
    # this 302 of under 1 KB took the fetching process up by 313 MB
    run = subprocess.run([sys.executable, "-c", MEASURE, bombs.url("/redirect-bomb"),
                          bombs.url("/gzipped")], capture_output=True, text=True, timeout=300,
                         cwd=ROOT, preexec_fn=_limit_memory)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    assert result["message"] == f"fetched {len(page('Bank raises rates', OTHER)):,} bytes"
    assert result["growth_mb"] < 100, result


class EndlessRedirect(RawServer):
    """A raw socket server on 127.0.0.1: ``/end`` is a page; anything else a 302 to ``/end``
    whose body never ends (64 KiB every 10 ms until the client hangs up)."""

    def __init__(self) -> None:
        self.sent = 0
        super().__init__("/go")

    def _answer(self, conn: socket.socket) -> None:
        try:
            if conn.recv(65536).startswith(b"GET /end "):
                body = page("Bank raises rates", OTHER)
                conn.sendall(trickle_head(body) + body)
                return
            conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: /end\r\nConnection: close\r\n\r\n")
            while True:
                conn.sendall(bytes(65536))
                self.sent += 65536
                time.sleep(0.01)
        except OSError:
            pass  # the client hung up
        finally:
            conn.close()



def test_a_redirect_with_an_endless_body_is_followed_at_once():
    server = EndlessRedirect()
    try:
        with Fetcher(public_only=False, delay=0, retries=0, timeout=5, deadline=3) as f:
            started = time.monotonic()
            got = f.fetch(server.url)
            took = time.monotonic() - started
    finally:
        server.stop()
    assert got.data == page("Bank raises rates", OTHER) and got.url.endswith("/end")
    assert took < 1.5 and server.sent < 4 * MIB


def test_redirect_chains_are_followed_up_to_the_limit(site):
    for n in range(12):
        site.routes[f"/hop{n}"] = (302, {"Location": f"/hop{n + 1}"}, b"")
    site.html("/hop12", page("Bank raises rates", OTHER))
    with Fetcher(public_only=False, delay=0, retries=0, max_redirects=12) as f:
        got = f.fetch(site.url("/hop0"))
    assert got.url == site.url("/hop12") and got.data == page("Bank raises rates", OTHER)
    site.log.clear()
    with Fetcher(public_only=False, delay=0, retries=0, max_redirects=11) as f, \
            pytest.raises(FetchError, match=r"^too many redirects$"):
        f.fetch(site.url("/hop0"))
    assert [p for p, _, _ in site.log] == [f"/hop{n}" for n in range(12)]  # 11 redirects


@pytest.mark.parametrize("path,message", [
    ("/deflate-bomb", INFLATED_TOO_LARGE), ("/raw-deflate-bomb", INFLATED_TOO_LARGE),
    ("/brotli", "unsupported content encoding 'br'"),
    ("/broken", "damaged gzip content (Error -3 while decompressing data: incorrect header "
                "check)")])
def test_hostile_encodings_are_one_line(bombs, path, message):
    with Fetcher(public_only=False, delay=0, retries=0) as f, pytest.raises(FetchError) as caught:
        f.fetch(bombs.url(path))
    assert str(caught.value) == message


@pytest.mark.parametrize("path", ["/gzipped", "/twice", "/deflated"])
def test_compressed_pages_are_read(bombs, path):
    with Fetcher(public_only=False, delay=0, retries=0) as f:
        got = f.fetch(bombs.url(path))
    assert got.data == page("Bank raises rates", OTHER)


def test_the_fetcher_asks_only_for_codings_it_can_bound(site):
    seen = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            seen["accept"] = self.headers.get("Accept-Encoding")
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with Fetcher(public_only=False, delay=0) as f:
            f.fetch(f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
    assert seen["accept"] == "gzip, deflate"
