"""Label placement for briefing images: actor names and typed-relation verbs that never
overlap each other, a node, or the frame.

Greedy, most important first: each label tries a few spots and takes the first free one.
Costs are NumPy operations over everything placed so far, so a 500-actor image stays fast.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

from graph.views import style
from graph.views.typography import text_height, text_width

__all__ = ["Placer", "edge_labels", "node_labels"]


def overlaps(cand: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Total overlap area of each candidate box with all ``boxes`` (x0, y0, x1, y1 rows)."""
    if not len(boxes):
        return np.zeros(len(cand))
    dx = (np.minimum(cand[:, None, 2], boxes[None, :, 2])
          - np.maximum(cand[:, None, 0], boxes[None, :, 0])).clip(0)
    dy = (np.minimum(cand[:, None, 3], boxes[None, :, 3])
          - np.maximum(cand[:, None, 1], boxes[None, :, 1])).clip(0)
    return (dx * dy).sum(axis=1)


def _outside(cand: np.ndarray, w: float, h: float) -> np.ndarray:
    return (np.clip(-cand[:, 0], 0, None) + np.clip(cand[:, 2] - w, 0, None)
            + np.clip(-cand[:, 1], 0, None) + np.clip(cand[:, 3] - h, 0, None))


class Placer:
    """Boxes taken so far (labels) and obstacles (nodes) in a ``w`` × ``h`` frame."""

    def __init__(self, discs: np.ndarray, w: float, h: float, capacity: int) -> None:
        self.discs, self.w, self.h = discs, w, h
        self.boxes = np.zeros((max(capacity, 1), 4))
        self.n = 0

    def best(self, cand: np.ndarray, disc_weight: float = 0.8) -> tuple[int, float]:
        cost = (overlaps(cand, self.boxes[:self.n]) + disc_weight * overlaps(cand, self.discs)
                + 50 * _outside(cand, self.w, self.h))
        i = int(np.argmin(cost))  # first spot among equals: the preferred order
        return i, float(cost[i])

    def take(self, box: np.ndarray) -> None:
        if self.n == len(self.boxes):
            self.boxes = np.vstack([self.boxes, np.zeros_like(self.boxes)])
        self.boxes[self.n] = box
        self.n += 1


Label = tuple[object, str, float, float, str]  # node, text, x, y, anchor


def node_labels(G: nx.Graph, pos: dict, size: dict, mode: str, w: float, h: float,
                font: float, placer: Placer, must: set | None = None, number: bool = False,
                always: int = 0) -> tuple[list[Label], list[tuple[int, object]]]:
    """Actor labels that overlap no other label, node or the frame, most important first:
    ``(labels, numbered)``. ``labels`` holds ``(node, text, x, y, anchor)`` per label drawn;
    an actor whose name fits nowhere gets a number instead when ``number`` is true (listed in
    ``numbered`` as ``(number, node)`` for the key beside the graph), else no label. ``mode``
    "all" places every name (overlapping where it must), "none" nobody; ``must`` (a focus,
    a path) and the ``always`` most mentioned actors always get their names (a view too
    big to read, where not every actor can be named, still names its main actors)."""
    if mode == "none":
        return [], []
    must = must or set()
    ranked = sorted(G, key=lambda v: (v not in must, -G.nodes[v].get("mentions", 0),
                                      -G.degree(v, weight="weight"), str(v)))
    out: list[Label] = []
    numbered: list[tuple[int, object]] = []
    for rank, v in enumerate(ranked):
        text = G.nodes[v].get("label", str(v))
        placed = _place(placer, text, pos[v], size[v] / 2, font)
        if placed is None and number:
            placed = _place(placer, str(len(numbered) + 1), pos[v], size[v] / 2, font)
            if placed is not None:
                numbered.append((len(numbered) + 1, v))
                text = str(len(numbered))
        if placed is None and (mode == "all" or v in must or rank < always):
            placed = _place(placer, text, pos[v], size[v] / 2, font, force=True)
        if placed is None:
            continue
        box, anchor = placed
        placer.take(box)
        left, top, right, bottom = box
        ax = {"center": (left + right) / 2, "left": left, "right": right}[anchor]
        out.append((v, text, float(ax), float((top + bottom) / 2), anchor))
    return out, numbered


def _place(placer: Placer, text: str, at: tuple[float, float], r: float, font: float,
           force: bool = False) -> tuple[np.ndarray, str] | None:
    """The first free box for ``text`` around a node (below, above, right, left, the four
    diagonals; then the same one and two lines further out), or None; ``force``: the least
    bad one."""
    tw, th = text_width(text, font), text_height(font)
    x, y = at
    spots = []
    for gap in (2.0, 2.0 + th, 2.0 + 2 * th):
        d = (r + gap) * 0.75
        spots += [(x - tw / 2, y + r + gap, "center"),
                  (x - tw / 2, y - r - gap - th, "center"),
                  (x + r + gap + 1, y - th / 2, "left"),
                  (x - r - gap - 1 - tw, y - th / 2, "right"),
                  (x + d, y + d, "left"), (x - d - tw, y + d, "right"),
                  (x + d, y - d - th, "left"), (x - d - tw, y - d - th, "right")]
    cand = np.array([(left, top, left + tw, top + th) for left, top, _ in spots])
    best, cost = placer.best(cand)
    if cost > 0 and not force:
        return None
    return cand[best], spots[best][2]


def edge_labels(G: nx.Graph, pos: dict, font: float,
                placer: Placer) -> list[tuple[str, float, float, float, str]]:
    """``(text, x, y, angle, polarity)`` for typed relations whose verb fits along the link
    without touching any label or node (strongest links first)."""
    out = []
    typed = [(u, v, d) for u, v, d in G.edges(data=True) if d.get("relations")]
    typed.sort(key=lambda e: (-e[2].get("weight", 0), str(e[0]), str(e[1])))
    for u, v, d in typed:
        text = style.link_verbs(d["relations"])
        if not text:
            continue
        (x0, y0), (x1, y1) = pos[u], pos[v]
        length = math.hypot(x1 - x0, y1 - y0)
        tw, th = text_width(text, font), text_height(font)
        if length < tw + 20:  # no room between the two actors
            continue
        angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
        if angle > 90:
            angle -= 180
        elif angle < -90:
            angle += 180
        # The axis-aligned box of the rotated text, tried at the middle and off-centre.
        rad = math.radians(angle)
        bw = abs(tw * math.cos(rad)) + abs(th * math.sin(rad))
        bh = abs(tw * math.sin(rad)) + abs(th * math.cos(rad))
        spots = [(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t) for t in (0.5, 0.38, 0.62)]
        cand = np.array([(cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2)
                         for cx, cy in spots])
        best, cost = placer.best(cand, disc_weight=1.0)
        if cost > 0:
            continue
        placer.take(cand[best])
        out.append((text, spots[best][0], spots[best][1], angle, d.get("polarity", "neutral")))
    return out
