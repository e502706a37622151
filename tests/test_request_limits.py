"""Request limits of a served dashboard (issue 20, item 6), with real HTTP requests to a real
server process on 127.0.0.1: under Werkzeug's server and under waitress (``relgraph serve``).

* With uploads off, a request body may be at most ``guard.MAX_CALLBACK_BODY``: a larger one is
  answered 413 before it is read, so it cannot fill the server's memory (measured as the server
  process's peak resident memory, ``VmHWM``).
* A request without a ``Host`` header is a 400 (the server would otherwise use its own
  address, which is always allowed).
"""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dashboard.guard import MAX_CALLBACK_BODY

pytestmark = pytest.mark.slow  # server processes over the ingested seed articles

SERVER = """
import sys
from dashboard import create_app
from graph.store.store import Store

db, kind, read_only = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
app = create_app(Store(db), read_only=read_only, uploads_on=not read_only).server
if kind == "waitress":
    from waitress.server import create_server
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    port = server.effective_port
else:
    from werkzeug.serving import make_server
    server = make_server("127.0.0.1", 0, app, threaded=True)
    port = server.server_port
print(port, flush=True)
(server.run if kind == "waitress" else server.serve_forever)()
"""

MB = 1024 * 1024


class Served:
    """A dashboard server in its own process; its peak memory is read from /proc."""

    def __init__(self, db: Path, kind: str, read_only: bool = True) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), kind,
                                      "1" if read_only else "0"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line.strip().isdigit():
            self.proc.kill()
            raise AssertionError("server did not start: " + self.proc.communicate()[1])
        self.port = int(line)
        self.host = f"127.0.0.1:{self.port}"

    def peak_rss(self) -> int:
        """Peak resident memory of the server process so far, in bytes."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        raise AssertionError("no VmHWM in /proc")

    def stop(self) -> str:
        self.proc.terminate()
        return self.proc.communicate(timeout=20)[1]


@pytest.fixture(params=["werkzeug", "waitress"])
def read_only_server(request, seed_db):
    served = Served(seed_db, request.param)
    yield served
    assert "Traceback" not in served.stop()


def exchange(port: int, head: bytes, body_chunks=(), timeout: float = 60) -> bytes:
    """Send a raw request (head, then the body in chunks, as long as the server takes them)
    and return the response's head and body. A server that answers early and closes while
    the body is still being sent ends the sending, not the test."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(head)
        try:
            for chunk in body_chunks:
                s.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        out = b""
        try:
            while b"\r\n\r\n" not in out and (data := s.recv(65536)):
                out += data
            length = re.search(rb"(?im)^content-length: *(\d+)", out)
            while length and len(out.partition(b"\r\n\r\n")[2]) < int(length[1]) and (
                    data := s.recv(65536)):
                out += data
        except ConnectionResetError:
            pass
        return out


def status_of(response: bytes) -> int:
    assert response.startswith(b"HTTP/1."), response[:200]
    return int(response.split(b" ", 2)[1])


def test_a_110_mb_post_to_a_read_only_server_is_413_without_filling_its_memory(
        read_only_server):
    server = read_only_server
    size = 110 * MB
    chunk = b"x" * MB
    exchange(server.port, f"GET /_dash-layout HTTP/1.1\r\nHost: {server.host}\r\n"
                          "Connection: close\r\n\r\n".encode())  # warm up: the page is built
    before = server.peak_rss()
    started = time.monotonic()
    response = exchange(server.port, (
        f"POST /_dash-update-component HTTP/1.1\r\nHost: {server.host}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {size}\r\n\r\n").encode(),
        (chunk for _ in range(size // MB)))
    grew = server.peak_rss() - before
    assert status_of(response) == 413, response[:300]
    assert b"request body too large" in response
    assert grew < 50 * MB, f"server memory grew by {grew / MB:.0f} MB"
    assert time.monotonic() - started < 60


def test_a_chunked_body_past_the_limit_is_413(read_only_server):
    server = read_only_server
    piece = b"[" + b" " * (64 * 1024 - 1)
    chunks = (f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
              for _ in range(2 * MAX_CALLBACK_BODY // len(piece)))
    response = exchange(server.port, (
        f"POST /_dash-update-component HTTP/1.1\r\nHost: {server.host}\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").encode(),
        (*chunks, b"0\r\n\r\n"))
    assert status_of(response) == 413, response[:300]


def test_a_chunked_callback_call_within_the_limit_answers(read_only_server, seed_store):
    from test_serve import GOOD, view_call

    from dashboard import create_app

    server = read_only_server
    body = json.dumps(view_call(create_app(seed_store, read_only=True), GOOD)).encode()
    response = exchange(server.port, (
        f"POST /_dash-update-component HTTP/1.1\r\nHost: {server.host}\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        "Connection: close\r\n\r\n").encode(),
        [f"{len(body[:100]):x}\r\n".encode() + body[:100] + b"\r\n",
         f"{len(body[100:]):x}\r\n".encode() + body[100:] + b"\r\n", b"0\r\n\r\n"])
    assert status_of(response) == 200, response[:300]
    assert b'"response"' in response


def test_a_request_without_a_host_header_is_400(read_only_server):
    server = read_only_server
    bare = exchange(server.port, b"GET /_dash-layout HTTP/1.0\r\n\r\n")
    assert status_of(bare) == 400 and b"no Host header" in bare
    named = exchange(server.port, f"GET /_dash-layout HTTP/1.0\r\nHost: {server.host}\r\n"
                                  "\r\n".encode())
    assert status_of(named) == 200


def test_a_small_callback_call_still_answers(read_only_server):
    """The limit leaves room for what the page sends (a malformed call is still a 400, not a
    413)."""
    server = read_only_server
    body = b'{"output": "nope", "inputs": [], "padding": "' + b" " * (MAX_CALLBACK_BODY // 2) \
        + b'"}'
    response = exchange(server.port, (
        f"POST /_dash-update-component HTTP/1.1\r\nHost: {server.host}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n").encode() + body)
    assert status_of(response) == 400 and b"malformed callback request" in response


def test_with_uploads_on_a_large_upload_body_is_still_read(seed_db, tmp_path):
    """Uploads on keep the upload limit: a 5 MB body passes the size check (then fails as
    a malformed call)."""
    db = tmp_path / "up.db"
    db.write_bytes(Path(seed_db).read_bytes())
    served = Served(db, "werkzeug", read_only=False)
    try:
        body = b'{"output": "nope", "padding": "' + b" " * (5 * MB) + b'"}'
        response = exchange(served.port, (
            f"POST /_dash-update-component HTTP/1.1\r\nHost: {served.host}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n").encode() + body)
        assert status_of(response) == 400
    finally:
        assert "Traceback" not in served.stop()


def test_relgraph_serve_refuses_a_declared_oversized_body_before_it_arrives(seed_db, tmp_path):
    """``relgraph serve`` hands the app's body limit to waitress: a request that declares a
    200 MB body is answered 413 at once, without the server waiting for (and spooling) it."""
    from serve_run import copy_db, free_port

    db = tmp_path / "served.db"
    copy_db(seed_db, db)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", "--read-only",
                             "--port", str(port), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "relgraph dashboard on" in proc.stdout.readline()
        head = (f"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {200 * MB}\r\n\r\n").encode()
        assert status_of(exchange(port, head, timeout=10)) == 413
    finally:
        proc.send_signal(signal.SIGINT)
        err = proc.communicate(timeout=20)[1]
    assert "Traceback" not in err
