"""A team on one database: the dashboard under gunicorn with several worker processes sees
every ingest and decision on its next request; decisions from several processes at once are
all kept. On SQLite always, on PostgreSQL when RELGRAPH_TEST_POSTGRES is set."""

import json
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pg_helpers import wipe
from seed_cast import label, leaders, namesake, one_article_people
from served_layout import served_props

from graph.pipeline.driver import ingest
from graph.slices.build import build_graph
from graph.store.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PG = os.environ.get("RELGRAPH_TEST_POSTGRES")
pytestmark = pytest.mark.slow


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "team.db")
        return
    if not PG:
        pytest.skip("RELGRAPH_TEST_POSTGRES not set")
    wipe(PG)
    yield PG


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(*args: str) -> subprocess.CompletedProcess:
    code = f"from graph.cli.main import main\nraise SystemExit(main({json.dumps(list(args))}))\n"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def actor_ids(url: str) -> set[str]:
    """The actors offered by the page a worker serves (its focus dropdown)."""
    return {o["value"] for o in served_props(url, "focus").get("options", [])}


def test_gunicorn_workers_see_ingests_and_decisions(db, tmp_path):
    ingest([SEEDS], Store(db), progress=False)
    G = build_graph(Store(db))
    other = namesake(G)  # shares the leader's family name: merged into the leader below
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}",
         f"dashboard:server({db!r})"], cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                before = actor_ids(url)
                break
            except OSError:
                time.sleep(0.3)
        assert other in before
        with ThreadPoolExecutor(6) as pool:  # requests spread over both workers
            assert all(s == before for s in pool.map(lambda _: actor_ids(url), range(6)))
        assert cli("merge", label(G, other), "--into", label(G, leaders(G)[0]), "--db", db,
                   "--user", "ana").returncode == 0
        (tmp_path / "new.txt").write_text("Olaf Kessler visited Pyongyang on Monday.")
        assert cli("ingest", str(tmp_path / "new.txt"), "--db", db, "-q").returncode == 0
        with ThreadPoolExecutor(6) as pool:
            after = list(pool.map(lambda _: actor_ids(url), range(6)))
        assert all(other not in s and "olaf-kessler" in s for s in after)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_decisions_from_several_processes_at_once_are_all_kept(db):
    ingest([SEEDS], Store(db), progress=False)
    G = build_graph(Store(db))
    hidden, renamed = (label(G, p) for p in one_article_people(G, "002_0899eaed18e29f52")[:2])
    given, family = renamed.split()[0], renamed.split()[-1]
    moves = [("hide", hidden), ("hide", label(G, namesake(G))), ("retype", "Hudson Institute",
             "place"), ("rename", renamed, f"{given} K. {family}")]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda m: cli(*m, "--db", db), moves))
    assert [r.returncode for r in results] == [0, 0, 0, 0], [r.stderr for r in results]
    store = Store(db)
    assert len(store.history()) == 4
    labels = {r["label"]: r for r in store.actor_table()}
    assert hidden not in labels and label(G, namesake(G)) not in labels
    assert labels["Hudson Institute"]["type"] == "place"
    assert labels[f"{given} K. {family}"]["id"] == next(n for n in G
                                                         if G.nodes[n]["label"] == renamed)
