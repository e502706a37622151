"""Bulk inserts (graph/store/bulk.py): rows sent to the driver as plain parameters are stored
exactly as SQLAlchemy's own INSERT stores them: the whole store after new articles, a
replacement, a rejection and its undo equals the store written the old way; dates, booleans,
NULLs and awkward text read back as written, on SQLite and (when RELGRAPH_TEST_POSTGRES is set)
on PostgreSQL; batches the fast path cannot take still go through SQLAlchemy."""

from __future__ import annotations

import os
import random
from dataclasses import replace
from datetime import date

import pytest
from pg_helpers import wipe
from sqlalchemy import insert, select, text
from synthetic_store import cast, extraction

from graph.core.model import EventDate
from graph.store import bulk
from graph.store import schema as t
from graph.store.rows import PER_ARTICLE, article_table_rows
from graph.store.store import Store

PG = os.environ.get("RELGRAPH_TEST_POSTGRES")
TABLES = (
    "articles",
    "sentences",
    "names",
    "mentions",
    "relations",
    "acronyms",
    "mention_stats",
    "pair_stats",
    "name_totals",
    "actors",
    "actor_names",
    "meta",
)


def old_insert(conn, table, rows):
    """The write path before bulk.py: SQLAlchemy's executemany of the row dicts."""
    if rows:
        conn.execute(insert(table), list(rows))


def dated(i, people, rng):
    """A synthetic article whose typed relations carry event dates (some planned, some not)."""
    ex = extraction(i, people, rng)
    rels = [
        replace(r, when=EventDate(f"2024-0{1 + k % 9}", "month", "explicit", k % 2 == 0))
        if r.directed
        else r
        for k, r in enumerate(ex.relations)
    ]
    art = replace(ex.article, title=f'It\'s 100% "quoted" — {i}', author="Ngozi Adeyemi")
    return replace(ex, article=art, relations=rels, aliases=[("NPA", "National Port Agency")])


def write_history(store: Store) -> None:
    """New articles, a re-ingest with other text, a rejection and its undo."""
    people = cast(60)
    rng = random.Random(7)
    store.save_many([(dated(i, people, rng), f"h{i}", "syn") for i in range(12)])
    store.resolve()
    store.save_many([(dated(i, people, rng), f"again{i}", "syn") for i in (2, 5)])
    store.resolve()
    with store.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT s.text, a.name, b.name, r.kind FROM relations r JOIN sentences s ON "
                "s.article_id = r.article_id AND s.idx = r.sentence JOIN names a ON a.id = "
                "r.source_id JOIN names b ON b.id = r.target_id WHERE r.article_id = 'syn-3' "
                "AND r.directed ORDER BY r.id LIMIT 1"
            )
        ).one()
    did, _ = store.decide("reject", {"article": "syn-3", "rows": [list(row)]}, "reject", "t")
    store.decide("undo", {"decision": did}, "undo", "t")
    store.decide("reject", {"article": "syn-3", "rows": [list(row)]}, "reject", "t")


def dump(store: Store) -> dict:
    with store.engine.connect() as conn:
        return {
            name: sorted(map(tuple, conn.execute(select(t.metadata.tables[name]))), key=repr)
            for name in TABLES
        }


@pytest.mark.parametrize(
    "db",
    [
        "sqlite",
        pytest.param(
            "postgresql", marks=pytest.mark.skipif(not PG, reason="RELGRAPH_TEST_POSTGRES not set")
        ),
    ],
)
def test_the_store_after_writes_equals_the_store_written_the_old_way(tmp_path, monkeypatch, db):
    def written(name: str) -> dict:
        if db == "sqlite":
            return dump_after_history(Store(tmp_path / f"{name}.db"))
        wipe(PG)
        try:
            return dump_after_history(Store(PG))
        finally:
            wipe(PG)

    got = written("fast")
    monkeypatch.setattr("graph.store.store.insert_rows", old_insert)
    monkeypatch.setattr("graph.store.totals.insert_rows", old_insert)
    want = written("slow")
    assert want["relations"] and any(r[-1] for r in want["relations"])  # planned events
    assert any(r[9] for r in want["relations"])  # a rejected relation
    assert got == want


