"""Database connections: URLs, engines, write transactions and one-line errors.

SQLite gets WAL mode, foreign keys and a generous busy timeout; its write transactions start
with ``BEGIN IMMEDIATE`` so two processes never both read-then-write the same rows (the second
waits for the first). A SQLite file this process cannot write (a read-only mount, no write
permission on the file or its directory) is opened read-only: reading works, and any write
transaction is a :class:`ReadOnlyError` before it starts. An in-memory SQLite database is
refused: the store is shared by processes and threads (ingest workers, the dashboard's server
threads), each of which would see its own empty database. PostgreSQL write transactions that
must not interleave take an advisory lock. A database that cannot be opened is a
:class:`StoreError` with one readable line.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, ExceptionContext, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    InterfaceError,
    NoSuchModuleError,
    OperationalError,
)

from graph.core.errors import ReadOnlyError, StoreError

__all__ = ["DEFAULT_DB", "ReadOnlyError", "StoreError", "database_url", "make_engine",
           "read_only_reason", "sqlite_path", "write_transaction"]

DEFAULT_DB = "relgraph.db"
_SQLITE_HEADER = b"SQLite format 3\x00"
#: Advisory lock id for PostgreSQL transactions that must run one at a time (schema changes,
#: resolution, decisions).
PG_LOCK = 0x7265_6C67  # "relg"




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
    SQLite file (or not exist yet, when ``create``), never a directory or another file, and
    not an in-memory database. A SQLite file this process cannot write is opened read-only
    (see :func:`read_only_reason`)."""
    if _in_memory(url):
        raise StoreError(f"{url!r} is an in-memory database, which cannot hold a store between "
                         "commands or share it between processes; give a file (--db "
                         "relgraph.db)")
    path = sqlite_path(url)
    options = _engine_options(url)
    if path is not None:
        _check_sqlite_file(path, create)
        why = _unwritable(path)
        if why:
            options = _read_only_options(path, why)
    try:
        engine = create_engine(url, **options)
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as exc:
        hint = (" (pip install 'relgraph[postgres]')"
                if isinstance(exc, ImportError) and "psycopg" in str(exc) else "")
        raise StoreError(f"cannot use database {url!r}: {exc}{hint}") from None
    if engine.dialect.name == "sqlite":
        _sqlite_events(engine)
    _translate_errors(engine, url)
    return engine


#: Driver errors a user can cause (a server down, a locked or corrupt file, a lost connection,
#: a full disk): every ``Store`` method raises them as :class:`StoreError`. Programming errors
#: (bad SQL, a violated constraint) keep their SQLAlchemy type and traceback: they are bugs.
_USER_CAUSED = (OperationalError, InterfaceError)
#: sqlite3 raises OperationalError for SQL mistakes too ("no such column", "syntax error"):
#: for SQLite only these conditions of the file and the machine count as the user's.
_SQLITE_USER_CAUSED = ("database is locked", "unable to open", "disk i/o error",
                       "file is not a database", "malformed", "readonly database",
                       "database or disk is full", "out of memory")


def _translate_errors(engine: Engine, url: str) -> None:
    """Make ``engine`` raise :class:`StoreError` (one line naming the database) for driver
    errors a user can cause, wherever in the store they happen (SQLAlchemy's ``handle_error``
    event: raising from it replaces the exception)."""

    @event.listens_for(engine, "handle_error")
    def _one_line(context: ExceptionContext) -> None:
        exc = context.sqlalchemy_exception
        if engine.dialect.name == "sqlite":
            detail = str(context.original_exception).lower()
            users = any(s in detail for s in _SQLITE_USER_CAUSED)
        else:
            users = isinstance(exc, _USER_CAUSED) or context.is_disconnect
        if users:
            raise StoreError(describe_error(url, exc or context.original_exception)) from exc


def read_only_reason(engine: Engine) -> str | None:
    """Why ``engine`` was opened read-only ("read-only file system", ...), or None if it
    can write."""
    return engine.get_execution_options().get("relgraph_read_only")


