"""Reads for one view of the whole corpus: the top actors and what is drawn of them, read by
SQL instead of loading the whole corpus into memory (:class:`graph.slices.corpus.Corpus`).

A briefing image or pack of the default view draws 25 actors; loading the corpus to find them
took most of such a command's time on 10,000 articles (bench/brief.py). Here the database
ranks the actors (from the per-name totals the write path keeps, :mod:`graph.store.totals`),
and everything else is read for the chosen actors' names only.
:func:`graph.slices.top_view.top_view` turns these rows into the view's graph.

:class:`ViewReads` is part of :class:`graph.store.store.Store` (through
:class:`graph.store.reads.Reads`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from sqlalchemy import case, func, or_, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql import Select

from graph.core.batches import chunked
from graph.store import schema as t
from graph.store.schema import ALL_KINDS

__all__ = ["ViewReads"]


def _iso(value: object) -> str | None:
    """A date column's value as an ISO day (SQLite may hand back a string)."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


def _driver_rows(conn: Connection, q: Select) -> list[tuple]:
    """The rows of ``q`` as the database driver gives them: tens of thousands of rows of
    ids, where making a SQLAlchemy row of each took half the read. ``q``'s values are
    integers and fixed strings, written into the SQL."""
    raw = conn.connection.dbapi_connection
    assert raw is not None  # a connection in use has its driver connection
    cursor = raw.cursor()
    try:
        cursor.execute(str(q.compile(conn, compile_kwargs={"literal_binds": True})))
        return [tuple(r) for r in cursor.fetchall()]
    finally:
        cursor.close()


