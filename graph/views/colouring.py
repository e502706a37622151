"""Colour actors by a measure: their QuadClass balance, when they were first seen, how often
they are mentioned (shared by the dashboard and the briefing images through
:func:`graph.views.rules.node_colors`).

Each returns ``(colour per node, legend entries (label, colour))``. A measure is cut into at
most five classes (an eye tells five shades apart, not fifty), each named in the legend by
the values it holds; an actor without the measure (no typed relation, no dated article) is
grey and named so.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

import networkx as nx

from graph.views import style

__all__ = ["balance", "by_balance", "by_first_seen", "by_mentions"]

#: Where the QuadClass balance (−1: only conflict … +1: only cooperation) is cut, and what
#: each class is called.
BALANCE_CLASSES = ((-0.6, "mostly conflict"), (-0.2, "more conflict than cooperation"),
                   (0.2, "as much of both"), (0.6, "more cooperation than conflict"),
                   (1.0, "mostly cooperation"))


def balance(G: nx.Graph) -> dict[Hashable, float | None]:
    """Each actor's QuadClass balance over the typed relations on its links in view:
    (cooperation − conflict) / (cooperation + conflict), counting each relation's sentences
    (verbal and material alike); None for an actor with neither."""
    coop: dict[Hashable, int] = dict.fromkeys(G, 0)
    conflict: dict[Hashable, int] = dict.fromkeys(G, 0)
    for u, v, d in G.edges(data=True):
        for r in d.get("relations") or []:
            side = {"cooperative": coop, "hostile": conflict}.get(r.get("polarity", ""))
            if side is not None:
                side[u] += r.get("count", 1)
                side[v] += r.get("count", 1)
    return {v: (coop[v] - conflict[v]) / (coop[v] + conflict[v]) if coop[v] + conflict[v]
            else None for v in G}


def by_balance(G: nx.Graph) -> tuple[dict, list[tuple[str, str]]]:
    """Conflict red through grey to cooperation green (the links' polarity colours)."""
    scale = style.BALANCE_COLORS
    colors: dict[Hashable, str] = {}
    used: set[int] = set()
    for v, b in balance(G).items():
        if b is None:
            colors[v] = style.OTHER_COLOR
            continue
        i = next(i for i, (top, _) in enumerate(BALANCE_CLASSES) if b <= top)
        colors[v] = scale[i]
        used.add(i)
    legend = [(BALANCE_CLASSES[i][1], scale[i]) for i in sorted(used, reverse=True)]
    if style.OTHER_COLOR in colors.values():
        legend.append(("no typed relations", style.OTHER_COLOR))
    return colors, legend


def by_first_seen(G: nx.Graph) -> tuple[dict, list[tuple[str, str]]]:
    """Light (first seen early) to dark (first seen late)."""
    seen = {v: d.get("first_seen") for v, d in G.nodes(data=True)}
    return _classes(seen, lambda lo, hi: lo if lo == hi else f"{lo} – {hi}", "undated")


def by_mentions(G: nx.Graph) -> tuple[dict, list[tuple[str, str]]]:
    """Light (few mentions) to dark (many)."""
    counts = {v: int(d.get("mentions", 0)) for v, d in G.nodes(data=True)}
    return _classes(counts, lambda lo, hi: (f"{lo:,} mention{'s' * (lo != 1)}" if lo == hi
                                            else f"{lo:,}–{hi:,} mentions"), "no mentions")


def _classes(values: dict, name: Callable, missing: str) -> tuple[dict, list[tuple[str, str]]]:
    """Up to five classes of equal numbers of actors (quantiles of the distinct values, so a
    few very large values do not squeeze everyone else into one class)."""
    present = sorted({x for x in values.values() if x is not None})
    scale = style.SEQUENTIAL_COLORS
    k = min(len(scale), len(present))
    cuts = [present[(i * len(present)) // k] for i in range(1, k)] if k else []
    colors: dict[Hashable, str] = {}
    members: dict[int, list] = {}
    for v, x in values.items():
        if x is None:
            colors[v] = style.OTHER_COLOR
            continue
        i = sum(x >= c for c in cuts)
        # spread the classes used over the whole scale (two classes: lightest and darkest)
        colors[v] = scale[round(i * (len(scale) - 1) / max(k - 1, 1))]
        members.setdefault(i, []).append(x)
    legend = [(name(min(xs), max(xs)), scale[round(i * (len(scale) - 1) / max(k - 1, 1))])
              for i, xs in sorted(members.items())]
    if any(x is None for x in values.values()):
        legend.append((missing, style.OTHER_COLOR))
    return colors, legend
