"""One chunking helper: long id lists are sent to the database in slices (SQLite allows at
most 999 bound parameters in one statement on old builds; PostgreSQL plans big ``IN`` lists
badly), and articles to workers in batches."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

__all__ = ["SQL_CHUNK", "chunked"]

T = TypeVar("T")

#: Ids per ``IN (...)`` list in one statement.
SQL_CHUNK = 500


def chunked(items: Sequence[T], size: int = SQL_CHUNK) -> Iterator[Sequence[T]]:
    """``items`` in consecutive slices of at most ``size``.

    >>> [list(c) for c in chunked([1, 2, 3, 4, 5], 2)]
    [[1, 2], [3, 4], [5]]
    >>> list(chunked([], 3))
    []
    """
    for i in range(0, len(items), size):
        yield items[i:i + size]
