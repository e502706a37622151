"""A small, bounded, thread-safe LRU for what a view costs to compute (graphs, view parts).

One view change makes the page send several callbacks that need the same view graph (the view
itself, then the details panel; the actor search), and people looking at the same store ask for
the same views. Entries are keyed by the store revision they were computed from and by
everything else the result depends on, so a new revision (an ingest, a curation decision) is a
new key and old entries are dropped. A key being computed is computed once: concurrent requests
for it wait for that result instead of computing it again.

Hand-written because no dependency of the project has this: ``functools.lru_cache`` computes a
key as many times as it is asked concurrently and cannot be bounded by size or dropped per
revision, and ``cachetools`` (not a dependency) leaves the computation outside its lock.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Any

__all__ = ["ViewCache"]


class ViewCache:
    """At most ``entries`` results whose ``weight`` sums to at most ``budget``, least
    recently used dropped first. A key is ``(revision, ...)``: storing one of a newer
    revision drops every entry of an older one. Values are shared by the requests that ask
    for the same key: callers must not change them."""

    def __init__(self, entries: int = 64, budget: int = 200_000) -> None:
        self.entries, self.budget = entries, budget
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple, tuple[Any, int]] = OrderedDict()
        self._pending: dict[tuple, Future] = {}
        self._newest: Hashable | None = None
        self.hits = self.misses = 0

    def get(self, key: tuple, build: Callable[[], Any],
            weight: Callable[[Any], int] = lambda _: 1) -> Any:
        """The value for ``key``: cached, being built by another thread (waited for), or
        built now with ``build()`` and kept if it fits."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key][0]
            waiting = self._pending.get(key)
            if waiting is None:
                self.misses += 1
                mine: Future = Future()
                self._pending[key] = mine
            else:
                self.hits += 1
        if waiting is not None:
            return waiting.result()  # the same exception, if building it failed
        try:
            value = build()
        except BaseException as exc:
            with self._lock:
                del self._pending[key]
            mine.set_exception(exc)
            raise
        with self._lock:
            del self._pending[key]
            self._store(key, value, max(1, int(weight(value))))
        mine.set_result(value)
        return value

    def _store(self, key: tuple, value: Any, cost: int) -> None:
        revision = key[0]
        if self._newest is None or _newer(revision, self._newest):
            self._newest = revision
            for old in [k for k in self._items if k[0] != revision]:
                del self._items[old]
        elif revision != self._newest:
            return  # built from a revision already superseded: not worth keeping
        if cost > self.budget:
            return
        self._items[key] = (value, cost)
        total = sum(c for _, c in self._items.values())
        while len(self._items) > self.entries or total > self.budget:
            _, (_, dropped) = self._items.popitem(last=False)
            total -= dropped

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def _newer(a: Hashable, b: Hashable) -> bool:
    try:
        return a > b  # type: ignore[operator]
    except TypeError:
        return a != b
