"""Bulk reads for graphs: the store's aggregates streamed into NumPy arrays.

:class:`ArrayReads` is part of :class:`graph.store.store.Store` (through
:class:`graph.store.reads.Reads`); :class:`graph.slices.corpus.Corpus` is its only user.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import case, literal, select
from sqlalchemy.engine import Engine

from graph.core.batches import chunked
from graph.store import schema as t

if TYPE_CHECKING:  # NumPy is imported by the queries that build arrays (faster start-up)
    import numpy as np

__all__ = ["ArrayReads"]


class ArrayReads:
    """Aggregates as arrays, and what maps them to actors."""

    engine: Engine

    # -- aggregates for graphs -------------------------------------------------------------
    def graph_articles(self, since_written: int = 0) -> list[dict]:
        """Articles written after revision ``since_written`` (all by default): metadata, seq
        and the revision they were written at."""
        a = t.articles.c
        q = select(a.id, a.seq, a.title, a.source, a.url, a.author, a.date, a.words,
                   a.written).where(a.written > since_written)
        with self.engine.connect() as conn:
            return [{**r._asdict(), "date": r.date.isoformat() if r.date else None}
                    for r in conn.execute(q)]

    def actor_map(self) -> tuple[list[tuple[str, str, str]], dict[int, str]]:
        """Visible actors ``(id, label, type)`` sorted by id, and name id → actor id."""
        with self.engine.connect() as conn:
            rows = [tuple(r) for r in conn.execute(
                select(t.actors.c.id, t.actors.c.label, t.actors.c.type)
                .where(t.actors.c.hidden.is_(False)).order_by(t.actors.c.id))]
            mapping = dict(conn.execute(select(t.actor_names.c.name_id,
                                               t.actor_names.c.actor_id)).all())
        return rows, mapping

    def mention_arrays(self, seqs: list[int] | None = None) -> dict[str, np.ndarray]:
        """Mention aggregates as arrays ``seq, name, text, count`` (articles ``seqs``, or
        all)."""
        ms, ar = t.mention_stats, t.articles
        q = select(ar.c.seq, ms.c.name_id, ms.c.text_id, ms.c.count).join(
            ar, ar.c.id == ms.c.article_id)
        return _arrays(self.engine, q, ar.c.seq, seqs, ("seq", "name", "text", "count"))

    def pair_arrays(self, seqs: list[int] | None = None) -> tuple[dict[str, np.ndarray],
                                                                  list[str], list[str]]:
        """Pair aggregates as arrays ``seq, a, b, kind, way, polarity, sentences, cooc, day``
        (kind and polarity as indexes into the returned lists, mapped in SQL; ``day`` the
        event day of a typed row, 0 for its article's date)."""
        ps, ar = t.pair_stats, t.articles
        with self.engine.connect() as conn:
            kinds = sorted(conn.execute(select(ps.c.kind).distinct()).scalars())
            polarities = sorted(conn.execute(select(ps.c.polarity).distinct()).scalars())
        q = select(ar.c.seq, ps.c.a_id, ps.c.b_id, _index(ps.c.kind, kinds), ps.c.way,
                   _index(ps.c.polarity, polarities), ps.c.sentences, ps.c.cooc, ps.c.day).join(
            ar, ar.c.id == ps.c.article_id)
        out = _arrays(self.engine, q, ar.c.seq, seqs,
                      ("seq", "a", "b", "kind", "way", "polarity", "sentences", "cooc", "day"))
        return out, kinds, polarities

    def texts(self, ids: Iterable[int]) -> dict[int, str]:
        """Interned names and surface texts by id."""
        ids = list(ids)
        out: dict[int, str] = {}
        with self.engine.connect() as conn:
            for part in chunked(ids, 900):
                out.update(conn.execute(select(t.names.c.id, t.names.c.name).where(
                    t.names.c.id.in_(part))).all())
        return out


def _index(column, values: list[str]):  # noqa: ANN001, ANN202
    """SQL for the position of ``column``'s value in ``values`` (strings become integers in
    the database, not row by row in Python)."""
    if not values:
        return literal(0)
    return case({v: i for i, v in enumerate(values)}, value=column, else_=0)


def _arrays(engine: Engine, q, seq_col, seqs: list[int] | None,  # noqa: ANN001
            fields: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Run ``q`` (all-integer columns; optionally restricted to article ``seqs``) into one
    int64 array per field. Rows are fetched in blocks straight from the database driver into
    NumPy, so memory stays near the arrays' own size and no Python object is made per row."""
    import numpy as np

    width = len(fields)
    parts: list[np.ndarray] = []
    chunks = [None] if seqs is None else list(chunked(seqs, 900))
    with engine.connect() as conn:
        for chunk in chunks:
            if chunk is not None and not chunk:
                continue
            sql = q if chunk is None else q.where(seq_col.in_(chunk))
            compiled = sql.compile(conn, compile_kwargs={"literal_binds": True})
            raw = conn.connection.dbapi_connection
            assert raw is not None  # a connection in use has its driver connection
            # PostgreSQL: a server-side (named) cursor, so rows stream instead of arriving
            # all at once
            cursor = raw.cursor(name="relgraph_arrays") if conn.dialect.name == (
                "postgresql") else raw.cursor()
            try:
                cursor.execute(str(compiled))
                while block := cursor.fetchmany(100_000):
                    flat = np.fromiter(itertools.chain.from_iterable(block), dtype=np.int64,
                                       count=len(block) * width)
                    parts.append(flat.reshape(-1, width))
            finally:
                cursor.close()
    data = np.concatenate(parts) if parts else np.zeros((0, width), dtype=np.int64)
    return {f: np.ascontiguousarray(data[:, i]) for i, f in enumerate(fields)}
