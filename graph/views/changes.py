"""What changed between two periods: each link classed new, stronger, weaker, gone or
unchanged by its sentence count (weight) in either period, and how those classes are drawn
(colours and dashes from :mod:`graph.views.style`, the one style module).

:func:`link_changes` is pure: two graphs in, a class per pair of actors out; the image
(:func:`graph.views.periods.compare_image`) and its tests use it alike.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from graph.core.choices import LINK_CHANGES
from graph.views import style

__all__ = ["LINK_CHANGES", "change_counts", "change_edges", "change_legend", "link_changes"]


def link_changes(before: nx.Graph, after: nx.Graph) -> dict[frozenset, str]:
    """Each pair of actors linked in either graph → "new" (only after), "gone" (only before),
    "stronger" / "weaker" (more / fewer sentences after) or "unchanged"."""
    out: dict[frozenset, str] = {}
    for u, v, d in before.edges(data=True):
        w_after = after.edges[u, v].get("weight", 1) if after.has_edge(u, v) else 0
        w = d.get("weight", 1)
        out[frozenset((u, v))] = ("gone" if not w_after else "stronger" if w_after > w
                                  else "weaker" if w_after < w else "unchanged")
    for u, v in after.edges():
        out.setdefault(frozenset((u, v)), "new")
    return out


def change_counts(changes: dict[frozenset, str]) -> dict[str, int]:
    """How many links fall in each class, every class listed (in legend order)."""
    counts = Counter(changes.values())
    return {c: counts.get(c, 0) for c in LINK_CHANGES}


def change_edges(traces: list, G: nx.Graph, pos: dict, w_lo: float, w_hi: float,
                 changes: dict[frozenset, str]) -> None:
    """Links coloured by how they changed, one trace per (class, width); the unchanged ones
    lighter underneath, what changed over them, a gone link dotted."""
    lines: dict[tuple[bool, str, float], tuple[list, list]] = {}
    for u, v, d in G.edges(data=True):
        change = changes.get(frozenset((u, v)), "unchanged")
        width = round(style.edge_width(d.get("weight", 1), w_lo, w_hi) * 2) / 2
        xs, ys = lines.setdefault((change != "unchanged", change, width), ([], []))
        xs += [pos[u][0], pos[v][0], None]
        ys += [pos[u][1], pos[v][1], None]
    for (changed, change, width), (xs, ys) in sorted(lines.items()):
        traces.append({"type": "scatter", "x": xs, "y": ys, "mode": "lines",
                       "hoverinfo": "skip", "showlegend": False,
                       "opacity": 0.95 if changed else 0.6,
                       "line": {"color": style.CHANGE_COLORS[change], "width": max(width, 2.5),
                                "dash": style.CHANGE_DASH.get(change, "solid")}})


def change_legend(traces: list, counts: dict[str, int]) -> None:
    """A legend entry per change class, with its count: "New link (2)"."""
    for i, change in enumerate(LINK_CHANGES):
        traces.append({"type": "scatter", "x": [None], "y": [None], "mode": "lines",
                       "name": f"{change.capitalize()} link ({counts.get(change, 0)})",
                       "legendgroup": "changes",
                       "legendgrouptitle": {"text": "Links, first → second period"} if i == 0
                       else None,
                       "line": {"color": style.CHANGE_COLORS[change], "width": 4,
                                "dash": style.CHANGE_DASH.get(change, "solid")}})
