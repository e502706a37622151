"""Cytoscape elements, stylesheet and legend for a view graph (pure; no Dash import).

Nodes carry a ``rank`` (label priority: a path and a focus, then the most important actors
by weighted degree, the measure the view rules pick actors by); the :data:`KEY_LABELS` most
important carry the class ``key``: the page's script always labels them, then the others that
fit at the current zoom in rank order (``assets/relgraph.js``).
Co-occurrence-only links are faded under the typed relations, which carry their verb.

Large views (more than :data:`LARGE_VIEW` actors, e.g. "top 300"): every link carries the
class ``bulk``, drawn the cheap way: straight ``haystack`` lines with no control points, and
``straight`` lines for directed relations, which keep their arrow. Their verbs show on the
links of a clicked actor or link only. Drawing ~1,500 bezier links with arrows and labels
took most of a top-300 move in the browser (issue 25); the small views look as before.
"""

from __future__ import annotations

import zlib

import networkx as nx

from graph.core.choices import COLOR_TITLES, SIZE_LABELS
from graph.views import style, themes
from graph.views.positions import VIEW_BOX, positions
from graph.views.rules import node_colors, node_measure

__all__ = [
    "KEY_LABELS",
    "LABEL_PX",
    "LARGE_VIEW",
    "cy_layout",
    "elements",
    "importance",
    "legend",
    "stylesheet",
]

LABEL_PX = 12  # label size on screen (px) at any zoom up to 100 %; larger when zoomed in
KEY_LABELS = 20  # the most important actors of a view: labelled at any zoom and panel
LARGE_VIEW = 150  # more actors than this: links drawn the cheap way (class "bulk")


def cy_layout(name: str, els: list[dict] | None = None) -> dict:
    """The graph's ``layout`` property for the layout ``name`` and the view's elements
    ``els``. dash-cytoscape runs the layout again when this property changes, and only then:
    its own refresh whenever elements come or go is off (``autoRefreshLayout``: with the
    fixed layout it re-fitted every new view 0.1 s after the page had drawn it, placed and
    labelled, so a large view was drawn twice more; issue 25). With cytoscape's own layouts
    (cose, cola...) ``view`` names the view's elements, so a new view is laid out again and
    the same one (a click, a colour) is not; the fixed one ("preset") is fitted by the page
    (``assets/relgraph.js``)."""
    out: dict = {"name": name, "fit": True, "padding": 24, "animate": False}
    if name != "preset" and els:
        ids = sorted(str(e["data"]["id"]) for e in els)
        out["view"] = zlib.crc32("\n".join(ids).encode())
    return out


def elements(
    G: nx.Graph,
    layout: str = "preset",
    size_by: str = "mentions",
    color_by: str = "type",
    pos: dict | None = None,
    scales: tuple[float, float, float, float] | None = None,
) -> list[dict]:
    """Nodes sized by ``size_by`` and coloured by ``color_by``; links widened by weight and
    coloured by polarity; positions from the shared seeded layout (``preset``) unless given
    (``pos``); sizes and widths scaled to ``G``'s own ranges unless given (``scales``: node
    measure low and high, link weight low and high: the time slider's frames share them)."""
    if not G.number_of_nodes():
        return []
    if pos is None:
        pos = positions(G, "spring", *VIEW_BOX) if layout == "preset" else {}
    measure = node_measure(G, size_by)
    weights = [d["weight"] for *_, d in G.edges(data=True)] or [1]
    lo, hi, w_lo, w_hi = scales or (
        min(measure.values()),
        max(measure.values()),
        min(weights),
        max(weights),
    )
    colors, _ = node_colors(G, color_by)
    route = G.graph.get("path") or []
    on_path = {frozenset(p) for p in zip(route, route[1:], strict=False)}
    focus = G.graph.get("focus")
    order = importance(G)
    key = set(order[:KEY_LABELS])
    pinned = [v for v in order if v in route or v == focus]
    opened = set(G.graph.get("expanded") or ())
    rank = {v: i for i, v in enumerate([*pinned, *(v for v in order if v not in pinned)])}
    bulk = G.number_of_nodes() > LARGE_VIEW
    out = []
    for node, d in G.nodes(data=True):
        classes = [
            c
            for c, on in (
                ("path", node in route),
                ("focus", node == focus),
                ("key", node in key),
                ("expanded", node in opened),
            )
            if on
        ]
        el = {
            "data": {
                "id": str(node),
                "label": d.get("label", str(node)),
                "type": d.get("type", ""),
                "mentions": d.get("mentions", 0),
                "color": colors[node],
                "rank": rank[node],
                "size": style.node_size(measure[node], lo, hi),
            },
            "classes": " ".join(classes),
        }
        if node in pos:
            el["position"] = {"x": pos[node][0], "y": pos[node][1]}
        out.append(el)
    for u, v, d in G.edges(data=True):
        src, tgt = (d["source"], d["target"]) if d.get("directed") else (u, v)
        classes = ["typed" if d.get("relations") else "cooc"]
        if d.get("directed"):
            classes.append("directed")
        if frozenset((u, v)) in on_path:
            classes.append("path")
        if bulk:
            classes.append("bulk")
        verbs = style.link_verbs(d.get("relations") or [])
        out.append(
            {
                "data": {
                    "id": f"{u}\u2194{v}",
                    "source": str(src),
                    "target": str(tgt),
                    "a": str(u),
                    "b": str(v),
                    "weight": d["weight"],
                    "polarity": d["polarity"],
                    "kinds": ", ".join(d["kinds"]),
                    "verb": verbs,
                    "color": style.polarity_color(d["polarity"]),
                    "width": style.edge_width(d["weight"], w_lo, w_hi),
                },
                "classes": " ".join(classes),
            }
        )
    return out


