"""Row counts of the largest tables, kept in ``meta`` by the write path for ``relgraph stats``.

Counting articles, sentences, mentions and relations with COUNT(*) reads every row: 6.7 million
at 100,000 articles, over a second per ``relgraph stats``. Instead
:meth:`graph.store.store.Store.save_many` adds, in its own transaction, what its batch writes
and takes away what the articles it replaces held (relation rows re-aggregated after a
rejection or an undo keep their number), so reading the counts is a few ``meta`` rows whatever
the store's size. A store written before the counts were kept has no such rows: reading then
counts as before, and the first write counts once and keeps the result from then on.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import BigInteger, String, case, cast, func, insert, select, update
from sqlalchemy.engine import Connection

from graph.core.batches import chunked
from graph.store import schema as t

__all__ = ["KEPT", "add", "batch_counts", "count_rows", "count_stored", "ensure", "kept"]

#: The kept figures (keys of :meth:`graph.store.reads.Reads.counts`).
KEPT = ("articles", "words", "undated", "sentences", "mentions", "relations", "typed_relations")
_PREFIX = "count:"


def count_rows(conn: Connection) -> dict[str, int]:
    """The kept figures counted from every row (what they must always equal)."""
    one = conn.execute
    ar, rel = t.articles, t.relations
    return {
        "articles": one(select(func.count()).select_from(ar)).scalar_one(),
        "words": one(select(func.coalesce(func.sum(ar.c.words), 0))).scalar_one(),
        "undated": one(select(func.count()).where(ar.c.date.is_(None))).scalar_one(),
        "sentences": one(select(func.count()).select_from(t.sentences)).scalar_one(),
        "mentions": one(select(func.count()).select_from(t.mentions)).scalar_one(),
        "relations": one(select(func.count()).select_from(rel)).scalar_one(),
        "typed_relations": one(select(func.count()).where(rel.c.directed.is_(True))).scalar_one(),
    }


def kept(conn: Connection) -> dict[str, int] | None:
    """The kept figures, or None on a store written before they were kept."""
    rows = dict(
        conn.execute(
            select(t.meta.c.key, t.meta.c.value).where(
                t.meta.c.key.in_([_PREFIX + k for k in KEPT])
            )
        ).all()
    )
    if len(rows) < len(KEPT):
        return None
    return {k: int(rows[_PREFIX + k]) for k in KEPT}


def ensure(conn: Connection) -> None:
    """Start keeping the figures (counted once) if this store does not yet; call in a write
    transaction before it changes any row."""
    if kept(conn) is None:
        conn.execute(t.meta.delete().where(t.meta.c.key.in_([_PREFIX + k for k in KEPT])))
        conn.execute(
            insert(t.meta),
            [{"key": _PREFIX + k, "value": str(int(v))} for k, v in count_rows(conn).items()],
        )


def count_stored(conn: Connection, out: dict[str, int], article_ids: Sequence[str]) -> None:
    """Add to ``out`` what the stored rows of ``article_ids`` count (before they are
    replaced)."""
    ar, rel = t.articles, t.relations
    for part in chunked(list(article_ids)):
        n, words, undated = conn.execute(
            select(
                func.count(),
                func.coalesce(func.sum(ar.c.words), 0),
                func.coalesce(func.sum(case((ar.c.date.is_(None), 1), else_=0)), 0),
            ).where(ar.c.id.in_(part))
        ).one()
        out["articles"] += int(n)
        out["words"] += int(words)
        out["undated"] += int(undated)
        for key, table in (
            ("sentences", t.sentences),
            ("mentions", t.mentions),
            ("relations", rel),
        ):
            out[key] += conn.execute(
                select(func.count()).where(table.c.article_id.in_(part))
            ).scalar_one()
        out["typed_relations"] += conn.execute(
            select(func.count()).where(rel.c.article_id.in_(part), rel.c.directed.is_(True))
        ).scalar_one()


def batch_counts(articles: Sequence[dict], rows: dict) -> dict[str, int]:
    """What a batch about to be written counts: ``articles`` the article rows (new or
    updated), ``rows`` table → row dicts as :mod:`graph.store.rows` builds them."""
    relations = rows[t.relations]
    return {
        "articles": len(articles),
        "words": sum(a["words"] for a in articles),
        "undated": sum(a["date"] is None for a in articles),
        "sentences": len(rows[t.sentences]),
        "mentions": len(rows[t.mentions]),
        "relations": len(relations),
        "typed_relations": sum(bool(r["directed"]) for r in relations),
    }


def add(conn: Connection, plus: dict[str, int], minus: dict[str, int]) -> None:
    """Add ``plus`` and take away ``minus`` from the kept figures (after :func:`ensure`)."""
    for key in KEPT:
        delta = plus[key] - minus[key]
        if delta:
            conn.execute(
                update(t.meta)
                .where(t.meta.c.key == _PREFIX + key)
                .values(value=cast(cast(t.meta.c.value, BigInteger) + delta, String))
            )
