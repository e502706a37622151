"""Typed relations dated away from their article, indexed once per corpus, so a date range
can count typed relations by event date at little cost.

Most typed rows of the pair aggregates happen on their article's date (or have no date of
their own); a date range keeps them with their article, as it keeps co-occurrences. The
others — "met last year", "will visit next month", an explicit date in a background
paragraph — are *moved*: a date range drops those of its articles whose event day falls
outside it and adds those of other articles whose event day falls inside. :class:`EventDays`
holds only the moved rows, sorted by event day (built in one pass over the rows when a corpus
is loaded or refreshed), so a range costs a pass over them, never over the whole corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from graph.slices.arrays import distinct

__all__ = ["EventDays", "Moves"]

_EMPTY = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class Moves:
    """What a date range changes in the rows its articles select: typed rows to drop (their
    event lies outside the range) and typed rows of other articles to add (their event lies
    inside), with ``added_star``: the ``*`` row (the pair's distinct sentences in that
    article) of each added row, which caps what the added rows of one pair and article
    count."""

    dropped: np.ndarray
    added: np.ndarray
    added_star: np.ndarray

    @property
    def any(self) -> bool:
        return bool(len(self.dropped) or len(self.added))


NO_MOVES = Moves(_EMPTY, _EMPTY, _EMPTY)


@dataclass(frozen=True)
class EventDays:
    """The moved typed rows of a corpus (alive articles only), sorted by event day."""

    rows: np.ndarray  # row numbers into the corpus' pair rows
    days: np.ndarray  # their event days (ordinals), ascending
    star: np.ndarray  # the ``*`` row of the same article and name pair

    @classmethod
    def of(cls, r_article: np.ndarray, r_pair: np.ndarray, r_kind: np.ndarray,
           r_day: np.ndarray, dates: np.ndarray, all_kinds: int, n_pairs: int,
           start: int = 0) -> EventDays:
        """Index the rows (from row ``start`` on: the rows a refresh appended) whose event day
        (``r_day``, 0 for "the article's date") differs from their article's date
        (``dates``). Rows of replaced articles may stay: :meth:`moves` only ever takes rows
        of the articles it is given, which are alive."""
        block = slice(start, None)
        if not len(r_day[block]):
            return cls(_EMPTY, _EMPTY, _EMPTY)
        art, day, kind = r_article[block], r_day[block], r_kind[block]
        moved = start + np.flatnonzero((day != 0) & (day != dates[art]) & (kind != all_kinds))
        if not len(moved):
            return cls(_EMPTY, _EMPTY, _EMPTY)
        moved = moved[np.argsort(r_day[moved], kind="stable")]
        width = np.int64(max(n_pairs, 1))
        # the ``*`` rows of the articles with moved rows only (an article's rows are a block)
        arts = distinct(r_article[moved])
        first = np.searchsorted(r_article, arts)
        last = np.searchsorted(r_article, arts, side="right")
        lens = last - first
        near = np.repeat(first - np.concatenate(([0], np.cumsum(lens)[:-1])), lens) + (
            np.arange(int(lens.sum())))
        star_rows = near[r_kind[near] == all_kinds]
        keys = r_article[star_rows] * width + r_pair[star_rows]
        if (keys[1:] < keys[:-1]).any():  # the store writes them in order: usually sorted
            order = np.argsort(keys, kind="stable")
            keys, star_rows = keys[order], star_rows[order]
        wanted = r_article[moved] * width + r_pair[moved]
        at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
        # every typed row has its pair's ``*`` row in the same article (pair_rows writes one)
        star = star_rows[at] if len(keys) else np.full(len(moved), -1, dtype=np.int64)
        return cls(moved, r_day[moved], star)

    def merged(self, newer: EventDays) -> EventDays:
        """This index with the rows of ``newer`` (rows appended by a refresh) added."""
        if not len(newer.rows):
            return self
        days = np.concatenate([self.days, newer.days])
        order = np.argsort(days, kind="stable")
        return EventDays(np.concatenate([self.rows, newer.rows])[order], days[order],
                         np.concatenate([self.star, newer.star])[order])

    def moves(self, chosen: np.ndarray, eligible: np.ndarray, since: date | None,
              until: date | None, r_article: np.ndarray) -> Moves:
        """The moves of a date range ``since``..``until``: ``chosen`` is the mask of the
        articles the range selects by their own date; ``eligible`` those the slice's other
        filters allow (an article outside the range still gives its events inside it)."""
        if not len(self.rows) or not (since or until):
            return NO_MOVES
        low = np.searchsorted(self.days, since.toordinal()) if since else 0
        high = np.searchsorted(self.days, until.toordinal(), side="right") if until else len(
            self.days)
        inside = np.zeros(len(self.rows), dtype=bool)
        inside[low:high] = True
        arts = r_article[self.rows]
        dropped = self.rows[~inside & chosen[arts]]
        add = inside & ~chosen[arts] & eligible[arts] & (self.star >= 0)
        return Moves(dropped, self.rows[add], self.star[add])

    def bounds(self) -> tuple[int, int] | None:
        """The first and last event day of the moved rows (None if there is none)."""
        return (int(self.days[0]), int(self.days[-1])) if len(self.days) else None
