"""The network over time on the dashboard's graph: one frame per window of the time slider,
and "compare two periods" (pure; no Dash import).

A frame is the view's own filters limited to one window (typed relations by event date,
co-occurrence by article date, undated articles left out: :func:`window_filters`), drawn at
the positions the view already has (:func:`frame_positions`: an actor keeps its place, a new
one goes next to its placed neighbours), with node sizes and link widths on the whole view's
scales (:func:`view_scales`): a link twice as wide has twice the sentences in every frame, so
the eye sees links appear, grow and fade. No layout is computed per frame.

Compare mode draws both periods' actors with their links coloured by
:func:`graph.views.changes.link_changes` (new, stronger, weaker, gone, unchanged) in
:data:`graph.views.style.CHANGE_COLORS`.
"""

from __future__ import annotations

import math
from dataclasses import replace

import networkx as nx

from dashboard.elements import elements
from dashboard.filters import Filters
from graph.core.choices import LINK_CHANGES
from graph.core.model import GraphSlice
from graph.slices.windows import Window
from graph.views import style
from graph.views.captions import plural
from graph.views.rules import node_measure

__all__ = ["NEAR", "compare_elements", "compare_legend", "frame_caption", "frame_elements",
           "frame_positions", "frames", "view_positions", "view_scales", "window_filters",
           "window_slice"]

#: How far (model px) a new actor is put from the middle of its placed neighbours.
NEAR = 45.0
Scales = tuple[float, float, float, float]  # node measure low, high; link weight low, high


def window_slice(sl: GraphSlice, w: Window) -> GraphSlice:
    """The slice ``sl`` limited to the window ``w`` (within the slice's own range), undated
    articles left out: they belong to no window."""
    since = max(w.since, sl.since) if sl.since else w.since
    until = min(w.until, sl.until) if sl.until else w.until
    return replace(sl, since=since, until=until, include_undated=False)


def window_filters(f: Filters, w: Window) -> Filters:
    """The view ``f`` in the window ``w``: same actors' rules (top N, focus, path...)."""
    return replace(f, slice=window_slice(f.slice, w))


def view_positions(view_elements: list[dict]) -> dict[str, tuple[float, float]]:
    """Node id → position of the elements of a view (those that carry one)."""
    return {e["data"]["id"]: (e["position"]["x"], e["position"]["y"])
            for e in view_elements if "position" in e}


def view_scales(G: nx.Graph, size_by: str = "mentions") -> Scales | None:
    """The node measure and link weight ranges of the whole view (None: an empty view)."""
    if not len(G):
        return None
    measure = node_measure(G, size_by).values()
    weights = [d.get("weight", 1) for *_, d in G.edges(data=True)] or [1]
    return min(measure), max(measure), min(weights), max(weights)


def _angle(node: str) -> float:
    """A fixed direction per actor (two new neighbours of one actor do not coincide)."""
    h = 0
    for ch in node:
        h = (h * 31 + ord(ch)) & 0xFFFFFFFF
    return (h % 360) * math.pi / 180


def frame_positions(G: nx.Graph, base: dict[str, tuple[float, float]],
                    near: float = NEAR) -> dict[str, tuple[float, float]]:
    """Positions for the actors of ``G``: ``base`` (the view's) where it has one; a new
    actor ``near`` its neighbours placed (their middle, offset in its own direction); one
    without placed neighbours on a ring around the placed ones. Deterministic."""
    pos = {str(v): base[str(v)] for v in G if str(v) in base}
    xs = [p[0] for p in base.values()] or [500.0]
    ys = [p[1] for p in base.values()] or [350.0]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    ring = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 + near
    lonely = []
    for v in sorted(str(v) for v in G if str(v) not in pos):
        placed = [pos[str(u)] for u in G[v] if str(u) in pos]
        if not placed:
            lonely.append(v)
            continue
        a = _angle(v)
        mx = sum(p[0] for p in placed) / len(placed)
        my = sum(p[1] for p in placed) / len(placed)
        pos[v] = (mx + near * math.cos(a), my + near * math.sin(a))
    for v in lonely:
        a = _angle(v)
        pos[v] = (cx + ring * math.cos(a), cy + ring * math.sin(a))
    return pos


def frame_elements(G: nx.Graph, base: dict[str, tuple[float, float]],
                   scales: Scales | None, size_by: str = "mentions",
                   color_by: str = "type") -> list[dict]:
    """Cytoscape elements of one frame: the view's drawing (:func:`dashboard.elements.elements`)
    at :func:`frame_positions`, on the whole view's ``scales``; every node has the class
    ``frame`` (the page's mental map then holds every actor it placed before)."""
    out = elements(G, "preset", size_by, color_by, pos=frame_positions(G, base),
                   scales=scales)
    for e in out:
        if "source" not in e["data"]:
            e["classes"] = f"{e['classes']} frame".strip()
    return out


def frame_caption(w: Window, index: int, count: int, G: nx.Graph) -> str:
    """"Mar 2024 (2 of 10) · 1 Mar – 31 Mar 2024 · 3 articles · 4 actors · 5 links"."""
    typed = sum(1 for *_, d in G.edges(data=True) if d.get("relations"))
    return " · ".join([f"{w.label} ({index + 1} of {count})",
                       f"{w.since.isoformat()} – {w.until.isoformat()}",
                       plural(len(G.graph.get("articles", ())), "article"),
                       plural(G.number_of_nodes(), "actor"),
                       plural(G.number_of_edges(), "link") + f" ({typed} typed)"])


def frames(graphs: list[nx.Graph], ws: list[Window], base: dict[str, tuple[float, float]],
           scales: Scales | None, size_by: str = "mentions",
           color_by: str = "type") -> list[dict]:
    """Every frame of a slider: per window its ``elements`` and ``caption`` and ``weights``
    (each link's sentences in that window, by its element id), from the window graphs
    ``graphs`` (one per window of ``ws``)."""
    out = []
    for i, (G, w) in enumerate(zip(graphs, ws, strict=True)):
        els = frame_elements(G, base, scales, size_by, color_by)
        out.append({"elements": els, "caption": frame_caption(w, i, len(ws), G),
                    "weights": {e["data"]["id"]: e["data"]["weight"] for e in els
                                if "source" in e["data"]}})
    return out


def compare_elements(G: nx.Graph, changes: dict[frozenset, str],
                     base: dict[str, tuple[float, float]], size_by: str = "mentions",
                     color_by: str = "type") -> list[dict]:
    """Elements of a "what changed" graph (:func:`graph.views.periods.compare_view`): each
    link coloured by its change class (data ``change``, class ``change-<class>``)."""
    out = frame_elements(G, base, view_scales(G, size_by), size_by, color_by)
    for e in out:
        d = e["data"]
        if "source" in d:
            change = changes.get(frozenset((d["a"], d["b"])), "unchanged")
            d["change"] = change
            d["color"] = style.CHANGE_COLORS[change]
            e["classes"] = f"{e['classes']} change-{change}"
    return out


def compare_legend(counts: dict[str, int]) -> list[tuple[str, str]]:
    """Legend entries of the change classes with their counts: ("new (2)", colour)."""
    return [(f"{c} ({counts.get(c, 0)})", style.CHANGE_COLORS[c]) for c in LINK_CHANGES]
