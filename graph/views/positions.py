"""Deterministic node positions computed with networkx.

The dashboard's default view and the image export both call :func:`positions`, so the same
slice always looks the same on screen and in a briefing.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import networkx as nx
import numpy as np

from graph.core.choices import LAYOUTS
from graph.views import style
from graph.views.force import spring

__all__ = ["LAYOUTS", "VIEW_BOX", "positions"]

SEED = 7
#: The box the dashboard's default view is laid out in; images scale these positions.
VIEW_BOX = (1000.0, 700.0)


def positions(
    G: nx.Graph, layout: str = "spring", width: float = 1000.0, height: float = 700.0
) -> dict[str, tuple[float, float]]:
    """Return ``{node: (x, y)}`` in pixels within a ``width`` × ``height`` box (y grows down).

    The layout is seeded and nodes are sorted first, so the result depends only on the graph.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    if G.number_of_nodes() == 0:
        return {}
    H: nx.Graph[str] = nx.Graph()
    H.add_nodes_from(sorted(G.nodes))
    # Log weights: strong links still pull actors together, but hubs do not collapse onto
    # each other (raw sentence counts can differ a hundredfold).
    H.add_edges_from(
        sorted(
            (min(u, v), max(u, v), {"weight": 1.0 + math.log(max(d.get("weight", 1), 1))})
            for u, v, d in G.edges(data=True)
            if u != v
        )
    )
    n = H.number_of_nodes()
    if n == 1:
        raw: dict[str, Any] = {next(iter(H.nodes)): (0.0, 0.0)}  # node → (x, y) or an array
    elif layout in ("spring", "kamada-kawai"):
        # Each connected part laid out on its own, then the parts packed into the frame's
        # shape: laid out together, small parts drift to the edges and the frame's middle
        # stays empty (a persons-only slide sat in one corner).
        raw = _packed(H, _spring if layout == "spring" else _kamada_kawai, width / height)
    elif layout == "circular":
        raw = nx.circular_layout(H)
    else:
        raw = nx.shell_layout(H, nlist=_shells(H))
    mentions = [G.nodes[v].get("mentions", 1) for v in raw]
    sizes = [
        style.node_size(m, min(mentions), max(mentions)) / min(width, height) for m in mentions
    ]
    return _fit(_separate(raw, sizes), width, height)


def _spring(H: nx.Graph, nodes: list) -> dict:
    n = len(nodes)
    # k above the default spreads hubs' neighbours so labels have room.
    k = 2.4 / math.sqrt(n)
    iterations = 100 if n <= 80 else 70 if n <= 300 else 50  # each is O(n²)
    return spring(H, nodes, k, iterations, SEED)


def _kamada_kawai(H: nx.Graph, nodes: list) -> dict:
    ordered: nx.Graph = nx.Graph()  # in the given order (a subgraph view's follows hashing)
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(H.edges(data=True))
    return nx.kamada_kawai_layout(ordered) if len(nodes) > 2 else nx.circular_layout(ordered)


