"""Which names articles name together: the evidence resolution asks for before it joins a
lone surname from one article to a full name from another (:mod:`graph.resolution.evidence`).
A typed read over ``mention_stats``, asked only of the few candidate keys."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, select

from graph.store import schema as t

__all__ = ["neighbour_keys"]


def neighbour_keys(conn: Connection) -> Callable[[str], frozenset[str]]:
    """``neighbours(key)``: the name keys of every article that uses a name of key ``key``,
    other than ``key`` itself (one query per key asked, remembered for the connection's
    resolution)."""
    ms, nm = t.mention_stats, t.names
    other, other_name = ms.alias("other"), nm.alias("other_name")
    seen: dict[str, frozenset[str]] = {}

    def neighbours(key: str) -> frozenset[str]:
        if key not in seen:
            q = (
                select(other_name.c.key)
                .distinct()
                .select_from(ms)
                .join(nm, nm.c.id == ms.c.name_id)
                .join(other, other.c.article_id == ms.c.article_id)
                .join(other_name, other_name.c.id == other.c.name_id)
                .where(nm.c.key == key)
            )
            seen[key] = frozenset(k for (k,) in conn.execute(q)) - {key}
        return seen[key]

    return neighbours
