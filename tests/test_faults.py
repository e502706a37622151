"""Fault injection: kill -9 at several points of ingest, resolution and curation; two ingests
at once on a fresh and on an existing database. Each fault runs the real CLI in a child
process whose code is patched (in that process only) to SIGKILL itself at the chosen point;
afterwards a plain re-run must leave the same store a clean run gives."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from graph.slices.build import build_graph
from graph.store.store import Store

pytestmark = pytest.mark.slow  # ingests in subprocesses that are killed

ROOT = Path(__file__).resolve().parent.parent
STORIES = [
    "Olaf Kessler met Etienne Lavergne in Berlin on Monday. Kessler said Germany and France "
    "would cooperate on defence.",
    "Etienne Lavergne visited Poland on Tuesday. Lavergne met Tomasz Wierzba in Warsaw.",
    "Tomasz Wierzba accused Russia of sabotage. Wierzba spoke in Warsaw after meeting "
    "Olaf Kessler.",
    "Giorgia Ferrante met Olaf Kessler in Rome. Ferrante praised Germany.",
    "Pedro Ibarrola visited Morocco. Ibarrola met King Rachid IV in Rabat.",
    "Ursula von der Brelow met Pedro Ibarrola in Brussels. Von der Brelow praised Spain.",
]


def corpus(tmp_path: Path, n: int = len(STORIES), name: str = "in") -> Path:
    d = tmp_path / name
    d.mkdir(exist_ok=True)
    for i, text in enumerate(STORIES[:n]):
        (d / f"s{i}.txt").write_text(text)
    return d


KILL = "import os, signal\ndef die(*a, **k):\n    os.kill(os.getpid(), signal.SIGKILL)\n"


def run(args: list[str], patch: str = "", check: bool = False) -> subprocess.CompletedProcess:
    """``relgraph ARGS`` in a child process, after ``patch`` (Python run first in that
    process)."""
    code = KILL + textwrap.dedent(patch) + "\nfrom graph.cli.main import main\n" \
        + f"raise SystemExit(main({json.dumps(args)}))\n"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc




def shape(db: Path) -> tuple:
    store = Store(db)
    G = build_graph(store)
    return (store.counts()["articles"],
            sorted((n, d["label"], d["type"], d["mentions"]) for n, d in G.nodes(data=True)),
            sorted((u, v, d["weight"]) for u, v, d in G.edges(data=True)))


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> tuple:
    tmp = tmp_path_factory.mktemp("clean")
    db = tmp / "clean.db"
    run(["ingest", str(corpus(tmp)), "--db", str(db), "-q"], check=True)
    return shape(db)


@pytest.mark.parametrize("point,patch", [
    ("after two of three write batches", """
        import graph.pipeline.writer, graph.store.store
        graph.pipeline.writer.WRITE_BATCH = 2
        calls = []
        real = graph.store.store.Store.save_many
        def save_many(self, items):
            calls.append(1)
            if len(calls) == 3:
                die()
            return real(self, items)
        graph.store.store.Store.save_many = save_many
    """),
    ("between storing and resolving", """
        import graph.store.store
        graph.store.store.Store.resolve = die
    """),
    ("in the middle of writing the actors", """
        import graph.store.store
        real = graph.store.store.Store._redirect
        graph.store.store.Store._redirect = lambda *a, **k: die()
    """),
])
def test_kill_during_ingest_then_rerun_gives_the_clean_store(tmp_path, clean, point, patch):
    db = tmp_path / "k.db"
    src = corpus(tmp_path)
    killed = run(["ingest", str(src), "--db", str(db), "-q"], patch)
    assert killed.returncode == -9, (point, killed.stderr)
    run(["ingest", str(src), "--db", str(db), "-q"], check=True)
    assert shape(db) == clean, point


def test_kill_during_a_decision_leaves_the_store_as_before(tmp_path):
    db = tmp_path / "d.db"
    run(["ingest", str(corpus(tmp_path)), "--db", str(db), "-q"], check=True)
    before = shape(db)
    killed = run(["merge", "Tomasz Wierzba", "--into", "Olaf Kessler", "--db", str(db)], """
        import graph.store.store
        graph.store.store.Store._write_actors = lambda *a, **k: die()
    """)
    assert killed.returncode == -9
    assert shape(db) == before and Store(db).history() == []


#: A patch under which parsing an article that says so kills its worker process.
POISON = """
    import graph.pipeline.workers
    real = graph.pipeline.workers.extract_batch
    def extract_batch(articles, model):
        if any("kills the worker" in a.text for a in articles):
            die()
        return real(articles, model)
    graph.pipeline.workers.extract_batch = extract_batch
"""


def test_killed_worker_process_costs_only_its_article(tmp_path):
    src = corpus(tmp_path, 6)
    for i, text in enumerate(STORIES):  # more articles than one task holds: a real pool
        (src / f"again{i}.txt").write_text(text.replace("Monday", "Friday"))
    (src / "poison.txt").write_text("This article kills the worker that parses it. " * 3)
    db = tmp_path / "w.db"
    proc = run(["ingest", str(src), "--db", str(db), "-q", "--jobs", "2"], POISON)
    assert proc.returncode == 1, proc.stderr
    assert "poison.txt: extraction crashed its worker process twice" in proc.stderr
    assert Store(db).counts()["articles"] == 12 and Store(db).counts()["actors"] > 5


@pytest.mark.parametrize("fresh", [True, False])
def test_two_ingests_at_once(tmp_path, fresh):
    db = tmp_path / "two.db"
    if not fresh:
        first = tmp_path / "first"
        first.mkdir()
        for i, text in enumerate(STORIES[:2]):
            (first / f"earlier{i}.txt").write_text(text.replace("Monday", "Sunday"))
        run(["ingest", str(first), "--db", str(db), "-q"], check=True)
    a, b = tmp_path / "a", tmp_path / "b"
    for d, stories in ((a, STORIES[:3]), (b, STORIES[3:])):
        d.mkdir()
        for i, text in enumerate(stories):
            (d / f"{d.name}{i}.txt").write_text(text)
    code = "from graph.cli.main import main\nraise SystemExit(main({}))\n"
    procs = [subprocess.Popen([sys.executable, "-c", code.format(json.dumps(
        ["ingest", str(d), "--db", str(db), "-q"]))], cwd=ROOT, stderr=subprocess.PIPE,
        text=True) for d in (a, b)]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert all("Traceback" not in e for e in errors)
    store = Store(db)
    assert store.counts()["articles"] == (6 if fresh else 8)
    assert not store.needs_resolution()
    labels = {d["label"] for _, d in build_graph(store).nodes(data=True)}
    assert {"Olaf Kessler", "Pedro Ibarrola", "Tomasz Wierzba"} <= labels