def importance(G: nx.Graph) -> list:
    """The view's actors, most important first: weighted degree (sentences of evidence on
    their links in view), then mentions, then id (a fixed order for ties)."""
    return sorted(
        G, key=lambda v: (-G.degree(v, weight="weight"), -G.nodes[v].get("mentions", 0), str(v))
    )




def stylesheet(theme: str = "light") -> list[dict]:
    """Cytoscape stylesheet built from the shared style definition, in the colours of
    ``theme`` (:mod:`graph.views.themes`: names, their halo, borders and rings)."""
    t = themes.theme(theme)
    return [
        {
            "selector": "node",
            "style": {
                "background-color": "data(color)",
                "width": "data(size)",
                "height": "data(size)",
                "label": "data(label)",
                "font-size": LABEL_PX,
                "font-family": style.FONT_FAMILY,
                "color": t["label"],
                "text-valign": "bottom",
                "text-margin-y": 2,
                "text-outline-color": t["halo"],
                "text-outline-width": 2,
                "border-width": 1,
                "border-color": t["node_border"],
                "text-max-width": "180px",
                "text-wrap": "ellipsis",
                "min-zoomed-font-size": 0,
            },
        },
        {"selector": "node.nolabel", "style": {"label": ""}},
        # where the page's script put a label that did not fit under its node
        {"selector": "node.lbl-top", "style": {"text-valign": "top", "text-margin-y": -2}},
        {
            "selector": "node.lbl-right",
            "style": {
                "text-valign": "center",
                "text-halign": "right",
                "text-margin-x": 3,
                "text-margin-y": 0,
            },
        },
        {
            "selector": "node.lbl-left",
            "style": {
                "text-valign": "center",
                "text-halign": "left",
                "text-margin-x": -3,
                "text-margin-y": 0,
            },
        },
        {
            "selector": "edge",
            "style": {
                "line-color": "data(color)",
                "width": "data(width)",
                "curve-style": "bezier",
                "opacity": 0.85,
            },
        },
        {"selector": "edge.cooc", "style": {"opacity": style.FADED_OPACITY + 0.07}},
        {
            "selector": "edge.typed",
            "style": {
                "z-index": 5,
                "label": "data(verb)",
                "font-size": 10,
                "font-style": "italic",
                "color": t["verb"],
                "text-rotation": "autorotate",
                "text-outline-color": t["halo"],
                "text-outline-width": 2,
                "min-zoomed-font-size": 13,
            },
        },  # verbs from 130 % zoom
        {
            "selector": "edge.directed",
            "style": {
                "target-arrow-shape": "triangle",
                "target-arrow-color": "data(color)",
                "arrow-scale": 1.1,
            },
        },
        # large views: no control points (haystack), arrows on straight lines, no verbs
        # but on the clicked actor's or link's links (edge.highlight below)
        {
            "selector": "edge.bulk",
            "style": {"curve-style": "haystack", "haystack-radius": 0, "label": ""},
        },
        {"selector": "edge.bulk.directed", "style": {"curve-style": "straight"}},
        # "compare two periods" (dashboard/frames.py): a gone link dotted, as in the images
        {
            "selector": "edge.change-new, edge.change-stronger, edge.change-weaker, "
            "edge.change-gone",
            "style": {"opacity": 0.95, "z-index": 6},
        },
        {"selector": "edge.change-gone", "style": {"line-style": "dotted"}},
        {"selector": "edge.change-unchanged", "style": {"opacity": 0.6}},
        {"selector": "node.focus", "style": {"border-width": 4, "border-color": t["ring"]}},
        {
            "selector": "node.expanded",
            "style": {"border-width": 3, "border-style": "dashed", "border-color": t["ring"]},
        },
        {"selector": "node.path", "style": {"border-width": 4, "border-color": t["path"]}},
        {
            "selector": "edge.path",
            "style": {
                "line-color": t["path"],
                "opacity": 1,
                "width": 4,
                "target-arrow-color": t["path"],
                "z-index": 9,
            },
        },
        {"selector": ".faded", "style": {"opacity": 0.12, "text-opacity": 0}},
        {"selector": "node.faded.key", "style": {"text-opacity": 0.6}},  # key actors: named
        {
            "selector": "edge.highlight",
            "style": {"opacity": 1, "z-index": 8, "min-zoomed-font-size": 0},
        },
        {"selector": "edge.typed.bulk.highlight", "style": {"label": "data(verb)"}},
        {"selector": "node:selected", "style": {"border-width": 4, "border-color": t["ring"]}},
        {
            "selector": "edge:selected",
            "style": {"line-color": t["ring"], "target-arrow-color": t["ring"]},
        },
        {
            "selector": "node.hover",
            "style": {"label": "data(label)", "z-index": 20, "text-opacity": 1},
        },
    ]


def legend(
    G: nx.Graph, color_by: str = "type", size_by: str = "mentions"
) -> dict[str, list[tuple[str, str]]]:
    """Legend entries ``(label, colour)``: what node colour shows (types, communities or a
    measure's classes) and link colours; plus what size and width mean (colour "")."""
    _, colors = node_colors(G, color_by)
    links = [
        ("cooperative", style.polarity_color("cooperative")),
        ("hostile", style.polarity_color("hostile")),
        ("neutral", style.polarity_color("neutral")),
        ("co-occurrence only", "var(--rg-cooc)"),
    ]  # the theme on screen's
    if G.graph.get("path"):
        links.append(("path", style.PATH_COLOR))
    return {
        COLOR_TITLES.get(color_by, "Actors"): colors,
        "Links": links,
        "Size": [
            (
                f"node size: {SIZE_LABELS.get(size_by, size_by)}; link width: sentences; "
                "→ direction",
                "",
            )
        ],
    }
