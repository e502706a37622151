"""Size actors by a measure (:data:`graph.core.choices.SIZE_BY`), shared by the dashboard's
graph and the briefing images (through :func:`graph.views.rules.node_measure`).

:func:`measure` gives each actor of a view the value its size shows; :func:`sizes` turns
those values into diameters on the shared square-root scale (:func:`graph.views.style.node_size`),
between the view's own least and largest values unless ``scales`` are given (the time
slider's frames share theirs). Every measure is "larger is more": first seen counts days
since the earliest first sighting in view, so the newest actors are the largest.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

import networkx as nx

from graph.core.choices import SIZE_LABELS
from graph.views import style

__all__ = ["BETWEENNESS_SAMPLE", "SIZE_NAMES", "betweenness", "measure", "sizes"]

#: How a size choice reads in a legend ("node size: …"): :data:`graph.core.choices.SIZE_LABELS`.
SIZE_NAMES = SIZE_LABELS
#: Betweenness is sampled from this many actors (seeded, so stable) in larger views: exact
#: betweenness grows with actors × links and would dominate the view's time at top 300.
BETWEENNESS_SAMPLE = 40


def betweenness(G: nx.Graph) -> dict[Hashable, float]:
    """Betweenness centrality of each actor (unweighted shortest paths), sampled from
    :data:`BETWEENNESS_SAMPLE` sources above that many actors (the actor table's figure)."""
    if len(G) <= 2:
        return dict.fromkeys(G, 0.0)
    return nx.betweenness_centrality(G, k=min(BETWEENNESS_SAMPLE, len(G)), seed=7)


def _events(G: nx.Graph) -> dict[Hashable, float]:
    """Typed relations (sentences coding an event) on each actor's links in view."""
    out: dict[Hashable, float] = dict.fromkeys(G, 0)
    for u, v, d in G.edges(data=True):
        n = sum(r.get("count", 1) for r in d.get("relations") or [])
        out[u] += n
        out[v] += n
    return out


def _recency(G: nx.Graph) -> dict[Hashable, float]:
    """Days from the earliest first sighting in view to each actor's own (undated: 0)."""
    days = {v: date.fromisoformat(str(d["first_seen"])).toordinal()
            for v, d in G.nodes(data=True) if d.get("first_seen")}
    start = min(days.values(), default=0)
    return {v: float(days[v] - start) if v in days else 0.0 for v in G}


def measure(G: nx.Graph, size_by: str = "mentions") -> dict[Hashable, float]:
    """The value each actor's size shows (unknown choices: mentions)."""
    if size_by == "degree":
        return dict(G.degree())
    if size_by == "weighted degree":
        return dict(G.degree(weight="weight"))
    if size_by == "articles":
        return {v: d.get("n_articles", 0) for v, d in G.nodes(data=True)}
    if size_by == "betweenness":
        return betweenness(G)
    if size_by == "events":
        return _events(G)
    if size_by == "first seen":
        return _recency(G)
    return {v: d.get("mentions", 1) for v, d in G.nodes(data=True)}


def sizes(G: nx.Graph, size_by: str = "mentions",
          scales: tuple[float, float] | None = None) -> dict[Hashable, float]:
    """Diameter in px of each actor: ``size_by``'s value on the shared scale, between
    ``scales`` (low, high) or the view's own least and largest values."""
    values = measure(G, size_by)
    if not values:
        return {}
    lo, hi = scales or (min(values.values()), max(values.values()))
    return {v: style.node_size(x, lo, hi) for v, x in values.items()}