def _engine_options(url: str) -> dict:
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": 60}}
    return {"pool_pre_ping": True}


def _in_memory(url: str) -> bool:
    """True for SQLite URLs of a database that lives only in this process."""
    try:
        u = make_url(url)
    except ArgumentError:
        return False  # create_engine reports it
    if not u.drivername.startswith("sqlite"):
        return False
    db = u.database or ""
    return db in ("", ":memory:") or db.startswith("file::memory:") or \
        "mode=memory" in db or u.query.get("mode") == "memory"


def _unwritable(path: Path) -> str | None:
    """Why this process cannot write the existing SQLite file ``path`` (WAL mode also needs
    to create files beside it), or None. ``access`` answers for this process's user, and
    says no on a read-only mount even to root."""
    if not path.exists():
        return None
    parent = path.resolve().parent
    if os.access(path, os.W_OK) and os.access(parent, os.W_OK):
        return None
    with contextlib.suppress(OSError):
        if os.statvfs(parent).f_flag & os.ST_RDONLY:
            return "read-only file system"
    return "no write permission" if not os.access(path, os.W_OK) else \
        "its directory is not writable"


def _read_only_options(path: Path, why: str) -> dict:
    """Engine options that open ``path`` read-only. ``mode=ro`` still reads a WAL database's
    pending pages, but needs its shared-memory file (beside it, or creatable); where neither
    is possible (a read-only directory after a clean close, when the pages are all in the
    main file) the file is opened ``immutable``: nothing can change it from here."""
    uri = f"file:{quote(str(path.resolve()))}"
    try:
        probe = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=60)
        try:
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
            uri += "?mode=ro"
        finally:
            probe.close()
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc) and "readonly" not in str(exc):
            raise StoreError(f"cannot use database {path}: {exc}") from None
        uri += "?immutable=1"  # the shared-memory file can be neither read nor created
    except sqlite3.DatabaseError as exc:  # damaged: the same line as a writable file gets
        raise StoreError(f"cannot use database {path}: {exc}") from None
    return {"creator": lambda: sqlite3.connect(uri, uri=True, timeout=60,
                                               check_same_thread=False),
            "execution_options": {"relgraph_read_only": why}}


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
        if not os.access(path.parent, os.W_OK):
            raise ReadOnlyError(f"cannot create database {path}: its directory is not "
                                "writable")


def _sqlite_events(engine: Engine) -> None:
    writable = not read_only_reason(engine)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # transactions are begun explicitly below
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if writable:
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
    waiting, so two processes creating a database together retry here. A database that
    cannot be in WAL mode (in memory, immutable) answers with its own mode and keeps it."""
    import time

    deadline = time.monotonic() + patience
    if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
        return
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL").fetchone()
            return  # switched, or a mode that cannot change: both final
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextlib.contextmanager
def write_transaction(engine: Engine, *, exclusive: bool = False) -> Iterator[Connection]:
    """A transaction for writing. On SQLite it holds the write lock from its first statement;
    with ``exclusive`` on PostgreSQL it takes the relgraph advisory lock, so transactions that
    read, decide and write (migrations, resolution, decisions) run one at a time. On a
    database opened read-only it is a :class:`ReadOnlyError`, before anything starts."""
    why = read_only_reason(engine)
    if why:
        where = engine.url.database or engine.url
        raise ReadOnlyError(f"{where} is open read-only ({why}); writing needs write access")
    with engine.connect().execution_options(relgraph_write=True) as conn, conn.begin():
        if exclusive and engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK})
        yield conn


def describe_error(url: str, exc: BaseException) -> str:
    """One line for a database error a user can cause (unreachable server, bad file)."""
    where = sqlite_path(url) or _hide_password(url)
    if isinstance(exc, DBAPIError):
        detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    else:
        detail = str(exc).strip().splitlines()[0]
    return f"cannot use database {where}: {detail}"


def _hide_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
