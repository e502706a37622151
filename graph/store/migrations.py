"""Schema versions: create a fresh store, or upgrade an older one, safely under concurrency.

Every applied version is a row of the ``migrations`` table (as sqlite-utils and alembic do).
A fresh database gets the current schema and every version recorded at once; an older one
gets each missing step in order. All of it runs in one exclusive write transaction (SQLite
``BEGIN IMMEDIATE``, a PostgreSQL advisory lock), so two processes opening a new database at
the same moment never both create it: the second waits, then finds it done.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection, Engine

from graph.core.hashing import text_hash
from graph.store import schema as t
from graph.store import totals
from graph.store.engine import StoreError, write_transaction

__all__ = ["MIGRATIONS", "migrate"]


def _v2(conn: Connection) -> str:
    """relgraph 0.1 → 0.2: names interned, aggregates, stable actor ids, decisions. Derived
    tables are rebuilt: every article is marked stale and re-extracted from its stored text by
    the next ingest (nothing the user wrote is lost; 0.1 had no stored decisions)."""
    for name in ("actor_names", "actors", "acronyms", "relations", "mentions", "sentences"):
        conn.execute(text(f'DROP TABLE IF EXISTS "{name}"'))
    for column, ddl in (("seq", "INTEGER"), ("text_hash", "VARCHAR(64) DEFAULT '' NOT NULL"),
                        ("location", "TEXT DEFAULT '' NOT NULL"),
                        ("extractor", "VARCHAR(64) DEFAULT '' NOT NULL"),
                        ("written", "INTEGER DEFAULT 0 NOT NULL")):
        conn.execute(text(f"ALTER TABLE articles ADD COLUMN {column} {ddl}"))
    rows = conn.execute(select(t.articles.c.id, t.articles.c.text).order_by(t.articles.c.id))
    for n, (aid, body) in enumerate(rows.all(), start=1):
        conn.execute(t.articles.update().where(t.articles.c.id == aid).values(
            seq=n, text_hash=text_hash(body), hash=""))
    conn.execute(text("CREATE UNIQUE INDEX ix_articles_seq ON articles (seq)"))
    for column in ("url", "text_hash", "written"):
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_articles_{column} ON articles "
                          f"({column})"))
    t.metadata.create_all(conn)  # the tables that do not exist yet
    count = conn.execute(select(t.articles.c.id)).all()
    return (f"upgraded the store to schema 2: its {len(count)} articles will be re-extracted "
            "from their stored text by the next 'relgraph ingest'")


def _v3(conn: Connection) -> str:
    """Event dates: each typed relation keeps when it happened (date, precision, basis,
    planned) and the pair aggregates are split by event day. Stored rows stay valid as they
    are: no event date means the article's date, which is what they were counted by."""
    inspector = inspect(conn)
    for table, column, ddl in (
            ("relations", "event_date", "VARCHAR(10)"),
            ("relations", "event_precision", "VARCHAR(8)"),
            ("relations", "event_basis", "VARCHAR(16)"),
            ("relations", "event_planned", "BOOLEAN DEFAULT FALSE NOT NULL"),
            ("pair_stats", "day", "INTEGER DEFAULT 0 NOT NULL")):
        # a store upgraded from 0.1 in the same run already has them (step 2 made the tables)
        if column not in {c["name"] for c in inspector.get_columns(table)}:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}"))
    return ("upgraded the store to schema 3 (event dates): relations stored before are dated "
            "by their article's date until their article is extracted again")


def _v4(conn: Connection) -> str:
    """Saved views and notes (issue 25): two new tables, nothing else touched."""
    t.metadata.create_all(conn, tables=[t.saved_views, t.notes])
    return "upgraded the store to schema 4: saved views and notes"


def _v5(conn: Connection) -> str:
    """Positions in saved views: a nullable column; views saved before keep none (they open
    laid out as before)."""
    # a store upgraded from schema 3 or older in the same run made the table with it already
    if "positions" not in {c["name"] for c in inspect(conn).get_columns("saved_views")}:
        conn.execute(text("ALTER TABLE saved_views ADD COLUMN positions TEXT"))
    return ("upgraded the store to schema 5: saved views keep where each actor was drawn "
            "(views saved before open laid out as before)")


