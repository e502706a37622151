"""What the corpus computes per name and per name pair: whole-corpus figures that do not
depend on actors (:class:`Totals`) and the names and name pairs mapped to actors
(:class:`Mapping`, recomputed when actors change: one pass over the names, never the rows).

Both are parts of :class:`graph.slices.corpus.Corpus`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from graph.slices.arrays import Groups

__all__ = ["Mapping", "Totals"]


@dataclass(frozen=True)
class Totals:
    """Whole-corpus figures per name and per name pair (alive articles only). They depend on
    the rows, never on which names form which actor."""

    name_mentions: np.ndarray
    name_first: np.ndarray  # earliest dated article per name (max int if none)
    name_last: np.ndarray
    name_texts: Groups  # surface texts per name
    name_articles: Groups  # articles per name
    pair_weight: np.ndarray  # distinct sentences per name pair
    pair_cooc: np.ndarray  # co-occurrence sentences per name pair
    typed: Groups  # typed-relation rows per name pair


@dataclass(frozen=True)
class Mapping:
    """Names and name pairs mapped to actors (recomputed when actors change)."""

    name_actor: np.ndarray  # name id → actor index, -1 for names of no visible actor
    pair_of: np.ndarray  # name pair → actor pair index, -1 if not two different actors
    flipped: np.ndarray  # name pair's first name is the actor pair's second actor
    pair_a: np.ndarray  # actor pair → actor index (pair_a < pair_b)
    pair_b: np.ndarray
    names: Groups  # names per actor
    name_pairs: Groups  # name pairs per actor pair

    @classmethod
    def of(cls, name_actor: np.ndarray, np_a: np.ndarray, np_b: np.ndarray, n: int) -> Mapping:
        """The mapping of names (``name_actor``: name id → actor index, -1 for none) and of the
        name pairs ``np_a``/``np_b`` to ``n`` actors and their pairs."""
        x, y = name_actor[np_a], name_actor[np_b]
        ok = (x >= 0) & (y >= 0) & (x != y)
        width = max(n, 1)
        live = np.flatnonzero(ok)
        keys = (np.minimum(x, y) * width + np.maximum(x, y))[live]
        # one stable sort gives the actor pairs, each name pair's actor pair and the name
        # pairs per actor pair (np.unique and a second sort did the same work twice)
        by_key = np.argsort(keys, kind="stable")
        ordered = keys[by_key]
        first = np.ones(len(ordered), dtype=bool)
        first[1:] = ordered[1:] != ordered[:-1]
        pairs = ordered[first]
        inverse = np.empty(len(keys), dtype=np.int64)
        inverse[by_key] = np.cumsum(first) - 1
        pair_of = np.full(len(np_a), -1, dtype=np.int64)
        pair_of[live] = inverse
        named = np.flatnonzero(name_actor >= 0)
        return cls(
            name_actor,
            pair_of,
            x > y,
            pairs // width,
            pairs % width,
            Groups.of(name_actor[named], named, n, unique=False),
            Groups(np.searchsorted(inverse[by_key], np.arange(len(pairs) + 1)), live[by_key]),
        )
