"""Walks over a slice's links held as two arrays of actor indexes (``la[i]``, ``lb[i]``): the
neighbourhood of a focus actor and a shortest path, for :func:`graph.slices.build.build_graph`
(no networkx graph is made for them)."""

from __future__ import annotations

import numpy as np

__all__ = ["reach", "shortest"]


def reach(la: np.ndarray, lb: np.ndarray, n: int, start: int, depth: int) -> np.ndarray:
    """Actors within ``depth`` steps of ``start`` over the pairs (la[i], lb[i])."""
    reach = np.zeros(n, dtype=bool)
    reach[start] = True
    for _ in range(max(depth, 0)):
        grown = reach.copy()
        grown[lb[reach[la]]] = True
        grown[la[reach[lb]]] = True
        if (grown == reach).all():
            break
        reach = grown
    return reach


def shortest(la: np.ndarray, lb: np.ndarray, n: int, a: int, b: int) -> list[int]:
    """An unweighted shortest path from ``a`` to ``b`` (breadth-first, on arrays); [] if none."""
    parent = np.full(n, -1, dtype=np.int64)
    parent[a] = a
    frontier = np.zeros(n, dtype=bool)
    frontier[a] = True
    while frontier.any() and parent[b] < 0:
        nxt = np.zeros(n, dtype=bool)
        for src, dst in ((la, lb), (lb, la)):
            hit = frontier[src] & (parent[dst] < 0)
            parent[dst[hit]] = src[hit]
            nxt[dst[hit]] = True
        frontier = nxt
    if parent[b] < 0:
        return []
    route = [b]
    while route[-1] != a:
        route.append(int(parent[route[-1]]))
    return route[::-1]
