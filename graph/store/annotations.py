"""Analysts' records kept in the store and shared by everyone on the database: named views
of the dashboard (their URL query, and where each actor was drawn) and notes on actors and
links (who, when, what).

Neither changes the graph, so neither bumps the store's revision: no view is recomputed
for a note. A mixin of :class:`graph.store.store.Store` (it owns the engine).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from graph.core.errors import CurationError
from graph.store import schema as t
from graph.store.engine import write_transaction

__all__ = ["Annotations", "link_target"]

MAX_NAME = 120
MAX_NOTE = 4000
MAX_PLACED = 5000  # actors whose positions a view keeps (a view shows at most 2,000 and more
#                    when expanded)


def link_target(a: str, b: str) -> str:
    """The note target of the link between actors ``a`` and ``b`` (either order)."""
    return "|".join(sorted((a, b)))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Annotations:
    """Saved views and notes (see the module docstring)."""

    engine: Engine

    def save_view(self, name: str, query: str, user: str,
                  positions: Mapping[str, tuple[float, float]] | None = None) -> dict:
        """Keep the view ``query`` under ``name`` (a name already used is replaced: the
        newest view of that name wins), with ``positions``: where each actor was drawn
        (actor id → x, y in the graph's own units, kept to 0.01)."""
        name = " ".join(name.split())
        if not name or len(name) > MAX_NAME:
            raise CurationError(f"a view's name is 1 to {MAX_NAME} characters")
        row = {"name": name, "query": query, "user": user, "at": _now(),
               "positions": _positions_text(positions)}
        sv = t.saved_views
        for attempt in (1, 2):
            try:
                with write_transaction(self.engine) as conn:  # the newest of a name: a new id
                    conn.execute(sv.delete().where(sv.c.name == name))
                    conn.execute(sv.insert().values(**row))
                break
            except IntegrityError:  # saved by someone else at this very moment: again
                if attempt == 2:
                    raise
        del row["positions"]
        return row

    def view_positions(self, name: str) -> dict[str, tuple[float, float]] | None:
        """Where each actor was drawn when the view ``name`` was saved (None: no such view,
        or one saved without positions)."""
        sv = t.saved_views
        with self.engine.connect() as conn:
            found = conn.execute(select(sv.c.positions).where(
                sv.c.name == " ".join(name.split()))).scalar()
        if not found:
            return None
        return {k: (float(v[0]), float(v[1])) for k, v in json.loads(found).items()}

    def saved_views(self) -> list[dict]:
        """Every saved view, newest first: name, query, user, time, and ``placed``: whether
        it keeps positions (read with :meth:`view_positions`)."""
        sv = t.saved_views
        with self.engine.connect() as conn:
            return [{**r._mapping, "placed": bool(r.placed)} for r in conn.execute(
                select(sv.c.name, sv.c.query, sv.c.user, sv.c.at,
                       sv.c.positions.is_not(None).label("placed")).order_by(sv.c.id.desc()))]

    def add_note(self, target: str, text: str, user: str) -> dict:
        """A note on ``target`` (an actor id, or :func:`link_target` of a link)."""
        text = text.strip()
        if not text or len(text) > MAX_NOTE:
            raise CurationError(f"a note is 1 to {MAX_NOTE:,} characters")
        row = {"target": target, "text": text, "user": user, "at": _now()}
        with write_transaction(self.engine) as conn:
            conn.execute(t.notes.insert().values(**row))
        return row

    def notes(self, target: str) -> list[dict]:
        """The notes on ``target``, oldest first: text, user, time."""
        n = t.notes
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(
                select(n.c.text, n.c.user, n.c.at).where(n.c.target == target).order_by(
                    n.c.id))]

    def notes_on(self, targets: Iterable[str]) -> dict[str, list[dict]]:
        """The notes on each of ``targets`` that has any (target → notes, oldest first:
        text, user, time), read at once: an export or a briefing pack asks for every drawn
        actor and link."""
        wanted = set(targets)
        if not wanted:
            return {}
        n = t.notes
        out: dict[str, list[dict]] = {}
        with self.engine.connect() as conn:
            # analysts' notes are few beside a slice's actors and links: read them all once
            # rather than a query (or a parameter) per target
            for target, text, user, at in conn.execute(
                    select(n.c.target, n.c.text, n.c.user, n.c.at).order_by(n.c.id)):
                if target in wanted:
                    out.setdefault(target, []).append({"text": text, "user": user, "at": at})
        return out


def _positions_text(positions: Mapping[str, tuple[float, float]] | None) -> str | None:
    """``positions`` as the column's JSON text; a :class:`CurationError` for more than
    :data:`MAX_PLACED` actors or a coordinate that is not a finite number."""
    if not positions:
        return None
    if len(positions) > MAX_PLACED:
        raise CurationError(f"a view keeps the positions of at most {MAX_PLACED:,} actors")
    out = {}
    for actor, (x, y) in positions.items():
        if not (math.isfinite(x) and math.isfinite(y)):
            raise CurationError(f"the position of {actor!r} is not a finite number")
        out[str(actor)] = [round(float(x), 2), round(float(y), 2)]
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))
