"""`relgraph serve` as a user runs it: a real server process on 127.0.0.1."""

import http.client
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from seed_cast import label, leaders

from graph.store.store import Store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_on_a_fresh_directory_ingests_the_seeds_and_binds_localhost(tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from graph.cli.main import main; main()", "serve", "--port",
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
    from graph.cli.main import main

    code = main(["serve", "--db", str(tmp_path / "empty.db")])
    assert code == 2 and "holds no articles" in capsys.readouterr().err


def start_serve(db, *extra) -> tuple[subprocess.Popen, int]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from graph.cli.main import main; main()", "serve", "--db", str(db),
         "--port", str(port), *extra], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-layout", timeout=2)
            return proc, port
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise AssertionError("server did not start: " + proc.communicate(timeout=10)[0])


def status_with_host(port: int, host: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", "/_dash-layout", headers={"Host": host})
        return conn.getresponse().status
    finally:
        conn.close()


@pytest.mark.slow
def test_foreign_host_headers_are_refused(seed_db):
    """DNS rebinding: a page on attacker.example resolving to 127.0.0.1 must not read data."""
    proc, port = start_serve(seed_db, "--allow-host", "briefing.example")
    try:
        for good in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}",
                     "briefing.example", f"briefing.example:{port}"):
            assert status_with_host(port, good) == 200, good
        for bad in (f"attacker.example:{port}", "attacker.example", f"127.0.0.1.nip.io:{port}",
                    "", f"localhost.attacker.example:{port}"):
            assert status_with_host(port, bad) == 400, bad
    finally:
        proc.terminate()
        out = proc.communicate(timeout=10)[0]
    assert "Traceback" not in out


@pytest.fixture(scope="module")
def client(seed_store):
    from dashboard import create_app

    app = create_app(seed_store)
    return app, app.server.test_client()


def view_call(app, values: list) -> dict:
    """The JSON body Dash's front end posts for the main view callback."""
    from dashboard.filters import CONTROLS

    output = next(k for k in app.callback_map if "graph.elements" in k)
    inputs = [{"id": i, "property": p, "value": v}
              for (i, p), v in zip(CONTROLS.values(), values, strict=True)]
    inputs.append({"id": "data-revision", "property": "data", "value": 0})
    state = []
    outputs = [{"id": o.split(".")[0], "property": o.split(".")[1]}
               for o in output.strip(".").split("...")]
    return {"output": output, "outputs": outputs, "inputs": inputs, "state": state,
            "changedPropIds": ["articles.value"]}


GOOD = [[], "2023-09-11", None, ["on"], ["person", "country"], [], 1, [], 60, None, 1, None,
        None, "preset", "mentions", "type", [], [], []]


@pytest.mark.slow
def test_a_valid_view_call_answers(client, seed_graph):
    G = seed_graph
    app, c = client
    r = c.post("/_dash-update-component", json=view_call(app, GOOD),
               headers={"Host": "127.0.0.1:8050"})
    assert r.status_code == 200 and label(G, leaders(G)[0]).encode() in r.data


@pytest.mark.parametrize("index,value", [(0, "003_05abb57fa2a955b5"), (8, "sixty"),
                                         (14, "bogus"), (1, [1]), (1, "yesterday"),
                                         (4, ["robot"]), (10, 7), (13, "<script>"), (6, True),
                                         (9, ["x"]), (15, "rainbow")])
@pytest.mark.slow
def test_values_no_control_can_produce_are_400(client, index, value):
    app, c = client
    values = list(GOOD)
    values[index] = value
    r = c.post("/_dash-update-component", json=view_call(app, values),
               headers={"Host": "127.0.0.1:8050"})
    assert r.status_code == 400 and b"invalid value" in r.data


@pytest.mark.parametrize("body", [None, [], {"output": "nope"}, {"output": "x", "inputs": 3}])
@pytest.mark.slow
def test_malformed_callback_bodies_are_400(client, body):
    app, c = client
    if isinstance(body, dict) and body.get("output") == "x":
        body = {**body, "output": next(iter(app.callback_map))}
    r = c.post("/_dash-update-component", json=body, headers={"Host": "127.0.0.1:8050"})
    assert r.status_code == 400
