"""Per-name totals over the whole corpus (the ``name_totals`` table), kept by the write path.

Ranking the actors of the whole corpus by weighted degree needs, per name, the sentences of the
weight rows (``pair_stats`` rows of kind ``*``) it is a side of, and its mentions. Summing them
at read time took two grouped passes over every weight row (380,000 on the 10,000-article
benchmark store) in every briefing command. Here the sums are kept instead: each write of
aggregate rows (:meth:`graph.store.store.Store.save_many`, an article replaced by a re-ingest
or ``--replace``, a rejection re-aggregating an article) subtracts the rows it deletes and adds
the rows it inserts, in its own transaction, so the totals always equal what a pass over the
rows gives (:func:`recount`; tests compare them after every kind of write).

The write path takes each writer's lock before touching the totals (SQLite: one writer at a
time; PostgreSQL: the revision row, updated first by every writer), so concurrent writers never
lose an increment.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, func, insert, literal, select, union_all, update
from sqlalchemy.engine import Connection

from graph.core.batches import chunked
from graph.store import schema as t
from graph.store.bulk import insert_rows
from graph.store.schema import ALL_KINDS

__all__ = ["Deltas", "add_rows", "apply", "fill", "recount", "subtract_stored"]

#: name id → [mentions, weight] still to add (negative: to take away).
Deltas = dict[int, list[int]]


def add_rows(deltas: Deltas, pair_rows: Iterable[dict], mention_rows: Iterable[dict],
             sign: int = 1) -> None:
    """Add (``sign`` 1) or take away (-1) rows about to be written to ``pair_stats`` and
    ``mention_stats`` (row dicts as :mod:`graph.store.rows` builds them)."""
    for r in pair_rows:
        if r["kind"] == ALL_KINDS:
            for name in (r["a_id"], r["b_id"]):
                deltas.setdefault(name, [0, 0])[1] += sign * r["sentences"]
    for r in mention_rows:
        deltas.setdefault(r["name_id"], [0, 0])[0] += sign * r["count"]


def subtract_stored(conn: Connection, deltas: Deltas, article_ids: list[str],
                    mentions: bool = True) -> None:
    """Take away what the stored rows of ``article_ids`` count (before they are deleted);
    ``mentions`` False: the weight rows only (a re-aggregation keeps the mention rows)."""
    if not article_ids:
        return
    ps, ms = t.pair_stats, t.mention_stats
    mine = ps.c.article_id.in_(article_ids)
    star = ps.c.kind == ALL_KINDS
    for side in (ps.c.a_id, ps.c.b_id):
        for name, n in conn.execute(select(side, func.sum(ps.c.sentences))
                                    .where(mine, star).group_by(side)):
            deltas.setdefault(name, [0, 0])[1] -= int(n)
    if mentions:
        for name, n in conn.execute(select(ms.c.name_id, func.sum(ms.c.count))
                                    .where(ms.c.article_id.in_(article_ids))
                                    .group_by(ms.c.name_id)):
            deltas.setdefault(name, [0, 0])[0] -= int(n)


def apply(conn: Connection, deltas: Deltas) -> None:
    """Add ``deltas`` to the stored totals (one statement each for the names that have a row
    and for the new ones)."""
    changed = {n: d for n, d in deltas.items() if d[0] or d[1]}
    if not changed:
        return
    nt = t.name_totals
    have: set[int] = set()
    ids = sorted(changed)
    for part in chunked(ids):
        have.update(conn.execute(select(nt.c.name_id).where(nt.c.name_id.in_(part))).scalars())
    old = [{"n": n, "dm": changed[n][0], "dw": changed[n][1]} for n in ids if n in have]
    if old:
        conn.execute(update(nt).where(nt.c.name_id == bindparam("n")).values(
            mentions=nt.c.mentions + bindparam("dm"), weight=nt.c.weight + bindparam("dw")),
            old)
    new = [{"name_id": n, "mentions": changed[n][0], "weight": changed[n][1]}
           for n in ids if n not in have]
    insert_rows(conn, nt, new)


def _sums():  # noqa: ANN202
    """Per name: (mentions, weight) summed over the stored rows."""
    ps, ms = t.pair_stats, t.mention_stats
    star = ps.c.kind == ALL_KINDS
    rows = union_all(
        select(ms.c.name_id.label("name"), ms.c.count.label("m"), literal(0).label("w")),
        select(ps.c.a_id, literal(0), ps.c.sentences).where(star),
        select(ps.c.b_id, literal(0), ps.c.sentences).where(star)).subquery()
    return (select(rows.c.name, func.sum(rows.c.m), func.sum(rows.c.w))
            .group_by(rows.c.name))


def fill(conn: Connection) -> int:
    """Compute every name's totals from the stored rows (an upgraded store's); returns the
    number of names."""
    conn.execute(t.name_totals.delete())
    conn.execute(insert(t.name_totals).from_select(["name_id", "mentions", "weight"], _sums()))
    return int(conn.execute(select(func.count()).select_from(t.name_totals)).scalar_one())


def recount(conn: Connection) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int]]]:
    """(kept, counted): the stored totals and the same sums from the rows, per name with a
    non-zero total (the two are equal unless a write path forgot them)."""
    kept = {n: (int(m), int(w)) for n, m, w in conn.execute(
        select(t.name_totals.c.name_id, t.name_totals.c.mentions, t.name_totals.c.weight))
        if m or w}
    counted = {n: (int(m), int(w)) for n, m, w in conn.execute(_sums()) if m or w}
    return kept, counted
