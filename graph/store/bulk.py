"""Bulk inserts: many rows of one table compiled once and handed to the database driver.

``conn.execute(insert(table), rows)`` makes SQLAlchemy build and type-convert the parameters of
every row in Python; on the ingest path that cost about as much CPU as SQLite itself. Here the
INSERT is compiled once per (dialect, table, columns), each column's bind processor (SQLite's
Date → ISO text, Boolean → 0/1) is looked up once, and the rows go to the driver's
``executemany`` through :meth:`Connection.exec_driver_sql`: same SQL text as SQLAlchemy's, same
transaction, same error wrapping and events. Positional paramstyles (SQLite's ``?``) get tuples
in the compiled order; named ones (psycopg's ``%(name)s`` on PostgreSQL) get dicts.

Rows must share their keys and name every column the INSERT writes (the store's row builders do:
no Python-side default to fill in); any other batch takes SQLAlchemy's ordinary path.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Connection, Dialect

__all__ = ["insert_rows"]


@dataclass(frozen=True)
class _Plan:
    """One compiled INSERT: its SQL, the row keys in parameter order, the parameter names (None:
    positional) and the bind processors by position (None: the value goes as it is)."""

    sql: str
    keys: tuple[str, ...]
    names: tuple[str, ...] | None
    procs: tuple[tuple[int, Callable[[Any], Any]], ...]


#: dialect → {(table, row keys): plan, or None when the rows need SQLAlchemy's own path}
_PLANS: weakref.WeakKeyDictionary[Dialect, dict[tuple, _Plan | None]] = weakref.WeakKeyDictionary()


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict]) -> None:
    """INSERT ``rows`` (dicts keyed by column, all with the same keys) into ``table``."""
    if not rows:
        return
    keys = tuple(rows[0])
    plan = _plan(conn.dialect, table, keys)
    if plan is None or any(len(r) != len(keys) for r in rows):
        conn.execute(insert(table), list(rows))
        return
    try:
        params = _params(plan, rows)
    except KeyError:  # a row with other keys
        conn.execute(insert(table), list(rows))
        return
    conn.exec_driver_sql(plan.sql, params)


def _params(plan: _Plan, rows: Sequence[dict]) -> list:
    """The driver's parameters for ``rows``: tuples in the plan's order, or dicts by name."""
    tuples = (
        list(map(itemgetter(*plan.keys), rows))
        if len(plan.keys) > 1
        else [(r[plan.keys[0]],) for r in rows]
    )
    if plan.procs:
        converted = []
        for values in tuples:
            out = list(values)
            for i, proc in plan.procs:
                out[i] = proc(out[i])
            converted.append(tuple(out))
        tuples = converted
    if plan.names is None:
        return tuples
    names = plan.names
    return [dict(zip(names, values, strict=True)) for values in tuples]


def _plan(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> _Plan | None:
    plans = _PLANS.setdefault(dialect, {})
    if (table, keys) not in plans:
        plans[table, keys] = _compile(dialect, table, keys)
    return plans[table, keys]


def _compile(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> _Plan | None:
    """Compile the INSERT of ``keys``; None when it would also write columns the rows do not
    name (defaults SQLAlchemy fills in) or the rows name something that is not a column."""
    if not set(keys) <= set(table.c.keys()):
        return None
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys), for_executemany=True)
    order = tuple(compiled.positiontup or ()) if compiled.positional else tuple(compiled.binds)
    if sorted(order) != sorted(keys):
        return None
    procs = []
    for i, key in enumerate(order):
        proc = table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
        if proc is not None:
            procs.append((i, proc))
    names = (
        None if compiled.positional else tuple(compiled.escaped_bind_names.get(k, k) for k in order)
    )
    return _Plan(compiled.string, order, names, tuple(procs))
