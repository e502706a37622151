"""Reading the evidence in the store: the sentences behind an actor and behind a link, an
actor's neighbours and a pair's weight over the corpus, and an article's standing relations.

:class:`EvidenceReads` is part of :class:`graph.store.store.Store` (through
:class:`graph.store.reads.Reads`): what the evidence panels, the briefing packs and rejections
read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from sqlalchemy import ColumnElement, FromClause, Select, func, or_, select
from sqlalchemy.engine import Connection, Engine

from graph.store import schema as t

__all__ = ["EvidenceReads"]

#: :meth:`EvidenceReads.pair_sentences` of at most this many actor pairs reads their names' pairs
#: only (when they have at most ``MAX_NAME_PAIRS``, ordered both ways).
FEW_PAIRS, MAX_NAME_PAIRS = 50, 200


def _name_pairs(conn: Connection, pairs: set[tuple[str, str]]) -> list[tuple[int, int]]:
    """Every (source name, target name) of the actor ``pairs``, both ways."""
    an = t.actor_names.c
    actors = sorted({x for p in pairs for x in p})
    names: dict[str, list[int]] = defaultdict(list)
    for name, actor in conn.execute(select(an.name_id, an.actor_id).where(an.actor_id.in_(actors))):
        names[actor].append(name)
    return sorted(
        {(x, y) for a, b in pairs for x in names[a] for y in names[b]}
        | {(y, x) for a, b in pairs for x in names[a] for y in names[b]}
    )


def _standing_relations(
    columns: Iterable[ColumnElement], ends: Iterable[tuple[FromClause, FromClause, str]]
) -> Select:
    """``columns`` of the standing (not rejected) relations with their sentence: the one
    query shape of :meth:`EvidenceReads.pair_sentences` and :meth:`EvidenceReads.relation_rows`.
    Each of ``ends`` is a table's alias for the source and one for the target, joined on its
    column named ``key`` (``id`` of names, ``name_id`` of actor names)."""
    r, s = t.relations, t.sentences
    q = select(*columns)
    for src, tgt, key in ends:
        q = q.join(src, src.c[key] == r.c.source_id).join(tgt, tgt.c[key] == r.c.target_id)
    q = q.join(s, (s.c.article_id == r.c.article_id) & (s.c.idx == r.c.sentence))
    return q.where(r.c.rejected.is_(None))


class EvidenceReads:
    """Sentences and relations behind actors and links (``actor_map`` comes from
    :class:`graph.store.arrays.ArrayReads`)."""

    engine: Engine
    actor_map: Callable[[], tuple[list[tuple[str, str, str]], dict[int, str]]]

    def mention_sentences(self, actor_id: str) -> list[tuple]:
        """``(article id, sentence, start, end, sentence start, sentence text)`` for every
        mention of an actor."""
        m, s, an = t.mentions, t.sentences, t.actor_names
        q = (
            select(m.c.article_id, m.c.sentence, m.c.start, m.c.end, s.c.start, s.c.text)
            .join(an, an.c.name_id == m.c.name_id)
            .join(s, (s.c.article_id == m.c.article_id) & (s.c.idx == m.c.sentence))
            .where(an.c.actor_id == actor_id)
        )
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(q)]

    def pair_sentences(
        self,
        pairs: Iterable[tuple[str, str]],
        articles: Iterable[str] | None = None,
        kinds: Iterable[str] = (),
        with_dates: bool = False,
    ) -> list[tuple]:
        """``(actor a, actor b, article id, sentence, kind, sentence text)`` for every standing
        relation between the given actor pairs (both directions), oldest rows first (by article,
        sentence, then as written);
        ``with_dates``: each with the relation's event date too (None: its article's)."""
        pairs = {(min(p), max(p)) for p in pairs}
        actors = sorted({x for p in pairs for x in p})
        if not actors:
            return []
        r, s, an = t.relations, t.sentences, t.actor_names
        src, tgt = an.alias("src"), an.alias("tgt")
        columns = [src.c.actor_id, tgt.c.actor_id, r.c.article_id, r.c.sentence, r.c.kind, s.c.text]
        if with_dates:
            columns.append(r.c.event_date)
        q = (
            _standing_relations(columns, [(src, tgt, "name_id")])
            .where(src.c.actor_id.in_(actors), tgt.c.actor_id.in_(actors))
            .order_by(r.c.article_id, r.c.sentence, r.c.id)
        )
        if kinds:
            q = q.where(r.c.kind.in_(list(kinds)))
        if articles is not None:
            q = q.where(r.c.article_id.in_(list(articles)))
        out = []
        with self.engine.connect() as conn:
            if len(pairs) <= FEW_PAIRS:
                # a few pairs (a briefing's key relations): the relations of their names'
                # pairs alone, each found by the pair index, not every relation whose
                # source is one of the actors' names (most of them co-occurrences)
                exact = _name_pairs(conn, pairs)
                if not exact:
                    return []
                if len(exact) <= MAX_NAME_PAIRS:
                    q = q.where(
                        or_(*[(r.c.source_id == x) & (r.c.target_id == y) for x, y in exact])
                    )
            for row in conn.execute(q):
                x, y = row[0], row[1]
                if x != y and (min(x, y), max(x, y)) in pairs:
                    out.append(tuple(row))
        return out

    def actor_neighbours(self) -> dict[str, set[str]]:
        """Actor id → the actors it shares a sentence with anywhere in the corpus."""
        ps = t.pair_stats
        with self.engine.connect() as conn:
            pairs = conn.execute(
                select(ps.c.a_id, ps.c.b_id).where(ps.c.kind == t.ALL_KINDS).distinct()
            ).all()
        _, mapping = self.actor_map()
        out: dict[str, set[str]] = defaultdict(set)
        for a, b in pairs:
            x, y = mapping.get(a), mapping.get(b)
            if x and y and x != y:
                out[x].add(y)
                out[y].add(x)
        return out

    def pair_weight(self, a: str, b: str) -> int:
        """Distinct sentences linking actors ``a`` and ``b`` over the whole corpus."""
        ps, an = t.pair_stats, t.actor_names
        x, y = an.alias("x"), an.alias("y")
        q = (
            select(func.coalesce(func.sum(ps.c.sentences), 0))
            .join(x, x.c.name_id == ps.c.a_id)
            .join(y, y.c.name_id == ps.c.b_id)
            .where(
                ps.c.kind == t.ALL_KINDS,
                ((x.c.actor_id == a) & (y.c.actor_id == b))
                | ((x.c.actor_id == b) & (y.c.actor_id == a)),
            )
        )
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar_one())

    def relation_rows(self, article_id: str, sentence: int | None = None) -> list[dict]:
        """Standing relations of an article (one sentence or all), with names and sentence
        text: what a rejection needs to name them robustly."""
        r, nm, s, an = t.relations, t.names, t.sentences, t.actor_names
        src, tgt = nm.alias("src"), nm.alias("tgt")
        sa, ta = an.alias("sa"), an.alias("ta")
        columns = [
            r.c.sentence,
            r.c.kind,
            src.c.name,
            tgt.c.name,
            s.c.text,
            sa.c.actor_id,
            ta.c.actor_id,
        ]
        q = _standing_relations(columns, [(src, tgt, "id"), (sa, ta, "name_id")]).where(
            r.c.article_id == article_id
        )
        if sentence is not None:
            q = q.where(r.c.sentence == sentence)
        with self.engine.connect() as conn:
            return [
                {
                    "sentence": a,
                    "kind": k,
                    "source": sn,
                    "target": tn,
                    "text": txt,
                    "source_actor": sa_,
                    "target_actor": ta_,
                }
                for a, k, sn, tn, txt, sa_, ta_ in conn.execute(q)
            ]
