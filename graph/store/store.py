"""The embedded store: articles, their extractions and aggregates, actors, and decisions.

SQLAlchemy Core over SQLite by default; any SQLAlchemy URL (PostgreSQL is tested) works with the
same queries. The store owns every persistent fact and all SQL; other modules call its typed
methods. Writes are atomic per batch of articles, so a failure never leaves half an article;
the schema is created and upgraded by :mod:`graph.store.migrations`. Reading methods for graphs and
evidence are in :class:`graph.store.reads.Reads`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer as SQLInteger
from sqlalchemy import String as SQLString
from sqlalchemy import cast, delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from graph.core.batches import chunked
from graph.core.errors import StaleViewError
from graph.core.hashing import content_hash, text_hash
from graph.core.model import ActorDef, Decision, Extraction
from graph.names.forms import name_key
from graph.store import counters, totals
from graph.store import schema as t
from graph.store.annotations import Annotations
from graph.store.bulk import insert_rows
from graph.store.cooccurrence import StoredCooccurrence
from graph.store.engine import (
    DEFAULT_DB,
    ReadOnlyError,
    StoreError,
    database_url,
    describe_error,
    make_engine,
    read_only_reason,
    write_transaction,
)
from graph.store.migrations import migrate
from graph.store.reads import Reads, read_name_stats
from graph.store.rows import PER_ARTICLE, article_table_rows, pair_stat_rows

__all__ = ["DEFAULT_DB", "ReadOnlyError", "StaleViewError", "Store", "StoreError",
           "content_hash", "database_url"]


@dataclass(frozen=True)
class ResolutionChange:
    """What a resolution changed: actors added, removed (merged away) and relabelled."""

    added: int = 0
    removed: int = 0
    changed: int = 0
    actors: int = 0

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)


class Store(Reads, Annotations):
    """Read and write relgraph data in one database."""

    def __init__(self, db: str | os.PathLike | None = None, *, engine: Engine | None = None,
                 create: bool = True):
        self.url = database_url(db)
        self.engine = engine or make_engine(self.url, create=create)
        try:
            self.messages = migrate(self.engine)
        except StoreError:
            raise
        except DBAPIError as exc:
            raise StoreError(describe_error(self.url, exc)) from None
        self._name_ids: dict[str, int] = {}
        # (key, Grouping) of the last decision's resolution, see _resolve
        self._grouping: tuple[tuple, Any] | None = None

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    @property
    def read_only(self) -> str | None:
        """Why this store can only be read (a SQLite file this process cannot write, opened
        read-only), or None: every write raises :class:`ReadOnlyError`."""
        return read_only_reason(self.engine)

    # -- articles --------------------------------------------------------------------------
    def save(self, extraction: Extraction, digest: str, extractor: str = "") -> None:
        """Replace one article and everything extracted from it, atomically."""
        self.save_many([(extraction, digest, extractor)])

    def save_many(self, items: Sequence[tuple[Extraction, str, str]]) -> int:
        """Replace several articles in one transaction (all or none); returns the revision."""
        if not items:
            return self.revision()
        with write_transaction(self.engine) as conn:
            rev = self._bump(conn, "names_rev")  # first: on PostgreSQL it orders the writers
            strings = {s for ex, _, _ in items for m in ex.mentions for s in (m.name, m.text)}
            strings |= {s for ex, _, _ in items for r in ex.relations for s in (r.source,
                                                                                 r.target)}
            ids = self._intern(conn, strings)
            rejected = self._rejections(conn, [ex.article.id for ex, _, _ in items])
            self._write_articles(conn, items, ids, rev, rejected)
        return rev

    def _write_articles(self, conn: Connection, items: Sequence[tuple[Extraction, str, str]],
                        ids: dict[str, int], rev: int, rejected: dict[str, dict]) -> None:
        """Replace the articles of ``items`` (the last of a repeated id wins) with one statement
        per table for the whole batch, not per article: the writer shares two cores with the
        parsing workers, and on PostgreSQL every statement is a round trip."""
        latest = {ex.article.id: (ex, digest, extractor) for ex, digest, extractor in items}
        aids = list(latest)
        existing: set[str] = set()
        deltas: totals.Deltas = {}
        counters.ensure(conn)
        gone = dict.fromkeys(counters.KEPT, 0)
        for part in chunked(aids):
            stored = list(conn.execute(select(t.articles.c.id).where(t.articles.c.id.in_(part)))
                          .scalars())
            counters.count_stored(conn, gone, stored)  # replaced: their rows go
            totals.subtract_stored(conn, deltas, stored)
            for table in PER_ARTICLE:
                conn.execute(delete(table).where(table.c.article_id.in_(part)))
            existing.update(stored)
        seq = conn.execute(select(func.coalesce(func.max(t.articles.c.seq), 0))).scalar_one()
        rows: dict = {table: [] for table in (t.articles, *PER_ARTICLE)}
        written = []
        for aid, (ex, digest, extractor) in latest.items():
            a = ex.article
            row = dict(title=a.title, source=a.source, url=a.url, author=a.author, date=a.date,
                       words=a.words, text=a.text, text_hash=text_hash(a.text), origin=a.origin,
                       location=a.location, hash=digest, extractor=extractor, written=rev)
            written.append(row)
            if aid in existing:
                conn.execute(update(t.articles).where(t.articles.c.id == aid).values(**row))
            else:
                seq += 1
                rows[t.articles].append({"id": aid, "seq": seq, **row})
            article_table_rows(rows, ex, ids, rejected.get(aid, {}))
        for table, batch in rows.items():  # articles first: the others refer to them
            insert_rows(conn, table, batch)
        totals.add_rows(deltas, rows[t.pair_stats], rows[t.mention_stats])
        totals.apply(conn, deltas)
        counters.add(conn, counters.batch_counts(written, rows), gone)

    def _write_relations(self, conn: Connection, aid: str, rows: list[dict]) -> list[dict]:
        """Write one article's relation rows and its pair aggregates (its old ones deleted
        by the caller, after :func:`totals.subtract_stored`); returns the aggregates."""
        insert_rows(conn, t.relations, rows)
        stats = pair_stat_rows(aid, rows)
        insert_rows(conn, t.pair_stats, stats)
        return stats

    def _intern(self, conn: Connection, strings: Iterable[str]) -> dict[str, int]:
        """Ids for names and surface texts, adding the new ones (safe under concurrency)."""
        wanted = set(strings)
        missing = [s for s in wanted if s not in self._name_ids]
        for chunk in chunked(missing):
            found = dict(conn.execute(select(t.names.c.name, t.names.c.id)
                                      .where(t.names.c.name.in_(chunk))).all())
            new = [{"name": s, "key": _key(s)} for s in chunk if s not in found]
            if new:
                conn.execute(_insert_ignore(conn, t.names, ["name"]), new)
                found.update(conn.execute(select(t.names.c.name, t.names.c.id).where(
                    t.names.c.name.in_([r["name"] for r in new]))).all())
            self._name_ids.update(found)
        return {s: self._name_ids[s] for s in wanted}

    def _rejections(self, conn: Connection, article_ids: list[str]) -> dict[str, dict]:
        """Active rejections per article: (sentence text, source, target, kind) → decision."""
        out: dict[str, dict] = {}
        for d in self._active(conn, ("reject",)):
            if d.args["article"] in article_ids:
                for sentence, src, tgt, kind in d.args["rows"]:
                    out.setdefault(d.args["article"], {})[(sentence, src, tgt, kind)] = d.id
        return out

    def _bump(self, conn: Connection, *also: str) -> int:
        """Advance the revision (and set the ``also`` meta keys to it); returns it."""
        conn.execute(update(t.meta).where(t.meta.c.key == "revision").values(
            value=cast(cast(t.meta.c.value, SQLInteger) + 1, SQLString)))
        rev = int(conn.execute(select(t.meta.c.value).where(t.meta.c.key == "revision"))
                  .scalar_one())
        for key in also:
            _set_meta(conn, key, str(rev))
        return rev

    def set_meta(self, key: str, value: str) -> None:
        with write_transaction(self.engine) as conn:
            _set_meta(conn, key, value)

    # -- resolution ------------------------------------------------------------------------
    def needs_resolution(self) -> bool:
        """True if names were written since the last completed resolution (for instance a
        run was killed between storing its articles and resolving)."""
        return int(self.get_meta("names_rev") or 0) > int(self.get_meta("resolved_rev") or 0)

    def resolve(self) -> ResolutionChange:
        """Recompute actors from every stored name, the acronyms and the analyst's decisions,
        and write only what changed (ids of untouched actors are never rewritten)."""
        with write_transaction(self.engine, exclusive=True) as conn:
            return self._resolve(conn)

    def _resolve(self, conn: Connection, reuse: bool = False) -> ResolutionChange:
        """Resolve inside ``conn``. With ``reuse`` (a decision: no names written in this
        transaction, so names_rev is a committed one) the grouping of names is kept in memory
        and reused while the names, acronyms and merge/split decisions stay the same."""
        # imported here: a command that only reads (an image) does without the resolver
        from graph.resolution.actors import actors_of, group

        seen = _get_meta(conn, "names_rev") or "0"
        decisions = [d for d in self._active(conn) if d.action in (
            "merge", "split", "rename", "retype", "hide", "unhide")]
        acronyms = [tuple(r) for r in conn.execute(select(t.acronyms.c.short,
                                                          t.acronyms.c.full))]
        # the grouping depends on names, acronyms and merges/splits only: a hide, rename or
        # retype reuses it (same store revision and grouping decisions) instead of regrouping
        key = (seen, tuple(acronyms), tuple(
            (d.id, d.action, json.dumps(d.args, sort_keys=True)) for d in decisions
            if d.action in ("merge", "split")))
        if reuse and self._grouping is not None and self._grouping[0] == key:
            defs = actors_of(self._grouping[1], decisions)
        else:
            grouping = group(read_name_stats(conn), acronyms, decisions, together=_together(conn),
                             cooccur=StoredCooccurrence(conn))
            defs = actors_of(grouping, decisions)
            self._grouping = (key, grouping) if reuse else None
        change = self._write_actors(conn, defs)
        _set_meta(conn, "resolved_rev", seen)
        if change.any:
            self._bump(conn, "actors_rev")
        return change

    def _write_actors(self, conn: Connection, defs: list[ActorDef]) -> ResolutionChange:
        ids = self._intern(conn, [n for d in defs for n in d.names])
        old = {r.id: (r.label, r.type, bool(r.hidden)) for r in conn.execute(
            select(t.actors.c.id, t.actors.c.label, t.actors.c.type, t.actors.c.hidden))}
        old_map = dict(conn.execute(select(t.actor_names.c.name_id,
                                           t.actor_names.c.actor_id)).all())
        new = {d.id: (d.label, d.type, d.hidden) for d in defs}
        new_map = {ids[n]: d.id for d in defs for n in d.names}
        gone = [i for i in old if i not in new]
        changed = [i for i in new if i in old and old[i] != new[i]]
        added = [i for i in new if i not in old]
        moved = [n for n, a in new_map.items() if old_map.get(n) != a]
        dropped = [n for n in old_map if n not in new_map]
        for chunk in chunked(list(set(moved) | set(dropped))):
            conn.execute(delete(t.actor_names).where(t.actor_names.c.name_id.in_(chunk)))
        for chunk in chunked(gone):
            conn.execute(delete(t.actors).where(t.actors.c.id.in_(chunk)))
        for i in changed:  # free the labels first: two actors may swap labels
            conn.execute(update(t.actors).where(t.actors.c.id == i).values(label="\x01" + i))
        for i in changed:
            label, kind, hidden = new[i]
            conn.execute(update(t.actors).where(t.actors.c.id == i).values(
                label=label, type=kind, hidden=hidden))
        if added:
            conn.execute(insert(t.actors), [{"id": i, "label": new[i][0], "type": new[i][1],
                                             "hidden": new[i][2]} for i in added])
        if moved:
            conn.execute(insert(t.actor_names), [{"name_id": n, "actor_id": new_map[n]}
                                                 for n in moved])
        self._redirect(conn, gone, old_map, new_map, set(new))
        return ResolutionChange(len(added), len(gone), len(changed), len(new))

    def _redirect(self, conn: Connection, gone: list[str], old_map: dict, new_map: dict,
                  live: set[str]) -> None:
        """Ids that disappeared point to the actor that took most of their names, so links
        and decisions naming them keep working."""
        to: dict[str, str] = {}
        for old_id in gone:
            votes: dict[str, int] = {}
            for n, a in old_map.items():
                if a == old_id and n in new_map:
                    votes[new_map[n]] = votes.get(new_map[n], 0) + 1
            if votes:
                to[old_id] = max(votes, key=lambda k: (votes[k], k))
        rows = dict(conn.execute(select(t.actor_redirects.c.old_id,
                                        t.actor_redirects.c.new_id)).all())
        rows.update(to)
        final = {o: n for o, n in rows.items() if o not in live and n != o}
        final = {o: (to.get(n, n)) for o, n in final.items() if to.get(n, n) in live}
        conn.execute(delete(t.actor_redirects))
        if final:
            conn.execute(insert(t.actor_redirects), [{"old_id": o, "new_id": n}
                                                     for o, n in sorted(final.items())])

    # -- decisions -------------------------------------------------------------------------
    def decide(self, action: str, args: dict, summary: str, user: str,
               base_revision: int | None = None) -> tuple[int, ResolutionChange]:
        """Record a decision and apply it (re-resolution, or re-aggregation of rejected
        relations) in one transaction. ``base_revision`` is the actors revision the decision
        was made on: if the actors changed since, the decision is refused
        (:class:`StaleViewError`) instead of applied to something the user did not see."""
        from datetime import UTC, datetime

        with write_transaction(self.engine, exclusive=True) as conn:
            if base_revision is not None and int(_get_meta(conn, "actors_rev") or 0) > (
                    base_revision):
                raise StaleViewError("the graph changed since this view was loaded (another "
                                     "user or an ingest); the view has been refreshed, decide "
                                     "again")
            did = conn.execute(insert(t.decisions).values(
                action=action, args=json.dumps(args, ensure_ascii=False), summary=summary,
                user=user, at=datetime.now(UTC).isoformat(timespec="seconds"))
            ).inserted_primary_key[0]  # type: ignore[index]  # an insert always has one
            if action == "undo":
                target = conn.execute(select(t.decisions.c.action, t.decisions.c.args).where(
                    t.decisions.c.id == args["decision"])).one()
                conn.execute(update(t.decisions).where(t.decisions.c.id == args["decision"])
                             .values(undone_by=did))
                if target.action == "reject":
                    self._reaggregate(conn, json.loads(target.args)["article"])
            elif action == "reject":
                self._reaggregate(conn, args["article"])
            if action == "dismiss":  # only suggestions change: views stay current
                self._bump(conn)
                return did, ResolutionChange()
            change = self._resolve(conn, reuse=True)
            if not change.any:
                self._bump(conn, "actors_rev")  # the graph changed (a rejection, an undo)
            return did, change

    def _reaggregate(self, conn: Connection, aid: str) -> None:
        """Re-mark an article's rejected relations and rewrite its pair aggregates."""
        rejected = self._rejections(conn, [aid]).get(aid, {})
        used = select(t.relations.c.source_id).where(t.relations.c.article_id == aid).union(
            select(t.relations.c.target_id).where(t.relations.c.article_id == aid))
        names = dict(conn.execute(select(t.names.c.id, t.names.c.name).where(
            t.names.c.id.in_(used))).all())
        text_of = dict(conn.execute(select(t.sentences.c.idx, t.sentences.c.text)
                                    .where(t.sentences.c.article_id == aid)).all())
        rows = [dict(r._mapping) for r in conn.execute(
            select(t.relations).where(t.relations.c.article_id == aid))]
        for r in rows:
            r["rejected"] = rejected.get((text_of.get(r["sentence"], ""), names[r["source_id"]],
                                          names[r["target_id"]], r["kind"]))
            del r["id"]
        rev = self._bump(conn)  # first, as in save_many: the revision row orders the writers
        deltas: totals.Deltas = {}
        totals.subtract_stored(conn, deltas, [aid], mentions=False)
        conn.execute(delete(t.relations).where(t.relations.c.article_id == aid))
        conn.execute(delete(t.pair_stats).where(t.pair_stats.c.article_id == aid))
        totals.add_rows(deltas, self._write_relations(conn, aid, rows), [])
        totals.apply(conn, deltas)
        conn.execute(update(t.articles).where(t.articles.c.id == aid).values(written=rev))

    def _active(self, conn: Connection, actions: Sequence[str] | None = None) -> list[Decision]:
        q = select(t.decisions.c.id, t.decisions.c.action, t.decisions.c.args).where(
            t.decisions.c.undone_by.is_(None)).order_by(t.decisions.c.id)
        if actions:
            q = q.where(t.decisions.c.action.in_(actions))
        return [Decision(i, a, json.loads(x)) for i, a, x in conn.execute(q)]

    def active_decisions(self, actions: Sequence[str] | None = None) -> list[Decision]:
        """Decisions in force (not undone), oldest first."""
        with self.engine.connect() as conn:
            return self._active(conn, actions)

    def history(self) -> list[dict]:
        """Every decision, newest first: id, action, summary, user, time, undone by."""
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(
                select(t.decisions.c.id, t.decisions.c.action, t.decisions.c.summary,
                       t.decisions.c.user, t.decisions.c.at, t.decisions.c.undone_by,
                       t.decisions.c.args).order_by(t.decisions.c.id.desc()))]


