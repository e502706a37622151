"""Array helpers of the in-memory corpus: values grouped per key, a selection of rows, and
the look-ups that turn the store's ids into array positions.

:class:`graph.slices.corpus.Corpus` keeps its rows in NumPy arrays; these are the pieces it and
the graph builders slice them with (no store, no graph: arrays in, arrays out).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["EMPTY", "Groups", "Rows", "distinct", "pair_ids", "positions", "ranges"]

#: An empty row-number array (what a selection of nothing gives).
EMPTY = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class Groups:
    """Values per key: key ``k``'s are ``values[start[k]:start[k + 1]]`` (compressed sparse
    rows). Built with ``unique=True`` they are the distinct values, sorted."""

    start: np.ndarray
    values: np.ndarray

    @classmethod
    def of(cls, keys: np.ndarray, values: np.ndarray, n: int, unique: bool = True) -> Groups:
        if unique:
            width = int(values.max(initial=0)) + 1
            combined = distinct(keys * width + values)
            keys, values = combined // width, combined % width
        else:
            order = np.argsort(keys, kind="stable")
            keys, values = keys[order], values[order]
        return cls(np.searchsorted(keys, np.arange(n + 1)), values)

    def get(self, key: int) -> np.ndarray:
        return self.values[self.start[key] : self.start[key + 1]]

    def many(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(values of all ``keys`` concatenated, the key each came from)."""
        first, last = self.start[keys], self.start[keys + 1]
        rows = ranges(first, last)
        if not len(rows):
            return EMPTY, EMPTY
        return self.values[rows], np.repeat(keys, last - first)


@dataclass(frozen=True)
class Rows:
    """Some rows of the corpus: a contiguous block (taken as views, no copy: the usual date
    range, since articles are loaded in date order) or a list of row numbers."""

    block: slice | None
    numbers: np.ndarray | None

    @classmethod
    def of(cls, start: np.ndarray, end: np.ndarray, articles: np.ndarray) -> Rows:
        if not len(articles):
            return cls(None, EMPTY)
        if int(articles[-1]) - int(articles[0]) + 1 == len(articles):  # consecutive
            return cls(slice(int(start[articles[0]]), int(end[articles[-1]])), None)
        return cls(None, ranges(start[articles], end[articles]))

    def take(self, column: np.ndarray) -> np.ndarray:
        return column[self.block] if self.block is not None else column[self.numbers]

    def indices(self) -> np.ndarray:
        if self.block is not None:
            return np.arange(self.block.start, self.block.stop)
        assert self.numbers is not None  # a block or row numbers, never neither
        return self.numbers


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted: ``np.unique(values)`` for a 1-D integer array, by a sort
    and a look at neighbours. NumPy 2.3+ answers a bare ``np.unique`` with a hash table, then
    sorts: 10-40 times slower on a corpus' large integer arrays (300,000 keys: 194 ms
    against 5 ms), which was most of a 100,000-article view's time."""
    ordered = np.sort(values)
    new = np.ones(len(ordered), dtype=bool)
    new[1:] = ordered[1:] != ordered[:-1]
    return ordered[new]


def ranges(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """The row numbers ``first[i]:last[i]`` of every ``i``, concatenated."""
    lens = last - first
    total = int(lens.sum())
    if not total:
        return EMPTY
    shift = np.repeat(first - np.concatenate(([0], np.cumsum(lens)[:-1])), lens)
    return shift + np.arange(total)


def positions(seqs: np.ndarray, index: dict[int, int]) -> np.ndarray:
    """``index[s]`` for every ``s`` in ``seqs`` (article sequence numbers → load positions)."""
    if not len(seqs):
        return EMPTY
    keys = np.fromiter(index, np.int64, len(index))
    values = np.fromiter(index.values(), np.int64, len(index))
    order = np.argsort(keys)
    return values[order][np.searchsorted(keys[order], seqs)]


def pair_ids(
    a: np.ndarray,
    b: np.ndarray,
    np_a: np.ndarray,
    np_b: np.ndarray,
    keys: np.ndarray,
    ids: np.ndarray,
) -> tuple:
    """Ids of the name pairs ``(a, b)``: existing ones looked up, new ones appended."""
    width = np.int64(2) ** 31
    wanted = a * width + b
    pos = np.searchsorted(keys, wanted)
    found = (
        (pos < len(keys)) & (keys[np.minimum(pos, max(len(keys) - 1, 0))] == wanted)
        if (len(keys))
        else np.zeros(len(wanted), bool)
    )
    new_keys = distinct(wanted[~found])
    new_ids = len(np_a) + np.arange(len(new_keys))
    np_a = np.concatenate([np_a, new_keys // width])
    np_b = np.concatenate([np_b, new_keys % width])
    all_keys = np.concatenate([keys, new_keys])
    all_ids = np.concatenate([ids, new_ids])
    order = np.argsort(all_keys, kind="stable")
    all_keys, all_ids = all_keys[order], all_ids[order]
    return all_ids[np.searchsorted(all_keys, wanted)], np_a, np_b, all_keys, all_ids
