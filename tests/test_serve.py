"""`relgraph serve` as a user runs it: a real server process on 127.0.0.1."""

import socket
import subprocess
import sys
import time
import urllib.request

from graph.store import Store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_on_a_fresh_directory_ingests_the_seeds_and_binds_localhost(tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from graph.cli import main; main()", "serve", "--port",
         str(port)], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, body = time.time() + 60, ""
        while time.time() < deadline and proc.poll() is None:
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.3)
        assert b"relgraph" in body, "dashboard did not answer"
        listening = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True,
                                   text=True).stdout
        if listening:  # iproute2 present: the socket is bound to loopback only
            local = {line.split()[3] for line in listening.splitlines()}
            assert local == {f"127.0.0.1:{port}"}
    finally:
        proc.terminate()
        out = proc.communicate(timeout=10)[0]
    assert "ingesting the bundled seed articles" in out
    assert "Debug mode: on" not in out
    assert Store(tmp_path / "relgraph.db").counts()["articles"] == 5


def test_serve_with_an_empty_explicit_db_is_a_clear_error(tmp_path, capsys):
    from graph.cli import main

    code = main(["serve", "--db", str(tmp_path / "empty.db")])
    assert code == 2 and "holds no articles" in capsys.readouterr().err
