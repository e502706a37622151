"""The embedded store: articles, sentences, mentions, relations and resolved actors.

SQLAlchemy Core over SQLite by default; any SQLAlchemy URL (e.g. PostgreSQL) works with the same
queries. Each article is written in one transaction, so a failure never leaves half an article.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    cast,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Engine

from .model import Article, Extraction
from .resolve import ActorDef, NameStat

__all__ = ["DEFAULT_DB", "Store", "content_hash", "database_url"]

DEFAULT_DB = "relgraph.db"
SCHEMA_VERSION = "1"

metadata = MetaData()
articles = Table(
    "articles", metadata,
    Column("id", String, primary_key=True),
    Column("title", Text, nullable=False, default=""),
    Column("source", Text, nullable=False, default=""),
    Column("url", Text, nullable=False, default=""),
    Column("author", Text, nullable=False, default=""),
    Column("date", Date, nullable=True, index=True),
    Column("words", Integer, nullable=False, default=0),
    Column("text", Text, nullable=False),
    Column("origin", Text, nullable=False, default=""),
    Column("hash", String(64), nullable=False),
)
sentences = Table(
    "sentences", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("label", String(16), nullable=False),
    Index("ix_mentions_article", "article_id"),
    Index("ix_mentions_name", "name"),
)
relations = Table(
    "relations", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("source", Text, nullable=False),
    Column("target", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("polarity", String(16), nullable=False),
    Column("directed", Boolean, nullable=False),
    Column("trigger", Text, nullable=False, default=""),
    Index("ix_relations_article", "article_id"),
)
acronyms = Table(
    "acronyms", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("short", Text, primary_key=True),
    Column("full", Text, nullable=False),
)
actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True),
    Column("label", Text, nullable=False, unique=True),
    Column("type", String(16), nullable=False),
)
actor_names = Table(
    "actor_names", metadata,
    Column("name", Text, primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
)
meta = Table(
    "meta", metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)


def database_url(db: str | os.PathLike | None = None) -> str:
    """A SQLAlchemy URL from ``db`` (a URL or a file path), ``$RELGRAPH_DB`` or the default."""
    db = str(db or os.environ.get("RELGRAPH_DB") or DEFAULT_DB)
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def content_hash(article: Article, extractor: str) -> str:
    """Fingerprint of everything that affects an article's extraction (text, metadata, model
    and extractor version): equal hashes mean re-ingesting can be skipped."""
    payload = json.dumps([article.text, article.title, article.source, article.url,
                          article.author, str(article.date), extractor], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Store:
    """Read and write relgraph data in one database."""

    def __init__(self, db: str | os.PathLike | None = None, *, engine: Engine | None = None):
        self.url = database_url(db)
        self.engine = engine or _engine(self.url)
        metadata.create_all(self.engine)
        with self.engine.begin() as conn:
            row = conn.execute(select(meta.c.value).where(meta.c.key == "schema")).first()
            if row is None:
                conn.execute(insert(meta), [{"key": "schema", "value": SCHEMA_VERSION},
                                            {"key": "revision", "value": "0"}])

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    # -- writing ---------------------------------------------------------------------------
    def hashes(self) -> dict[str, str]:
        """``{article id: content hash}`` of every stored article."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(articles.c.id, articles.c.hash)).all())

    def save(self, extraction: Extraction, digest: str) -> None:
        """Replace one article and everything extracted from it, atomically."""
        a = extraction.article
        aid = a.id
        with self.engine.begin() as conn:
            for table in (sentences, mentions, relations, acronyms):
                conn.execute(delete(table).where(table.c.article_id == aid))
            conn.execute(delete(articles).where(articles.c.id == aid))
            conn.execute(insert(articles).values(
                id=aid, title=a.title, source=a.source, url=a.url, author=a.author, date=a.date,
                words=a.words, text=a.text, origin=a.origin, hash=digest))
            if extraction.sentences:
                conn.execute(insert(sentences), [
                    {"article_id": aid, "idx": s.index, "start": s.start, "end": s.end,
                     "text": s.text} for s in extraction.sentences])
            if extraction.mentions:
                conn.execute(insert(mentions), [
                    {"article_id": aid, "sentence": m.sentence, "start": m.start, "end": m.end,
                     "text": m.text, "name": m.name, "type": m.type, "label": m.label}
                    for m in extraction.mentions])
            if extraction.relations:
                conn.execute(insert(relations), [
                    {"article_id": aid, "sentence": r.sentence, "source": r.source,
                     "target": r.target, "kind": r.kind, "polarity": r.polarity,
                     "directed": r.directed, "trigger": r.trigger}
                    for r in extraction.relations])
            if extraction.aliases:
                conn.execute(insert(acronyms), [
                    {"article_id": aid, "short": s, "full": f} for s, f in
                    dict(extraction.aliases).items()])
            self._bump(conn)

    def same_story(self, url: str = "", text: str = "") -> str | None:
        """The id of a stored article with this URL or exactly this text, else None (the same
        story reached twice, e.g. by two links)."""
        conds = ([articles.c.url == url] if url else []) + ([articles.c.text == text]
                                                             if text else [])
        if not conds:
            return None
        with self.engine.connect() as conn:
            return conn.execute(select(articles.c.id).where(or_(*conds)).limit(1)).scalar()

    def name_stats(self) -> list[NameStat]:
        """How often each article-level name was used, per type (input to resolution)."""
        q = select(mentions.c.name, mentions.c.type, func.count()).group_by(
            mentions.c.name, mentions.c.type)
        with self.engine.connect() as conn:
            return [NameStat(n, t, c) for n, t, c in conn.execute(q)]

    def acronyms(self) -> list[tuple[str, str]]:
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(select(acronyms.c.short, acronyms.c.full))]

    def set_actors(self, defs: Sequence[ActorDef]) -> None:
        """Replace the resolved actors (and which names refer to them) in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(delete(actor_names))
            conn.execute(delete(actors))
            if defs:
                conn.execute(insert(actors), [{"id": i, "label": d.label, "type": d.type}
                                              for i, d in enumerate(defs, start=1)])
                conn.execute(insert(actor_names), [
                    {"name": n, "actor_id": i} for i, d in enumerate(defs, start=1)
                    for n in d.names])
            self._bump(conn)

    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()

    def set_meta(self, key: str, value: str) -> None:
        with self.engine.begin() as conn:
            if conn.execute(update(meta).where(meta.c.key == key).values(value=value)
                            ).rowcount == 0:
                conn.execute(insert(meta).values(key=key, value=value))

    def _bump(self, conn) -> None:
        conn.execute(update(meta).where(meta.c.key == "revision").values(
            value=cast(cast(meta.c.value, Integer) + 1, String)))

    # -- reading ---------------------------------------------------------------------------
    def revision(self) -> int:
        """A number that changes whenever stored data changes (a cache key)."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(meta.c.value).where(meta.c.key == "revision"))
                       .scalar_one())

    def articles(self, ids: Iterable[str] | None = None) -> list[dict]:
        """Article metadata (no text), by date then id; undated articles last."""
        cols = [articles.c.id, articles.c.title, articles.c.source, articles.c.url,
                articles.c.author, articles.c.date, articles.c.words]
        q = select(*cols).order_by(articles.c.date.is_(None), articles.c.date, articles.c.id)
        if ids is not None:
            q = q.where(articles.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            return [{**r._asdict(), "date": r.date.isoformat() if r.date else None}
                    for r in conn.execute(q)]

    def article_text(self, article_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(articles.c.text).where(articles.c.id == article_id)
                                ).scalar_one_or_none()

    def counts(self) -> dict[str, int]:
        """Row counts for the summary and ``relgraph stats``."""
        with self.engine.connect() as conn:
            out = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                   for t in (articles, sentences, mentions, relations, actors)}
            out["words"] = conn.execute(select(func.coalesce(func.sum(articles.c.words), 0))
                                        ).scalar_one()
            out["typed_relations"] = conn.execute(
                select(func.count()).where(relations.c.directed.is_(True))).scalar_one()
            out["undated"] = conn.execute(
                select(func.count()).where(articles.c.date.is_(None))).scalar_one()
        return out

    def date_range(self) -> tuple[date | None, date | None]:
        with self.engine.connect() as conn:
            return tuple(conn.execute(select(func.min(articles.c.date),
                                             func.max(articles.c.date))).one())

    def actor_table(self) -> list[dict]:
        """Every resolved actor with its mention count, article count, aliases and dates."""
        q = (select(actors.c.id, actors.c.label, actors.c.type, mentions.c.text,
                    mentions.c.article_id, articles.c.date)
             .join(actor_names, actor_names.c.actor_id == actors.c.id)
             .join(mentions, mentions.c.name == actor_names.c.name)
             .join(articles, articles.c.id == mentions.c.article_id))
        table: dict[int, dict] = {}
        with self.engine.connect() as conn:
            for aid, label, kind, text, article_id, day in conn.execute(q):
                row = table.setdefault(aid, {"label": label, "type": kind, "mentions": 0,
                                             "articles": set(), "aliases": set(),
                                             "first_seen": None, "last_seen": None})
                row["mentions"] += 1
                row["articles"].add(article_id)
                row["aliases"].add(text)
                if day:
                    row["first_seen"] = min(filter(None, [row["first_seen"], day]))
                    row["last_seen"] = max(filter(None, [row["last_seen"], day]))
        return sorted(table.values(), key=lambda r: (-r["mentions"], r["label"]))


def _engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if str(path) not in ("", ":memory:"):
            path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # noqa: ANN001
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()
    return engine
