"""Run ``relgraph serve`` as a user does: a real process on a free 127.0.0.1 port, the page
and its layout requested, then Ctrl+C (SIGINT); and copy a live database for it to serve."""

from __future__ import annotations

import contextlib
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Served:
    out: str
    err: str
    code: int
    layout: bytes
    stop_seconds: float


def serve_once(*args: str, cwd: Path = ROOT, extra_requests: tuple = ()) -> Served:
    """Start ``relgraph serve ARGS``, wait for ``/`` to answer 200, fetch ``/_dash-layout``
    (and ``extra_requests``: (path, headers) pairs, answers ignored), then stop it with
    SIGINT."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", "--port", str(port),
                             *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    base, layout = f"http://127.0.0.1:{port}", b""
    try:
        deadline = time.time() + 120
        while time.time() < deadline and proc.poll() is None:
            try:
                assert urllib.request.urlopen(base + "/", timeout=5).status == 200
                layout = urllib.request.urlopen(base + "/_dash-layout", timeout=60).read()
                break
            except OSError:
                time.sleep(0.3)
        for path, headers in extra_requests:
            with contextlib.suppress(OSError):  # a refusal (400) is an answer too
                urllib.request.urlopen(urllib.request.Request(base + path, headers=headers),
                                       timeout=30).read()
    finally:
        started = time.time()
        proc.send_signal(signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
    assert layout, f"the dashboard did not answer: {out}{err}"
    return Served(out, err, proc.returncode, layout, time.time() - started)


def copy_db(src: Path, dest: Path) -> None:
    """A consistent copy of a live database (its WAL included), in WAL mode, closed cleanly
    (no -wal or -shm file beside it)."""
    with sqlite3.connect(src) as a, sqlite3.connect(dest) as b:
        a.backup(b)
        assert b.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
    a.close()
    b.close()
    assert not Path(f"{dest}-wal").exists()
