"""Which names articles name together: the evidence resolution asks for before it joins a
lone surname from one article to a full name from another (:mod:`graph.resolution.evidence`).
Typed reads over ``mention_stats``, asked only of the few candidate keys; two statements
built once, the keys bound as lists (no per-key SQL building)."""

from __future__ import annotations

import re
from collections.abc import Collection

from sqlalchemy import Connection, bindparam, case, func, select

from graph.core.batches import chunked
from graph.store import schema as t

__all__ = ["StoredCooccurrence"]


def _articles(param: str):  # noqa: ANN202
    """The articles that use a name of one of the keys bound to ``param``."""
    ms, nm = t.mention_stats, t.names
    return (
        select(ms.c.article_id)
        .join(nm, nm.c.id == ms.c.name_id)
        .where(nm.c.key.in_(bindparam(param, expanding=True)))
    )


def _statements():  # noqa: ANN202
    ms, nm = t.mention_stats, t.names
    beside = (
        select(nm.c.key)
        .distinct()
        .join(ms, ms.c.name_id == nm.c.id)
        .where(ms.c.article_id.in_(_articles("keys")))
    )
    meets = (
        select(ms.c.article_id)
        .join(nm, nm.c.id == ms.c.name_id)
        .where(
            nm.c.key.in_(bindparam("others", expanding=True)),
            ms.c.article_id.in_(_articles("keys")),
        )
        .limit(1)
    )
    m, a, nm = t.mentions, t.articles, t.names
    begin = case((m.c.start > _BEFORE, m.c.start - _BEFORE + 1), else_=1)
    before = (
        select(func.substr(a.c.text, begin, m.c.start - begin + 1))
        .select_from(m)
        .join(a, a.c.id == m.c.article_id)
        .join(nm, nm.c.id == m.c.name_id)
        .where(nm.c.key.in_(bindparam("keys", expanding=True)))
    )
    by_article = (
        select(ms.c.article_id, nm.c.key)
        .join(nm, nm.c.id == ms.c.name_id)
        .where(ms.c.article_id.in_(_articles("keys").distinct().limit(_ARTICLES)))
        .order_by(ms.c.article_id)
    )
    return beside, meets, before, by_article


#: Articles read for :meth:`StoredCooccurrence.article_names` (the first ones by id): enough
#: to tell a public figure from a name of one story.
_ARTICLES = 40

#: Characters read before a mention for the word in front of it ("President", "coach").
_BEFORE = 30
_WORD = re.compile(r"([^\W\d_]+)\W*$")


class StoredCooccurrence:
    """:class:`graph.resolution.evidence.Cooccurrence` read from a store connection (within
    one resolution)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._beside, self._meets, self._before, self._by_article = _statements()
        self._seen: dict[frozenset[str], frozenset[str]] = {}

    def neighbours(self, keys: Collection[str]) -> frozenset[str]:
        """Every name key used in an article that uses one of ``keys`` (remembered)."""
        wanted = frozenset(keys)
        if wanted not in self._seen:
            rows = self.conn.execute(self._beside, {"keys": sorted(wanted)})
            self._seen[wanted] = frozenset(k for (k,) in rows)
        return self._seen[wanted]

    def meets(self, keys: Collection[str], others: Collection[str]) -> bool:
        """Does one article use a key of ``keys`` and a key of ``others``?"""
        for chunk in chunked(sorted(others)):
            got = self.conn.execute(self._meets, {"keys": sorted(keys), "others": list(chunk)})
            if got.first() is not None:
                return True
        return False

    def words_before(self, keys: Collection[str]) -> frozenset[str]:
        """The words written right before the mentions of ``keys``, lower case ("president"
        for "President Macron")."""
        out = set()
        for (text,) in self.conn.execute(self._before, {"keys": sorted(keys)}):
            found = _WORD.search(text or "")
            if found:
                out.add(found.group(1).lower())
        return frozenset(out)

    def article_names(self, keys: Collection[str]) -> list[frozenset[str]]:
        """For each article that uses one of ``keys`` (the first :data:`_ARTICLES` by id),
        the name keys it uses."""
        out: dict[str, set[str]] = {}
        for article, key in self.conn.execute(self._by_article, {"keys": sorted(keys)}):
            out.setdefault(article, set()).add(key)
        return [frozenset(v) for v in out.values()]