def _packed(H: nx.Graph, lay: Callable[[nx.Graph, list], dict], aspect: float) -> dict:
    """Lay out each connected component with ``lay`` (its subgraph and its actors, sorted)
    and shelf-pack them (largest first) into a box of about ``aspect`` (width / height).
    Single actors share one grid."""
    comps = sorted((sorted(c) for c in nx.connected_components(H)), key=lambda c: (-len(c), c))
    parts: list[dict] = []
    singles = [c[0] for c in comps if len(c) == 1]
    for comp in (c for c in comps if len(c) > 1):
        pos = lay(H.subgraph(comp), comp)
        parts.append(_unit(pos, math.sqrt(len(comp))))
    if singles:
        cols = max(1, round(math.sqrt(len(singles) * aspect)))
        parts.append({v: (i % cols * 0.9, i // cols * 0.9) for i, v in enumerate(singles)})
    if len(parts) == 1:
        return parts[0]
    boxes = [_extent(p) for p in parts]
    best, best_score = {}, math.inf
    widest = max(w for w, _ in boxes)
    total = sum(w for w, _ in boxes)
    for row in np.linspace(widest, total, 24):  # try row widths; keep the best-shaped packing
        out, x, y, shelf, right = {}, 0.0, 0.0, 0.0, 0.0
        for part, (w, h) in zip(parts, boxes, strict=True):
            if x > 0 and x + w > row + 1e-9:
                x, y, shelf = 0.0, y + shelf + GAP, 0.0
            for v, (px, py) in part.items():
                out[v] = (x + px, y + py)
            x, shelf, right = x + w + GAP, max(shelf, h), max(right, x + w)
        score = abs(math.log(right / max(y + shelf, 1e-9) / aspect))
        if score < best_score - 1e-9:
            best, best_score = out, score
    return best


GAP = 0.6  # between packed components, in units of a one-actor component


def _unit(pos: dict, scale: float) -> dict:
    """Positions moved to start at (0, 0), their larger side scaled to ``scale``."""
    xy = np.array(list(pos.values()), dtype=float)
    span = max(float(np.ptp(xy, axis=0).max()), 1e-9)
    xy = (xy - xy.min(axis=0)) / span * scale
    return {v: (float(x), float(y)) for v, (x, y) in zip(pos, xy, strict=True)}


def _extent(pos: dict) -> tuple[float, float]:
    xy = np.array(list(pos.values()), dtype=float)
    w, h = np.ptp(xy, axis=0)
    return max(float(w), 0.5), max(float(h), 0.5)


def _separate(raw: dict, sizes: list[float], gap: float = 0.06, rounds: int = 80) -> dict:
    """Push apart nodes closer than ``gap`` plus their radii (in units of the layout's extent),
    so hubs that everything links to do not sit on top of each other or their labels."""
    if len(raw) < 2:
        return raw
    nodes = list(raw)
    xy = np.array([raw[v] for v in nodes], dtype=float)
    xy = (xy - xy.min(axis=0)) / max(float(np.ptp(xy, axis=0).max()), 1e-9)
    radius = np.asarray(sizes, dtype=float) / 2
    reach = gap + 2 * float(radius.max())
    near = _Near(xy, reach)
    for _ in range(rounds):
        pairs = near.pairs(xy)
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = xy[i] - xy[j]
        dist = np.hypot(delta[:, 0], delta[:, 1])
        overlap = gap + radius[i] + radius[j] - dist
        hit = overlap > 0
        if not hit.any():
            break
        i, j, delta, dist, overlap = i[hit], j[hit], delta[hit], dist[hit], overlap[hit]
        # Coincident nodes get a fixed direction instead of a zero vector.
        unit = np.where(
            dist[:, None] > 1e-9, delta / np.maximum(dist, 1e-9)[:, None], np.array([1.0, 0.0])
        )
        push = unit * (overlap / 2)[:, None]
        np.add.at(xy, i, push)
        np.add.at(xy, j, -push)
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, xy, strict=True)}


class _Near:
    """The pairs (i < j, in row order) of points closer than ``reach``, asked for once per
    round of :func:`_separate` while the points move.

    Up to 600 points, a list of candidates is kept: the pairs closer than ``reach`` plus a
    margin, found in the whole square once, and looked for again only when a point has moved
    half the margin since (a pair left out was a margin too far then, so it cannot be within
    ``reach`` before). Each round checks the candidates, not every pair: the same pairs in
    the same order, so the same positions to the last digit (a top-300 view's 80 rounds
    checked 45,000 pairs each). Larger graphs ask a k-d tree each round."""

    def __init__(self, xy: np.ndarray, reach: float) -> None:
        self.reach = reach
        self.margin = reach
        self.upper = np.triu_indices(len(xy), k=1) if len(xy) <= 600 else None
        self.anchor: np.ndarray | None = None
        self.candidates = np.zeros((0, 2), dtype=np.intp)

    def pairs(self, xy: np.ndarray) -> np.ndarray:
        if self.upper is None:
            return _near_pairs(xy, self.reach)
        if self.anchor is None or 2 * float(np.hypot(*(xy - self.anchor).T).max()) > (
            self.margin - 1e-9
        ):
            self.anchor = xy.copy()
            self.candidates = _near_pairs(xy, self.reach + self.margin, self.upper)
        i, j = self.candidates[:, 0], self.candidates[:, 1]
        return self.candidates[np.hypot(xy[i, 0] - xy[j, 0], xy[i, 1] - xy[j, 1]) < self.reach]


def _near_pairs(
    xy: np.ndarray, reach: float, upper: tuple[np.ndarray, np.ndarray] | None = None
) -> np.ndarray:
    """Index pairs (i < j) of points closer than ``reach``, in row order; ``upper``: the
    pairs to check (``np.triu_indices``, computed once per layout: each pair's distance is
    computed once, not the whole square matrix; 3× faster at 300 actors)."""
    if len(xy) > 600:  # a k-d tree pays for its import (0.3 s) only on large graphs
        from scipy.spatial import cKDTree

        return cKDTree(xy).query_pairs(reach, output_type="ndarray").reshape(-1, 2)
    i, j = upper if upper is not None else np.triu_indices(len(xy), k=1)
    near = np.hypot(xy[i, 0] - xy[j, 0], xy[i, 1] - xy[j, 1]) < reach
    return np.stack([i[near], j[near]], axis=1)


def _shells(H: nx.Graph) -> list[list]:
    # Inner shell: the best-connected tenth of actors; the rest around them.
    ranked = sorted(H.nodes, key=lambda v: (-H.degree(v, weight="weight"), v))
    cut = max(1, len(ranked) // 10)
    return [ranked[:cut], ranked[cut:]] if len(ranked) > cut else [ranked]


def _fit(raw: dict, width: float, height: float) -> dict[str, tuple[float, float]]:
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    spanx, spany = max(xs) - min(xs), max(ys) - min(ys)
    pad = 0.06

    def scale(value: float, low: float, span: float) -> float:
        return pad + (1 - 2 * pad) * ((value - low) / span) if span else 0.5

    return {
        node: (
            round(float(scale(x, min(xs), spanx)) * width, 1),
            round(float(scale(y, min(ys), spany)) * height, 1),
        )
        for node, (x, y) in raw.items()
    }