def _together(conn: Connection):  # noqa: ANN202
    """``together(a, b)``: does one article use a name of key ``a`` and a name of key ``b``
    (two names kept apart in it)? Asked only of the few candidate pairs."""
    nm, ms = t.names, t.mention_stats
    other = ms.alias("other")

    def together(a: str, b: str) -> bool:
        q = (select(ms.c.article_id).join(other, other.c.article_id == ms.c.article_id)
             .where(ms.c.name_id.in_(select(nm.c.id).where(nm.c.key == a)),
                    other.c.name_id.in_(select(nm.c.id).where(nm.c.key == b))).limit(1))
        return conn.execute(q).first() is not None
    return together


def _key(text: str) -> str:
    return name_key(text)


def _insert_ignore(conn: Connection, table: t.Table, keys: list[str]):  # noqa: ANN202
    """INSERT that skips rows whose unique ``keys`` already exist (another writer's)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing(index_elements=keys)
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as lite_insert

        return lite_insert(table).on_conflict_do_nothing(index_elements=keys)
    return insert(table)


def _get_meta(conn: Connection, key: str) -> str | None:
    return conn.execute(select(t.meta.c.value).where(t.meta.c.key == key)).scalar()


def _set_meta(conn: Connection, key: str, value: str) -> None:
    if conn.execute(update(t.meta).where(t.meta.c.key == key).values(value=value)
                    ).rowcount == 0:
        conn.execute(insert(t.meta).values(key=key, value=value))
