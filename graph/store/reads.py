"""Reading the store: articles, actors, aggregates for graphs, evidence sentences.

:class:`Reads` is the read half of :class:`graph.store.store.Store` (which adds writing); every
query
the graph builder, the evidence panels, the CLI and the dashboard need is a typed method here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine

from graph.core.batches import chunked
from graph.core.hashing import text_hash
from graph.core.model import Article, NameStat
from graph.names.forms import name_key
from graph.store import counters
from graph.store import schema as t
from graph.store.arrays import ArrayReads
from graph.store.events import EventReads
from graph.store.evidence_reads import EvidenceReads
from graph.store.view_reads import ViewReads

__all__ = ["ActorRef", "ArticleState", "Reads", "read_name_stats"]

@dataclass(frozen=True)
class ArticleState:
    """What ingest needs to know of a stored article to decide whether to redo it."""

    hash: str
    extractor: str
    location: str
    origin: str


@dataclass(frozen=True)
class ActorRef:
    """An actor as a name finds it: stable id, label, type, hidden or not."""

    id: str
    label: str
    type: str
    hidden: bool


class Reads(ArrayReads, EventReads, EvidenceReads, ViewReads):
    """Read-only queries (mixed into :class:`graph.store.store.Store`; the array loads for graphs
    are in :class:`graph.store.arrays.ArrayReads`, event records in
    :class:`graph.store.events.EventReads`, the sentences behind actors and links in
    :class:`graph.store.evidence_reads.EvidenceReads`)."""

    engine: Engine

    # -- meta ------------------------------------------------------------------------------
    def revision(self) -> int:
        """A number that changes whenever stored data changes (a cache key)."""
        return int(self.get_meta("revision") or 0)

    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(t.meta.c.value).where(t.meta.c.key == key)).scalar()

    def revisions(self) -> dict[str, int]:
        """Every revision counter: ``revision``, ``names_rev``, ``resolved_rev``,
        ``actors_rev``."""
        with self.engine.connect() as conn:
            return {k: int(v) for k, v in conn.execute(select(t.meta.c.key, t.meta.c.value))
                    if k.endswith("rev") or k == "revision"}

    # -- articles --------------------------------------------------------------------------
    def hashes(self) -> dict[str, str]:
        """``{article id: content hash}`` of every stored article."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(t.articles.c.id, t.articles.c.hash)).all())

    def article_states(self, ids: Iterable[str] | None = None) -> dict[str, ArticleState]:
        """Hash, extractor version and source location of every stored article, or of those
        among ``ids`` (ingest asks for one window of input at a time: its memory then does not
        grow with the store)."""
        cols = select(t.articles.c.id, t.articles.c.hash, t.articles.c.extractor,
                      t.articles.c.location, t.articles.c.origin)
        queries = [cols] if ids is None else [cols.where(t.articles.c.id.in_(part))
                                              for part in chunked(list(ids))]
        with self.engine.connect() as conn:
            return {r.id: ArticleState(r.hash, r.extractor, r.location, r.origin)
                    for q in queries for r in conn.execute(q)}

    def stale_ids(self, extractor: str) -> list[str]:
        """Ids (sorted) of the stored articles extracted by another extractor version than
        ``extractor`` (rules or model changed since): ingest redoes them from stored text."""
        with self.engine.connect() as conn:
            return list(conn.execute(select(t.articles.c.id)
                                     .where(t.articles.c.extractor != extractor)
                                     .order_by(t.articles.c.id)).scalars())

    def stored_articles(self, ids: Iterable[str]) -> list[Article]:
        """Articles rebuilt from their stored text and metadata (re-extraction without the
        source files)."""
        ids = list(ids)
        out = []
        with self.engine.connect() as conn:
            for part in chunked(ids):
                for r in conn.execute(select(t.articles).where(t.articles.c.id.in_(part))):
                    out.append(Article(id=r.id, text=r.text, title=r.title, date=r.date,
                                       source=r.source, url=r.url, author=r.author,
                                       origin=r.origin, location=r.location))
        return sorted(out, key=lambda a: a.id)

    def same_story(self, url: str = "", text: str = "") -> str | None:
        """The id of a stored article with this URL or exactly this text, else None (the same
        story reached twice, e.g. by two links)."""
        with self.engine.connect() as conn:
            if url:
                hit = conn.execute(select(t.articles.c.id).where(t.articles.c.url == url)
                                   .limit(1)).scalar()
                if hit:
                    return hit
            if text:
                digest = text_hash(text)
                return conn.execute(select(t.articles.c.id).where(
                    t.articles.c.text_hash == digest).limit(1)).scalar()
        return None

    def articles(self, ids: Iterable[str] | None = None) -> list[dict]:
        """Article metadata (no text), by date then id; undated articles last."""
        a = t.articles.c
        q = select(a.id, a.title, a.source, a.url, a.author, a.date, a.words).order_by(
            a.date.is_(None), a.date, a.id)
        ids = None if ids is None else list(ids)
        out = []
        with self.engine.connect() as conn:
            for chunk in [None] if ids is None else chunked(ids, 900):
                part = q if chunk is None else q.where(a.id.in_(chunk))
                out += [{**r._asdict(), "date": r.date.isoformat() if r.date else None}
                        for r in conn.execute(part)]
        if ids is not None and len(ids) > 900:  # blocks come back sorted each: sort them all
            out.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["id"]))
        return out

    def article_actor_counts(self) -> dict[str, int]:
        """Article id → how many distinct visible actors it mentions."""
        ms, an, ac = t.mention_stats, t.actor_names, t.actors
        q = (select(ms.c.article_id, func.count(an.c.actor_id.distinct()))
             .join(an, an.c.name_id == ms.c.name_id).join(ac, ac.c.id == an.c.actor_id)
             .where(ac.c.hidden.is_(False)).group_by(ms.c.article_id))
        with self.engine.connect() as conn:
            return dict(conn.execute(q).all())

    def article_text(self, article_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(t.articles.c.text).where(t.articles.c.id == article_id)
                                ).scalar_one_or_none()

    def counts(self) -> dict[str, int]:
        """Row counts for the summary and ``relgraph stats``: the largest tables' as kept by
        the write path (:mod:`graph.store.counters`), the small ones counted."""
        with self.engine.connect() as conn:
            one = conn.execute
            out = counters.kept(conn) or counters.count_rows(conn)
            out["actors"] = one(select(func.count()).where(t.actors.c.hidden.is_(False))
                                ).scalar_one()
            out["hidden_actors"] = one(select(func.count()).where(t.actors.c.hidden.is_(True))
                                       ).scalar_one()
            out["decisions"] = one(select(func.count()).where(
                t.decisions.c.undone_by.is_(None), t.decisions.c.action != "undo")).scalar_one()
        return out

    def size_bytes(self) -> int:
        """The database's size on disk: SQLite's pages (the write-ahead log not included:
        it is checkpointed into them), PostgreSQL's ``pg_database_size``."""
        with self.engine.connect() as conn:
            if self.engine.dialect.name == "sqlite":
                pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
                return int(pages) * int(conn.exec_driver_sql("PRAGMA page_size").scalar_one())
            return int(conn.execute(select(func.pg_database_size(func.current_database())))
                       .scalar_one())

    def date_range(self) -> tuple[date | None, date | None]:
        with self.engine.connect() as conn:
            return tuple(conn.execute(select(func.min(t.articles.c.date),
                                             func.max(t.articles.c.date))).one())

    # -- actors ----------------------------------------------------------------------------
    def actor_table(self, hidden: bool = False) -> list[dict]:
        """Every resolved actor (visible ones, or only hidden ones) with its id, names,
        mention count, articles, surface forms and first/last dates."""
        ms, nm, an, ac, ar = (t.mention_stats, t.names, t.actor_names, t.actors, t.articles)
        surface = nm.alias("surface")
        q = (select(ac.c.id, ac.c.label, ac.c.type, surface.c.name, ms.c.article_id,
                    ar.c.date, ms.c.count)
             .join(an, an.c.actor_id == ac.c.id)
             .join(ms, ms.c.name_id == an.c.name_id)
             .join(surface, surface.c.id == ms.c.text_id)
             .join(ar, ar.c.id == ms.c.article_id)
             .where(ac.c.hidden.is_(hidden)))
        table: dict[str, dict] = {}
        with self.engine.connect() as conn:
            for aid, label, kind, text, article_id, day, count in conn.execute(q):
                row = table.setdefault(aid, {"id": aid, "label": label, "type": kind,
                                             "mentions": 0, "articles": set(),
                                             "aliases": set(), "first_seen": None,
                                             "last_seen": None})
                row["mentions"] += count
                row["articles"].add(article_id)
                row["aliases"].add(text)
                if day:
                    row["first_seen"] = min(filter(None, [row["first_seen"], day]))
                    row["last_seen"] = max(filter(None, [row["last_seen"], day]))
            names = defaultdict(set)
            for aid, name in conn.execute(select(an.c.actor_id, nm.c.name).join(
                    nm, nm.c.id == an.c.name_id)):
                names[aid].add(name)
        for aid, row in table.items():
            row["names"] = names.get(aid, set())
        return sorted(table.values(), key=lambda r: (-r["mentions"], r["label"]))

    def find_actors(self, text: str) -> list[ActorRef]:
        """Actors ``text`` may mean: by id (or a redirected old id), label, name or any surface
        form (case, accents and punctuation ignored). Several results mean it is ambiguous."""

        key = name_key(text)
        ac, an, nm, ms = t.actors, t.actor_names, t.names, t.mention_stats
        cols = (ac.c.id, ac.c.label, ac.c.type, ac.c.hidden)
        with self.engine.connect() as conn:
            target = conn.execute(select(t.actor_redirects.c.new_id).where(
                t.actor_redirects.c.old_id == text)).scalar() or text
            for q in (select(*cols).where(ac.c.id == target),
                      select(*cols).where(ac.c.label == text),
                      select(*cols).join(an, an.c.actor_id == ac.c.id)
                      .join(nm, nm.c.id == an.c.name_id).where(nm.c.key == key),
                      select(*cols).join(an, an.c.actor_id == ac.c.id)
                      .join(ms, ms.c.name_id == an.c.name_id)
                      .join(nm, nm.c.id == ms.c.text_id).where(nm.c.key == key)):
                found = {r.id: ActorRef(r.id, r.label, r.type, bool(r.hidden))
                         for r in conn.execute(q)}
                if found and key:
                    return sorted(found.values(), key=lambda a: a.id)
        return []

    def actor_names(self, actor_id: str) -> list[str]:
        """The article-level names resolved to an actor."""
        with self.engine.connect() as conn:
            return sorted(conn.execute(select(t.names.c.name).join(
                t.actor_names, t.actor_names.c.name_id == t.names.c.id).where(
                t.actor_names.c.actor_id == actor_id)).scalars())

    def name_actors(self) -> dict[str, tuple[str, str, str]]:
        """Article-level name → (actor id, label, type) of the visible actor it resolves to."""
        nm, an, ac = t.names, t.actor_names, t.actors
        q = (select(nm.c.name, ac.c.id, ac.c.label, ac.c.type)
             .join(an, an.c.name_id == nm.c.id).join(ac, ac.c.id == an.c.actor_id)
             .where(ac.c.hidden.is_(False)))
        with self.engine.connect() as conn:
            return {n: (i, label, kind) for n, i, label, kind in conn.execute(q)}

    def all_mentions(self) -> list[tuple[str, int, int, str]]:
        """``(article id, start, end, article-level name)`` of every mention."""
        m, nm = t.mentions, t.names
        q = select(m.c.article_id, m.c.start, m.c.end, nm.c.name).join(
            nm, nm.c.id == m.c.name_id)
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(q)]

    def all_relations(self) -> list[tuple[str, int, str, str, str, str, bool]]:
        """``(article id, sentence, source name, target name, kind, polarity, directed)`` of
        every standing (not rejected) relation."""
        r, nm = t.relations, t.names
        src, tgt = nm.alias("src"), nm.alias("tgt")
        q = (select(r.c.article_id, r.c.sentence, src.c.name, tgt.c.name, r.c.kind,
                    r.c.polarity, r.c.directed)
             .join(src, src.c.id == r.c.source_id).join(tgt, tgt.c.id == r.c.target_id)
             .where(r.c.rejected.is_(None)))
        with self.engine.connect() as conn:
            return [tuple(x) for x in conn.execute(q)]

    def name_stats(self) -> list[NameStat]:
        """How often each article-level name was used, per type."""
        with self.engine.connect() as conn:
            return read_name_stats(conn)

    def acronyms(self) -> list[tuple[str, str]]:
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(select(t.acronyms.c.short,
                                                          t.acronyms.c.full))]


def read_name_stats(conn: Connection) -> list[NameStat]:
    """How often each article-level name was used, per type and evidence, read in ``conn``
    (the store's resolution reads them inside its write transaction)."""
    ms = t.mention_stats
    q = (select(t.names.c.name, ms.c.type, ms.c.evidence, func.sum(ms.c.count))
         .join(t.names, t.names.c.id == ms.c.name_id)
         .group_by(t.names.c.name, ms.c.type, ms.c.evidence))
    return [NameStat(n, k, int(c), ev) for n, k, ev, c in conn.execute(q)]
