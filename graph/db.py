"""Database connections: URLs, engines, write transactions and one-line errors.

SQLite gets WAL mode, foreign keys and a generous busy timeout; its write transactions start
with ``BEGIN IMMEDIATE`` so two processes never both read-then-write the same rows (the second
waits for the first). PostgreSQL write transactions that must not interleave take an advisory
lock. A database that cannot be opened is a :class:`StoreError` with one readable line.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

__all__ = ["DEFAULT_DB", "StoreError", "database_url", "make_engine", "sqlite_path",
           "write_transaction"]

DEFAULT_DB = "relgraph.db"
_SQLITE_HEADER = b"SQLite format 3\x00"
#: Advisory lock id for PostgreSQL transactions that must run one at a time (schema changes,
#: resolution, decisions).
PG_LOCK = 0x7265_6C67  # "relg"


class StoreError(RuntimeError):
    """The database cannot be used (missing, not a database, unreachable); one line."""


def database_url(db: str | os.PathLike | None = None) -> str:
    """A SQLAlchemy URL from ``db`` (a URL or a file path), ``$RELGRAPH_DB`` or the default."""
    db = str(db or os.environ.get("RELGRAPH_DB") or DEFAULT_DB)
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases or an in-memory one)."""
    if not url.startswith("sqlite:///"):
        return None
    path = url.removeprefix("sqlite:///").split("?", 1)[0]
    return Path(path) if path not in ("", ":memory:") else None


def make_engine(url: str, *, create: bool = True) -> Engine:
    """An engine for ``url``, checked before anything is written: a SQLite path must be a
    SQLite file (or not exist yet, when ``create``), never a directory or another file."""
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path, create)
    try:
        engine = create_engine(url, **_engine_options(url))
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot use database {url!r}: {exc}") from None
    if engine.dialect.name == "sqlite":
        _sqlite_events(engine)
    return engine


def _engine_options(url: str) -> dict:
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": 60}}
    return {"pool_pre_ping": True}


def _check_sqlite_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    if path.exists():
        try:
            with path.open("rb") as f:
                head = f.read(len(_SQLITE_HEADER))
        except OSError as exc:
            raise StoreError(f"cannot read database {path}: {exc.strerror or exc}") from None
        if head and head != _SQLITE_HEADER:
            raise StoreError(f"{path} is not a relgraph database (not a SQLite file); "
                             "choose another --db")
    elif not create:
        raise StoreError(f"no database at {path}; run 'relgraph ingest PATH' first")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create database {path}: {exc.strerror or exc}") from None


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # transactions are begun explicitly below
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        _wal(cur)
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("relgraph_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


def _wal(cur, patience: float = 60.0) -> None:  # noqa: ANN001
    """Put the database in WAL mode (once per file: it persists). Switching needs a moment
    without other writers, and SQLite reports "database is locked" at once rather than
    waiting, so two processes creating a database together retry here."""
    import sqlite3
    import time

    deadline = time.monotonic() + patience
    while cur.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        try:
            cur.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextlib.contextmanager
def write_transaction(engine: Engine, *, exclusive: bool = False) -> Iterator[Connection]:
    """A transaction for writing. On SQLite it holds the write lock from its first statement;
    with ``exclusive`` on PostgreSQL it takes the relgraph advisory lock, so transactions that
    read, decide and write (migrations, resolution, decisions) run one at a time."""
    with engine.connect().execution_options(relgraph_write=True) as conn, conn.begin():
        if exclusive and engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK})
        yield conn


def describe_error(url: str, exc: Exception) -> str:
    """One line for a database error a user can cause (unreachable server, bad file)."""
    where = sqlite_path(url) or _hide_password(url)
    if isinstance(exc, DBAPIError):
        detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    else:
        detail = str(exc).strip().splitlines()[0]
    return f"cannot use database {where}: {detail}"


def _hide_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
