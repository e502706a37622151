"""Listings of what the store holds, for ``relgraph articles`` (and anyone needing ids)."""

from __future__ import annotations

from datetime import date

from graph.store.store import Store

__all__ = ["article_rows"]


def article_rows(store: Store, since: date | None = None,
                 until: date | None = None) -> list[dict]:
    """Every article (by date, undated last) with ``id, date, source, title, words, actors``
    (distinct actors mentioned). ``since``/``until`` keep dated articles in that range."""
    actors = store.article_actor_counts()
    out = []
    for a in store.articles():
        day = date.fromisoformat(a["date"]) if a["date"] else None
        if (since or until) and day is None:
            continue
        if (since and day < since) or (until and day > until):
            continue
        out.append({"id": a["id"], "date": a["date"], "source": a["source"] or "",
                    "title": a["title"] or "", "words": int(a["words"] or 0),
                    "actors": actors.get(a["id"], 0)})
    return out
