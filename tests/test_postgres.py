"""The same store on a real PostgreSQL server (set RELGRAPH_TEST_POSTGRES to its URL; .ci/run
starts one). Skipped when no server is given."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pg_helpers import wipe
from seed_cast import label, leaders, namesake, one_article_people

from graph.curation.decisions import find_actor, merge, rename, split, undo
from graph.pipeline.driver import ingest
from graph.slices.build import build_graph
from graph.store.store import StaleViewError, Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

URL = os.environ.get("RELGRAPH_TEST_POSTGRES")
pytestmark = [pytest.mark.skipif(not URL, reason="RELGRAPH_TEST_POSTGRES not set"),
              pytest.mark.slow]  # ingests


@pytest.fixture
def pg_store():
    wipe(URL)
    store = Store(URL)
    yield store
    store.engine.dispose()
    wipe(URL)


def shape(store):
    G = build_graph(store)
    return (sorted((n, d["label"], d["type"], d["mentions"]) for n, d in G.nodes(data=True)),
            sorted((u, v, d["weight"], tuple(d["kinds"])) for u, v, d in G.edges(data=True)))


def test_postgres_gives_the_same_graph_as_sqlite(pg_store, seed_store):
    first = ingest([SEEDS], pg_store, progress=False)
    again = ingest([SEEDS], pg_store, progress=False)
    assert first.new == 5 and again.unchanged == 5 and again.words == 0
    assert pg_store.counts() == seed_store.counts()
    assert pg_store.actor_table() == seed_store.actor_table()
    assert shape(pg_store) == shape(seed_store)
    pair = leaders(build_graph(seed_store))
    assert build_graph(pg_store).edges[pair] == build_graph(seed_store).edges[pair]


def test_decisions_on_postgres_as_on_sqlite(pg_store, tmp_path):
    lite = Store(tmp_path / "same.db")
    for store in (pg_store, lite):
        ingest([SEEDS], store, progress=False)
        G = build_graph(store)
        lead, other = label(G, leaders(G)[0]), namesake(G)
        merge(store, [label(G, other)], lead, "pg")
        split(store, lead, label(G, other), "pg")
        rename(store, lead, f"{lead} (DPRK)", "pg")
        undo(store, "pg")
        assert find_actor(store, label(G, other)).id == other
    assert shape(pg_store) == shape(lite)
    assert [h["action"] for h in pg_store.history()] == [h["action"] for h in lite.history()]
    seen = pg_store.revisions()["actors_rev"]
    G = build_graph(pg_store)
    merge(pg_store, [label(G, one_article_people(G, "002_0899eaed18e29f52")[0])],
          label(G, leaders(G)[0]), "first", base=seen)
    with pytest.raises(StaleViewError):
        rename(pg_store, "Russia", "Russian Federation", "second", base=seen)


def test_two_ingests_at_once_on_postgres(pg_store, tmp_path):
    files = sorted(SEEDS.glob("*.md"))
    halves = [tmp_path / "a", tmp_path / "b"]
    for d, part in zip(halves, (files[:3], files[3:]), strict=True):
        d.mkdir()
        for f in part:
            (d / f.name).write_text(f.read_text())
    code = "from graph.cli.main import main\nraise SystemExit(main({}))\n"
    procs = [subprocess.Popen([sys.executable, "-c", code.format(json.dumps(
        ["ingest", str(d), "--db", URL, "-q"]))], cwd=ROOT, stderr=subprocess.PIPE, text=True)
        for d in halves]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert pg_store.counts()["articles"] == 5 and not pg_store.needs_resolution()
    lite = Store(tmp_path / "lite.db")
    ingest([SEEDS], lite, progress=False)
    assert shape(pg_store) == shape(lite)


def test_event_dates_on_postgres_as_on_sqlite(pg_store, tmp_path):
    from datetime import date

    from dated_events import build_store
    from sqlalchemy import text

    from graph.core.model import GraphSlice
    from graph.slices.events import event_records

    pg, lite = build_store(URL), build_store(tmp_path / "lite.db")
    assert pg.event_rows() == lite.event_rows()
    for sl in (GraphSlice(), GraphSlice(since=date(2023, 1, 1), until=date(2023, 12, 31)),
               GraphSlice(since=date(2024, 3, 1), until=date(2024, 3, 31), kinds=("meet",)),
               GraphSlice(since=date(2022, 1, 1), include_undated=True)):
        assert shape_of(build_graph(pg, sl)) == shape_of(build_graph(lite, sl))
        assert event_records(pg, sl) == event_records(lite, sl)
    with pg.engine.begin() as conn:  # back to schema 2, then upgraded in place
        for column in ("event_date", "event_precision", "event_basis", "event_planned"):
            conn.execute(text(f"ALTER TABLE relations DROP COLUMN {column}"))
        conn.execute(text("ALTER TABLE pair_stats DROP COLUMN day"))
        conn.execute(text("DELETE FROM migrations WHERE version = 3"))
    pg.engine.dispose()
    again = Store(URL)
    assert again.messages and "schema 3" in again.messages[0]
    assert {r["event_date"] for r in again.event_rows()} == {None}
    again.engine.dispose()


def shape_of(G):
    return (sorted((n, d["mentions"]) for n, d in G.nodes(data=True)),
            sorted((u, v, d["weight"], tuple(d["kinds"]), d["first_event"])
                   for u, v, d in G.edges(data=True)))


def test_streamed_ingest_reads_and_sizes_on_postgres(pg_store):
    # the plan's per-window look-ups, stale ids and the store's size, as on SQLite
    ingest([SEEDS], pg_store, progress=False)
    states = pg_store.article_states()
    some = sorted(states)[:3]
    assert pg_store.article_states(some) == {i: states[i] for i in some}
    assert pg_store.stale_ids(next(iter(states.values())).extractor) == []
    assert pg_store.stale_ids("another extractor") == sorted(states)
    assert pg_store.size_bytes() > 0