def _v6(conn: Connection) -> str:
    """Per-name totals (mentions, weight) over the whole corpus, kept by every write from now
    on and computed here once from the stored rows (one pass over them)."""
    t.name_totals.create(conn, checkfirst=True)
    names = totals.fill(conn)
    return (f"upgraded the store to schema 6: per-name totals for ranking actors ({names:,} "
            "names counted once)")


#: (version, description, upgrade step). Version 1 is relgraph 0.1's schema, never created
#: any more (a fresh store is created at the newest version).
MIGRATIONS: list[tuple[int, str, Callable[[Connection], str] | None]] = [
    (1, "relgraph 0.1: articles, sentences, mentions, relations, actors", None),
    (2, "interned names, aggregates, stable actor ids, curation decisions", _v2),
    (3, "event dates on typed relations and pair aggregates by event day", _v3),
    (4, "saved views and notes", _v4),
    (5, "positions in saved views", _v5),
    (6, "per-name totals of mentions and weight", _v6),
]
assert MIGRATIONS[-1][0] == t.SCHEMA_VERSION


def migrate(engine: Engine) -> list[str]:
    """Bring the database to the current schema; returns messages for the user (upgrades)."""
    if _current(engine):  # the usual case: a read, no write lock taken
        return []
    messages: list[str] = []
    with write_transaction(engine, exclusive=True) as conn:
        tables = set(inspect(conn).get_table_names())
        if "migrations" in tables:
            applied = set(conn.execute(select(t.migrations.c.version)).scalars())
        elif "articles" in tables:  # relgraph 0.1: no migrations table yet
            t.migrations.create(conn)
            _record(conn, 1)
            applied = {1}
        else:
            t.metadata.create_all(conn)
            for version, _, _ in MIGRATIONS:
                _record(conn, version)
            applied = {v for v, _, _ in MIGRATIONS}
        newer = max(applied, default=0)
        if newer > t.SCHEMA_VERSION:
            raise StoreError(f"this database was written by a newer relgraph (schema {newer}; "
                             f"this one knows {t.SCHEMA_VERSION}): upgrade relgraph")
        for version, _, step in MIGRATIONS:
            if version not in applied:
                if step is not None:
                    messages.append(step(conn))
                _record(conn, version)
        _init_meta(conn)
    return messages


def _current(engine: Engine) -> bool:
    """True if every version is applied and the counters exist (nothing to write)."""
    with engine.connect() as conn:
        if "migrations" not in set(inspect(conn).get_table_names()):
            return False
        applied = set(conn.execute(select(t.migrations.c.version)).scalars())
        keys = set(conn.execute(select(t.meta.c.key)).scalars())
    return (applied >= {v for v, _, _ in MIGRATIONS} and keys >= set(META_KEYS)
            and max(applied) <= t.SCHEMA_VERSION)


def _record(conn: Connection, version: int) -> None:
    name = next(n for v, n, _ in MIGRATIONS if v == version)
    conn.execute(t.migrations.insert().values(
        version=version, name=name, applied_at=datetime.now(UTC).isoformat(timespec="seconds")))


#: meta keys and their initial values: ``revision`` changes with any stored change (a cache
#: key); ``names_rev`` is the revision of the last write that may add names; ``resolved_rev``
#: the ``names_rev`` the last completed resolution saw; ``actors_rev`` the revision of the last
#: change to actors (resolution or a decision).
META_KEYS = {"revision": "0", "names_rev": "0", "resolved_rev": "0", "actors_rev": "0"}


def _init_meta(conn: Connection) -> None:
    have = set(conn.execute(select(t.meta.c.key)).scalars())
    missing = [{"key": k, "value": v} for k, v in META_KEYS.items() if k not in have]
    if missing:
        conn.execute(t.meta.insert(), missing)