class ViewReads:
    """The top-N view of the whole corpus, read by SQL."""

    engine: Engine

    def actor_strengths(self) -> list[tuple[str, str, str, int, int]]:
        """``(id, label, type, mentions, weighted degree)`` of every visible actor with a
        mention, over the whole corpus; weighted degree sums the sentences of the actor's
        links to other visible actors.

        Summed per actor from the per-name totals the write path keeps (``name_totals``: one
        row per name, instead of two grouped passes over every weight row); the weight rows
        whose two names are not two different visible actors (a merged actor's own names, a
        hidden or unresolved name) are read, few of them, and taken back out (one pass over
        the weight rows for those names, listed in the query: a subquery per row took two
        and a half times as long; skipped when the store has no such names)."""
        ps, an, ac, nt = t.pair_stats, t.actor_names, t.actors, t.name_totals
        with self.engine.connect() as conn:
            actors = {aid: (label, kind) for aid, label, kind in conn.execute(
                select(ac.c.id, ac.c.label, ac.c.type).where(ac.c.hidden.is_(False)))}
            owner = {n: a for n, a in conn.execute(select(an.c.name_id, an.c.actor_id))
                     if a in actors}
            mentions: dict[str, int] = defaultdict(int)
            linked: dict[str, int] = defaultdict(int)
            stray: set[int] = set()  # counted names that are no visible actor's (hidden ...)
            for name, m, w in conn.execute(select(nt.c.name_id, nt.c.mentions, nt.c.weight)):
                actor = owner.get(name)
                if actor is not None:
                    mentions[actor] += int(m)
                    linked[actor] += int(w)
                elif m or w:
                    stray.add(name)
            # A weight row's names are names mentioned in its sentence. When every mentioned
            # name is the one name of a visible actor, no row needs taking back out: the
            # pass over the weight rows is skipped; else it reads the rows of those names.
            names_of = Counter(owner.values())
            odd = sorted(stray | {n for n, a in owner.items() if names_of[a] > 1})
            if odd:
                q = (select(ps.c.a_id, ps.c.b_id, func.sum(ps.c.sentences))
                     .where(ps.c.kind == ALL_KINDS, or_(ps.c.a_id.in_(odd), ps.c.b_id.in_(odd)))
                     .group_by(ps.c.a_id, ps.c.b_id))
                for a, b, n in _driver_rows(conn, q):
                    x, y = owner.get(a), owner.get(b)  # counted above, but not a link:
                    if x is not None and x == y:  # two names of one actor
                        linked[x] -= 2 * int(n)
                    elif x is None or y is None:  # a hidden or unresolved name's row
                        for actor in (x, y):
                            if actor is not None:
                                linked[actor] -= int(n)
        return [(a, *actors[a], n, linked.get(a, 0)) for a, n in mentions.items() if n > 0]

    def some_counts(self, *names: str) -> dict[str, int]:
        """Some of :meth:`counts` (``articles``, ``hidden_actors``, ``decisions``) without
        counting the rest (a briefing needs three: counting relations and sentences took a
        tenth of building it)."""
        queries = {
            "articles": select(func.count()).select_from(t.articles),
            "hidden_actors": select(func.count()).where(t.actors.c.hidden.is_(True)),
            "decisions": select(func.count()).where(t.decisions.c.undone_by.is_(None),
                                                    t.decisions.c.action != "undo")}
        with self.engine.connect() as conn:
            return {n: int(conn.execute(queries[n]).scalar_one()) for n in names}

    def article_dates(self) -> list[dict]:
        """Every article's id and date (ISO, or None), ordered as
        :meth:`~graph.store.reads.Reads.articles` orders them: what a view's caption,
        timeline and article list need, without the titles, outlets and links of 10,000
        articles (read only for the few a page lists). Read once per store revision (a
        command reads them for its view and again for its caption); do not change the
        dicts."""
        a, meta = t.articles.c, t.meta.c
        with self.engine.connect() as conn:
            rev = conn.execute(select(meta.value).where(meta.key == "revision")).scalar()
            cached = getattr(self, "_article_dates", None)
            if cached is not None and cached[0] == rev:
                return list(cached[1])
            rows = [{"id": aid, "date": _iso(day)} for aid, day in conn.execute(
                select(a.id, a.date).order_by(a.date.is_(None), a.date, a.id))]
        self._article_dates = (rev, rows)
        return list(rows)

    def actor_name_ids(self, actors: Iterable[str]) -> dict[int, str]:
        """Name id → actor id for the names of ``actors``."""
        an = t.actor_names.c
        out: dict[int, str] = {}
        with self.engine.connect() as conn:
            for part in chunked(list(actors), 900):
                out.update(conn.execute(select(an.name_id, an.actor_id)
                                        .where(an.actor_id.in_(part))).all())
        return out

    def name_pair_rows(self, names: Iterable[int], dates: Mapping[str, str | None]
                       ) -> list[tuple]:
        """Weight and typed rows between the given names, summed over articles:
        ``(a, b, kind, way, polarity, sentences, cooc, first, last)`` per name pair (``a <
        b``), kind, direction and polarity; ``first``/``last`` the earliest and latest event
        day (ISO) of a typed row (its own event day, else its article's date in ``dates``,
        article id → ISO date or None; None if neither is known).

        One pass over the pair rows, without a join: the typed rows dated by their article
        are summed per article, and their dates looked up in ``dates`` (a join to the
        articles, row by row, took a third of the read)."""
        ps = t.pair_stats
        ids = sorted(set(names))
        if not ids:
            return []
        own = case((ps.c.day != 0, ps.c.day), else_=None)
        by_article = case(((ps.c.day == 0) & (ps.c.kind != ALL_KINDS), ps.c.article_id),
                          else_=None).label("by_article")
        q = (select(ps.c.a_id, ps.c.b_id, ps.c.kind, ps.c.way, ps.c.polarity,
                    func.sum(ps.c.sentences), func.sum(ps.c.cooc), func.min(own),
                    func.max(own), by_article)
             .where(ps.c.a_id.in_(ids), ps.c.b_id.in_(ids))
             .group_by(ps.c.a_id, ps.c.b_id, ps.c.kind, ps.c.way, ps.c.polarity, by_article))
        sums: dict[tuple, list] = {}
        with self.engine.connect() as conn:
            for a, b, kind, way, pol, n, cooc, d0, d1, article in _driver_rows(conn, q):
                days = [date.fromordinal(int(d)).isoformat() for d in (d0, d1) if d]
                on = dates.get(article) if article is not None else None
                if on:
                    days.append(on)
                got = sums.setdefault((a, b, kind, way, pol), [0, 0, []])
                got[0] += int(n)
                got[1] += int(cooc or 0)
                got[2] += days
        return [(*key, n, cooc, min(days, default=None), max(days, default=None))
                for key, (n, cooc, days) in sums.items()]

    def name_mentions(self, names: Iterable[int]) -> tuple[dict[int, list[str]],
                                                           dict[int, set[str]]]:
        """Per name: its surface texts, and the ids of the articles mentioning it (one read
        of the names' mention rows: the first and last dates, the article counts and the
        timeline of a view are computed from it with the articles' dates)."""
        ms, nm = t.mention_stats, t.names
        text_ids: dict[int, set[int]] = defaultdict(set)
        articles: dict[int, set[str]] = defaultdict(set)
        with self.engine.connect() as conn:
            for part in chunked(sorted(set(names)), 900):
                for name, article, text in _driver_rows(conn, select(
                        ms.c.name_id, ms.c.article_id, ms.c.text_id)
                        .where(ms.c.name_id.in_(part))):
                    articles[name].add(article)
                    text_ids[name].add(text)
            wanted = sorted({x for ids in text_ids.values() for x in ids})
            spelled: dict[int, str] = {}
            for part in chunked(wanted, 900):
                spelled.update(conn.execute(select(nm.c.id, nm.c.name)
                                            .where(nm.c.id.in_(part))).all())
        texts = {name: sorted(spelled[x] for x in ids) for name, ids in text_ids.items()}
        return texts, dict(articles)
