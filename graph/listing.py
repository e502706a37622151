"""Listings of what the store holds, for ``relgraph articles`` (and anyone needing ids)."""

from __future__ import annotations

from datetime import date

import numpy as np

from .build import UNDATED, Corpus
from .store import Store

__all__ = ["article_rows"]


def article_rows(store: Store, since: date | None = None,
                 until: date | None = None) -> list[dict]:
    """Every article (by date, undated last) with ``id, date, source, title, words, actors``
    (distinct actors mentioned). ``since``/``until`` keep dated articles in that range."""
    c = Corpus.load(store)
    pairs = np.unique(c.m_article * max(len(c.labels), 1) + c.m_actor)
    actors = np.bincount(pairs // max(len(c.labels), 1), minlength=len(c.articles))
    out = []
    for i, a in enumerate(c.articles):
        day = int(c.dates[i])
        if (since or until) and day == UNDATED:
            continue
        if (since and day < since.toordinal()) or (until and day > until.toordinal()):
            continue
        out.append({"id": a["id"], "date": a["date"], "source": a["source"] or "",
                    "title": a["title"] or "", "words": int(a["words"] or 0),
                    "actors": int(actors[i])})
    return out
