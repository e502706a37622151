"""Ingest on Dask: a LocalCluster and a real scheduler with workers as separate processes give
the graph the default path gives; a worker killed mid-run does not stop the ingest."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from graph.pipeline.driver import ingest
from graph.slices.build import build_graph
from graph.store.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
pytestmark = pytest.mark.slow


def corpus(tmp_path: Path, copies: int) -> Path:
    """The seeds, ``copies`` times under new ids (paragraphs rotated)."""
    out = tmp_path / "corpus.jsonl"
    from graph.readers.articles import read_paths

    seeds = [a for a in read_paths([SEEDS]) if hasattr(a, "text")]
    with out.open("w") as f:
        for i in range(copies * len(seeds)):
            a = seeds[i % len(seeds)]
            paras = a.text.split("\n\n")
            k = (i // len(seeds)) % len(paras)
            f.write(json.dumps({"id": f"{a.id}-{i}", "title": a.title, "date": str(a.date),
                                "text": "\n\n".join(paras[k:] + paras[:k])}) + "\n")
    return out


def shape(store: Store) -> tuple:
    G = build_graph(store)
    return (store.counts()["articles"],
            sorted((n, d["label"], d["type"], d["mentions"]) for n, d in G.nodes(data=True)),
            sorted((u, v, d["weight"], tuple(d["kinds"])) for u, v, d in G.edges(data=True)))


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dask")
    src = corpus(tmp, 4)
    store = Store(tmp / "default.db")
    ingest([src], store, progress=False)
    return src, shape(store)


def test_local_cluster_gives_the_default_graph(expected, tmp_path):
    src, want = expected
    store = Store(tmp_path / "local.db")
    s = ingest([src], store, progress=False, dask="local", jobs=2)
    assert s.new == 20 and s.failed == 0
    assert shape(store) == want


@pytest.fixture
def cluster(tmp_path):
    """A real `dask scheduler` and two `dask worker` processes on 127.0.0.1."""
    info = tmp_path / "scheduler.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    dask = [sys.executable, "-m", "dask"]
    procs = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--no-dashboard", "--scheduler-file", str(info)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)]
    deadline = time.time() + 60
    while not info.exists() and time.time() < deadline:
        time.sleep(0.2)
    address = json.loads(info.read_text())["address"]
    for _ in range(2):
        procs.append(subprocess.Popen(
            [*dask, "worker", address, "--nthreads", "1", "--nworkers", "1", "--host",
             "127.0.0.1", "--no-dashboard"], env=env, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True))
    from dask.distributed import Client

    with Client(address) as client:
        client.wait_for_workers(2, timeout=60)
    yield address, procs
    for p in procs:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()


def test_scheduler_and_worker_processes_give_the_default_graph_even_when_one_dies(
        expected, cluster, tmp_path):
    src, want = expected
    address, procs = cluster
    db = tmp_path / "remote.db"
    store = Store(db)
    done: dict = {}
    run = threading.Thread(target=lambda: done.setdefault(
        "summary", ingest([src], Store(db), progress=False, dask=address)))
    run.start()
    deadline = time.time() + 120
    while store.counts()["articles"] == 0 and time.time() < deadline and run.is_alive():
        time.sleep(0.05)
    at_kill = store.counts()["articles"]
    os.killpg(procs[1].pid, signal.SIGKILL)  # a worker (and its nanny) dies mid-run
    run.join(timeout=300)
    s = done["summary"]
    assert 0 < at_kill < 20, at_kill  # killed mid-run
    assert s.failed == 0 and s.new == 20, s.errors
    assert shape(store) == want


#: A patch under which a worker that was not forked from the client (a new interpreter, which
#: would load the model again) fails every task.
FORKED = """
    import graph.extraction.nlp
    graph.extraction.nlp.CLIENT_MARK = True
    inner = graph.pipeline.workers.extract_batch
    def extract_batch(articles, model):
        import graph.extraction.nlp
        if not getattr(graph.extraction.nlp, "CLIENT_MARK", False):
            raise RuntimeError("this worker was not forked from the client")
        return inner(articles, model)
    graph.pipeline.workers.extract_batch = extract_batch
"""


def test_local_cluster_skips_an_article_that_kills_its_worker(tmp_path):
    """The local cluster's workers are forked from the client: a worker killed by an article is
    replaced, the article is reported and skipped, every other article is stored."""
    from test_faults import POISON, STORIES, run

    src = tmp_path / "in"
    src.mkdir()
    for i, text in enumerate(STORIES * 2):  # more articles than one batch holds
        (src / f"s{i}.txt").write_text(text.replace("Monday", f"day {i}"))
    (src / "poison.txt").write_text("This article kills the worker that parses it. " * 3)
    db = tmp_path / "d.db"
    proc = run(["ingest", str(src), "--db", str(db), "-q", "--dask", "local", "--jobs", "2"],
               POISON + FORKED)
    assert proc.returncode == 1, proc.stderr
    assert "poison.txt: extraction killed its Dask worker repeatedly" in proc.stderr
    assert "not forked" not in proc.stderr  # replaced workers are forked too
    assert Store(db).counts()["articles"] == 12 and Store(db).counts()["actors"] > 5
