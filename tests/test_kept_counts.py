"""Kept row counts (graph/store/counters.py): ``Store.counts()`` reads the figures the write path
keeps, and they equal COUNT(*) over the rows after new articles, a re-ingest with other text,
an emptied article, a batch naming one article twice, an undated article, a rejection and its
undo, on a store written before the counts were kept, and on PostgreSQL when
RELGRAPH_TEST_POSTGRES is set."""

from __future__ import annotations

import os
import random
from dataclasses import replace

import pytest
from pg_helpers import wipe
from sqlalchemy import text
from synthetic_store import cast, extraction

from graph.store.store import Store

PG = os.environ.get("RELGRAPH_TEST_POSTGRES")
SQL = {
    "articles": "SELECT count(*) FROM articles",
    "words": "SELECT coalesce(sum(words), 0) FROM articles",
    "undated": "SELECT count(*) FROM articles WHERE date IS NULL",
    "sentences": "SELECT count(*) FROM sentences",
    "mentions": "SELECT count(*) FROM mentions",
    "relations": "SELECT count(*) FROM relations",
    "typed_relations": "SELECT count(*) FROM relations WHERE directed",
}


def assert_exact(store: Store) -> None:
    got = store.counts()
    with store.engine.connect() as conn:
        want = {k: conn.execute(text(q)).scalar_one() for k, q in SQL.items()}
        kept = dict(
            conn.execute(text("SELECT key, value FROM meta WHERE key LIKE 'count:%'")).all()
        )
    assert len(kept) == len(SQL)  # read from the kept rows, not counted
    assert {k: got[k] for k in SQL} == want


def article(i, people, rng, **changes):
    ex = extraction(i, people, rng)
    return replace(ex, article=replace(ex.article, **changes))


def history(store: Store) -> None:
    people = cast(50)
    rng = random.Random(11)
    store.save_many([(article(i, people, rng), f"n{i}", "s") for i in range(10)])
    store.resolve()
    assert_exact(store)
    again = [article(i, people, rng, date=None) for i in (1, 4)]  # other text, now undated
    empty = replace(article(6, people, rng), mentions=[], relations=[], sentences=[])
    store.save_many([(ex, f"r{ex.article.id}", "s") for ex in [*again, empty]])
    assert_exact(store)
    twice = [article(20, people, rng), article(20, people, rng)]  # the last one wins
    store.save_many([(ex, "t", "s") for ex in twice])
    store.resolve()
    assert_exact(store)
    with store.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT s.text, a.name, b.name, r.kind FROM relations r JOIN sentences s ON "
                "s.article_id = r.article_id AND s.idx = r.sentence JOIN names a ON a.id = "
                "r.source_id JOIN names b ON b.id = r.target_id WHERE r.article_id = 'syn-2' "
                "AND r.directed ORDER BY r.id LIMIT 1"
            )
        ).one()
    did, _ = store.decide("reject", {"article": "syn-2", "rows": [list(row)]}, "reject", "t")
    assert_exact(store)
    store.decide("undo", {"decision": did}, "undo", "t")
    assert_exact(store)


def test_kept_counts_equal_the_rows_after_every_kind_of_write(tmp_path):
    history(Store(tmp_path / "counts.db"))


@pytest.mark.skipif(not PG, reason="RELGRAPH_TEST_POSTGRES not set")
def test_kept_counts_on_postgres():
    wipe(PG)
    store = Store(PG)
    try:
        history(store)
    finally:
        store.engine.dispose()
        wipe(PG)


def test_a_store_without_kept_counts_counts_then_keeps_them(tmp_path):
    store = Store(tmp_path / "old.db")
    people = cast(30)
    rng = random.Random(2)
    store.save_many([(article(i, people, rng), f"o{i}", "s") for i in range(6)])
    before = store.counts()
    with store.engine.begin() as conn:  # as a store written before the counts were kept
        conn.execute(text("DELETE FROM meta WHERE key LIKE 'count:%'"))
    assert store.counts() == before  # counted from the rows
    store.save_many([(article(i, people, rng), f"p{i}", "s") for i in (3, 8)])
    assert_exact(store)


def test_counts_are_read_not_counted(tmp_path):
    store = Store(tmp_path / "read.db")
    store.save_many([(article(0, cast(20), random.Random(4)), "x", "s")])
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value = '123456' WHERE key = 'count:mentions'"))
    assert store.counts()["mentions"] == 123456