def dump_after_history(store: Store) -> dict:
    write_history(store)
    out = dump(store)
    store.engine.dispose()
    return out


def test_every_per_article_table_takes_the_fast_path(tmp_path):
    store = Store(tmp_path / "plans.db")
    ex = dated(1, cast(30), random.Random(1))
    rows: dict = {table: [] for table in PER_ARTICLE}
    ids = {
        s: k for k, s in enumerate({m.name for m in ex.mentions} | {m.text for m in ex.mentions})
    }
    article_table_rows(rows, ex, ids, {})
    for table, batch in rows.items():
        assert batch, table.name
        assert bulk._plan(store.engine.dialect, table, tuple(batch[0])) is not None, table.name


def stores(tmp_path):
    yield Store(tmp_path / "types.db")
    if PG:
        wipe(PG)
        yield Store(PG)


ARTICLES = [
    {
        "id": "a1",
        "seq": 1,
        "title": "50% off; 'quotes' and \"doubles\" %(x)s ?",
        "source": "",
        "url": "",
        "author": "Trần Thị Mai",
        "date": date(2023, 9, 13),
        "words": 3,
        "text": "Lee Min-jun met Olusegun Bamidele.",
        "text_hash": "h",
        "origin": "o",
        "location": "",
        "hash": "x",
        "extractor": "e",
        "written": 4,
    },
    {
        "id": "a2",
        "seq": 2,
        "title": "",
        "source": "Wire",
        "url": "u",
        "author": "",
        "date": None,
        "words": 0,
        "text": "",
        "text_hash": "",
        "origin": "",
        "location": "l",
        "hash": "y",
        "extractor": "",
        "written": 5,
    },
]


def test_rows_read_back_as_written_on_each_database(tmp_path):
    for store in stores(tmp_path):
        rel = {
            "article_id": "a1",
            "sentence": 0,
            "source_id": 1,
            "target_id": 2,
            "kind": "meet",
            "polarity": "cooperative",
            "directed": True,
            "trigger": "met",
            "rejected": None,
            "event_date": "2023-09",
            "event_precision": "month",
            "event_basis": "explicit",
            "event_planned": False,
        }
        rels = [
            rel,
            {**rel, "directed": False, "event_planned": True, "rejected": 7, "event_date": None},
        ]
        with store.engine.begin() as conn:
            bulk.insert_rows(conn, t.articles, ARTICLES)
            bulk.insert_rows(
                conn,
                t.names,
                [
                    {"id": 1, "name": "Lee Min-jun", "key": "k1"},
                    {"id": 2, "name": "Olusegun Bamidele", "key": ""},
                ],
            )
            bulk.insert_rows(conn, t.relations, rels)
        with store.engine.connect() as conn:
            got = [
                dict(r._mapping)
                for r in conn.execute(select(t.articles).order_by(t.articles.c.seq))
            ]
            back = [
                dict(r._mapping)
                for r in conn.execute(select(t.relations).order_by(t.relations.c.id))
            ]
        assert got == ARTICLES, store.url
        assert [{k: v for k, v in r.items() if k != "id"} for r in back] == rels
        assert isinstance(back[0]["directed"], bool)
        store.engine.dispose()
    if PG:
        wipe(PG)


def test_rows_the_fast_path_cannot_take_go_through_sqlalchemy(tmp_path):
    store = Store(tmp_path / "fallback.db")
    short = {k: v for k, v in ARTICLES[0].items() if k not in ("title", "words")}  # defaults
    other = {**ARTICLES[1]}
    with store.engine.begin() as conn:
        bulk.insert_rows(conn, t.articles, [short])
        bulk.insert_rows(conn, t.articles, [ARTICLES[1] | {"id": "b", "seq": 3}, other])
        with pytest.raises(Exception, match="UNIQUE|unique"):  # the same error as before
            bulk.insert_rows(conn, t.articles, [other])
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(t.articles.c.id, t.articles.c.title, t.articles.c.words).order_by(
                t.articles.c.seq
            )
        ).all()
    assert [tuple(r) for r in rows] == [("a1", "", 0), ("a2", "", 0), ("b", "", 0)]
