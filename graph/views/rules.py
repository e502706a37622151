"""The view rules shared by the dashboard and the briefing images.

A slice (:func:`graph.slices.build.build_graph`) holds every actor and link; what is *drawn* is a
readable subset: the top N actors, at most :data:`LINKS_PER_ACTOR` links per shown actor
(strongest first, a path's links always kept), isolated actors hidden on request. The
dashboard and ``relgraph export --format png|svg|pdf`` both call :func:`view_graph`, so the same
slice gives the same picture. Data exports carry every link and do not use these rules.
"""

from __future__ import annotations

import networkx as nx

from graph.core.choices import COLOR_BY, SIZE_BY
from graph.core.model import ACTOR_TYPES, GraphSlice
from graph.slices.build import Corpus, build_graph
from graph.slices.top_view import covers, top_view
from graph.store.store import Store
from graph.views import colouring, sizing, style

__all__ = ["COLOR_BY", "LINKS_PER_ACTOR", "SIZE_BY", "cap_links", "communities", "node_colors",
           "node_measure", "view_graph"]

#: A view shows at most this many links per shown actor, strongest first: denser views are
#: unreadable hairballs.
LINKS_PER_ACTOR = 5


def view_graph(store: Store, sl: GraphSlice | None = None, *, corpus: Corpus | None = None,
               top: int | None = None, focus: str | None = None, depth: int = 1,
               path: tuple[str, str] | None = None, hide_isolated: bool = False,
               evidence: bool = False) -> nx.Graph:
    """The graph a view draws: the slice cut to ``top`` actors and the link cap.

    ``G.graph`` also holds ``focus`` (the focused actor's node id, or None) and ``path``.
    """
    if corpus is None and not evidence and covers(sl, top, focus, path):
        # the whole corpus' top N, read for those actors alone (no corpus load)
        G = top_view(store, int(top or 0), LINKS_PER_ACTOR * int(top or 0))
    else:
        G = build_graph(store, sl, corpus=corpus, top=top, evidence=evidence, focus=focus,
                        depth=depth, path=path,
                        max_edges=LINKS_PER_ACTOR * top if top else None)
    if not top:  # no top N: the cap follows the number of actors shown
        G = cap_links(G)
    G.graph["focus"] = focus if focus is not None and focus in G else None
    if hide_isolated:
        keep = set(G.graph.get("path") or ()) | {G.graph["focus"]}
        G = G.subgraph([n for n in G if G.degree(n) or n in keep]).copy()
    return G


def cap_links(G: nx.Graph, per_actor: int = LINKS_PER_ACTOR) -> nx.Graph:
    """``G`` with only its ``per_actor × actors`` strongest links (ties by the pair's names;
    a path's links always kept). ``G.graph["total_edges"]`` keeps the full count."""
    limit = per_actor * G.number_of_nodes()
    total = G.graph.get("total_edges", G.number_of_edges())
    if G.number_of_edges() <= limit:
        G.graph.setdefault("total_edges", total)
        return G
    route = G.graph.get("path") or []
    on_path = {frozenset(p) for p in zip(route, route[1:], strict=False)}
    ranked: list[tuple[str, str, float | None]] = sorted(
        G.edges(data="weight"), key=lambda e: (-(e[2] or 0), str(min(e[:2])), str(max(e[:2]))))
    keep = [(u, v) for u, v, _ in ranked[:limit]]
    keep += [(u, v) for u, v, _ in ranked[limit:] if frozenset((u, v)) in on_path]
    H = G.edge_subgraph(keep).copy()
    H.add_nodes_from(G.nodes(data=True))
    H.graph.update(G.graph, total_edges=total)
    return H



def node_measure(G: nx.Graph, size_by: str = "mentions") -> dict:
    """The value each node's size shows (:func:`graph.views.sizing.measure`)."""
    return sizing.measure(G, size_by)


def communities(G: nx.Graph) -> dict:
    """Louvain community of each actor (seeded, so stable): 1 = the largest community."""
    if not G.number_of_nodes():
        return {}
    groups = (nx.community.louvain_communities(G, weight="weight", seed=7)
              if G.number_of_edges() else [set(G)])
    groups = sorted(groups, key=lambda c: (-len(c), sorted(map(str, c))))
    return {n: i for i, group in enumerate(groups, start=1) for n in group}


def node_colors(G: nx.Graph, color_by: str = "type") -> tuple[dict, list[tuple[str, str]]]:
    """(colour per node, legend entries ``(label, colour)``) for colouring by actor type, by
    community (a community is named after its most mentioned actor) or by a measure
    (:mod:`graph.views.colouring`: QuadClass balance, first seen, mentions)."""
    by_measure = {"quadclass balance": colouring.by_balance,
                  "first seen": colouring.by_first_seen, "mentions": colouring.by_mentions}
    if color_by in by_measure:
        return by_measure[color_by](G)
    if color_by != "community":
        present = {d.get("type") for _, d in G.nodes(data=True)}
        return ({v: style.type_color(d.get("type", "")) for v, d in G.nodes(data=True)},
                [(style.TYPE_LABELS[t], style.type_color(t)) for t in ACTOR_TYPES
                 if t in present])
    comm = communities(G)
    colors = {v: style.community_color(c) for v, c in comm.items()}
    legend = []
    for c in sorted(set(comm.values())):
        if c > len(style.COMMUNITY_COLORS):
            legend.append(("other communities", style.community_color(c)))
            break
        members = [v for v, k in comm.items() if k == c]
        head = max(members, key=lambda v: (G.nodes[v].get("mentions", 0), str(v)))
        label = G.nodes[head].get("label", str(head))
        legend.append((f"{label} +{len(members) - 1}" if len(members) > 1 else label,
                       style.community_color(c)))
    return colors, legend
