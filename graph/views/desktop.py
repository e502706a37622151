"""GraphML and GEXF that open styled in desktop tools (Gephi, yEd, Cytoscape).

Nodes carry the dashboard's colour (by actor type), size (by mentions) and position (the
shared seeded layout); links their polarity colour and a width by weight.

* GEXF: ``viz:color``, ``viz:size``, ``viz:position`` (nodes) and ``viz:color``,
  ``viz:thickness`` (links); a dynamic graph (``mode="dynamic"``, ``timeformat="date"``):
  links with a spell per day of evidence, actors with their first and last day. The graph
  stays undirected (a per-link ``type`` would make the file unreadable for networkx); the
  ``directed`` attribute says which links are one-way.
* GraphML: plain attributes ``color`` (#RRGGBB), ``r``/``g``/``b``, ``size``, ``x``, ``y`` (what
  Gephi's and Cytoscape's importers map), plus yEd's own ``y:ShapeNode`` / ``y:PolyLineEdge``
  graphics, so yEd shows the colours, sizes, positions and arrows without any mapping.

In both, a link's ``source`` and ``target`` are the pair, written in the relation's direction
when ``directed`` is true (the same naming as JSON and CSV).
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import networkx as nx

from graph.views import style
from graph.views.positions import VIEW_BOX, positions

__all__ = ["MAX_POSITIONED", "to_gexf", "to_graphml"]

#: Larger slices are written without positions: a layout of thousands of actors takes minutes
#: and desktop tools lay them out themselves.
MAX_POSITIONED = 1500
NS_GRAPHML = "http://graphml.graphdrawing.org/xmlns"
NS_Y = "http://www.yworks.com/xml/graphml"


class _OrientedEdges:
    """``G.edges`` listing each link from its recorded first end (``G.first``): networkx lists
    an undirected edge from whichever end it met first, reversing half the typed relations."""

    def __init__(self, G: _Oriented) -> None:
        self._G = G
        # networkx's Graph.edges is a functools.cached_property: .func is its getter
        self._view = nx.Graph.edges.func(G)  # type: ignore[attr-defined]

    def _orient(self, e: tuple) -> tuple:
        u, v = e[0], e[1]
        if self._G.first.get(frozenset((u, v))) == v:
            return (v, u, *e[2:])
        return e

    def __call__(self, *args: Any, **kwargs: Any) -> Iterator[tuple]:
        return (self._orient(e) for e in self._view(*args, **kwargs))

    def __iter__(self) -> Iterator[tuple]:
        return (self._orient(e) for e in self._view)

    def __len__(self) -> int:
        return len(self._view)


class _Oriented(nx.Graph):
    def __init__(self) -> None:
        super().__init__()
        self.first: dict[frozenset, object] = {}

    @property
    def edges(self) -> _OrientedEdges:  # type: ignore[override]
        return _OrientedEdges(self)


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _styled(G: nx.Graph, flat: nx.Graph) -> dict:
    """Style per node and edge of ``G``: colour, size, position, width, direction."""

    pos = positions(G, "spring", *VIEW_BOX) if 0 < len(G) <= MAX_POSITIONED else {}
    mentions = [d.get("mentions", 1) for _, d in G.nodes(data=True)] or [1]
    weights = [d.get("weight", 1) for *_, d in G.edges(data=True)] or [1]
    nodes = {v: {"color": style.type_color(d.get("type", "")),
                 "size": style.node_size(d.get("mentions", 1), min(mentions), max(mentions)),
                 "pos": pos.get(v)} for v, d in G.nodes(data=True)}
    edges = {}
    for u, v, d in G.edges(data=True):
        edges[frozenset((u, v))] = {
            "color": style.polarity_color(d.get("polarity", "neutral")),
            "width": style.edge_width(d.get("weight", 1), min(weights), max(weights)),
            "directed": bool(d.get("directed")),
            "alpha": 1.0 if d.get("relations") else style.FADED_OPACITY + 0.2}
    return {"nodes": nodes, "edges": edges}


def _oriented_copy(flat: nx.Graph, G: nx.Graph) -> _Oriented:
    H = _Oriented()
    H.graph.update(flat.graph)
    H.add_nodes_from(flat.nodes(data=True))
    for u, v, d in flat.edges(data=True):
        src = G.edges[u, v].get("source") if G.edges[u, v].get("directed") else min(
            (u, v), key=str)
        H.add_edge(u, v, **d)
        H.first[frozenset((u, v))] = src if src in (u, v) else u
    return H


def to_gexf(G: nx.Graph, flat: nx.Graph) -> bytes:
    """GEXF 1.2 of ``G`` (``flat``: its scalar-attribute copy) with viz attributes."""
    s = _styled(G, flat)
    H = _oriented_copy(flat, G)
    for v, d in H.nodes(data=True):
        st = s["nodes"][v]
        r, g, b = _rgb(st["color"])
        viz = {"color": {"r": r, "g": g, "b": b, "a": 1.0}, "size": st["size"]}
        if st["pos"]:
            viz["position"] = {"x": st["pos"][0], "y": -st["pos"][1], "z": 0.0}  # y up
        d["viz"] = viz
    for u, v, d in H.edges(data=True):
        st = s["edges"][frozenset((u, v))]
        r, g, b = _rgb(st["color"])
        d["viz"] = {"color": {"r": r, "g": g, "b": b, "a": st["alpha"]},
                    "thickness": st["width"]}
    _timed(G, H)
    buf = io.BytesIO()
    nx.write_gexf(H, buf, version="1.2draft")
    return buf.getvalue()


def _timed(G: nx.Graph, H: nx.Graph) -> None:
    """Make ``H`` a dynamic graph Gephi's timeline plays: a link lives on each day it has
    evidence (a spell per day: typed relations on their event day, co-occurrences on their
    article's), an actor from its first to its last day (its articles' and its links'). The
    days come from ``G``'s ``dates`` (a graph built with lists); without them ``H`` stays
    static."""
    spans: dict = {}
    for u, v, d in G.edges(data=True):
        days = [x["date"] for x in d.get("dates") or ()]
        if not days:
            continue
        H[u][v]["spells"] = [(day, day) for day in days]
        H[u][v].pop("dates", None)  # the spells say it; JSON text would repeat it
        for node in (u, v):
            lo, hi = spans.get(node, (days[0], days[-1]))
            spans[node] = (min(lo, days[0]), max(hi, days[-1]))
    if not spans:
        return
    H.graph["mode"] = "dynamic"
    for node, d in G.nodes(data=True):
        seen = [x for x in (d.get("first_seen"), d.get("last_seen"), *spans.get(node, ()))
                if x]
        if seen:
            H.nodes[node]["start"], H.nodes[node]["end"] = min(seen), max(seen)


def to_graphml(G: nx.Graph, flat: nx.Graph) -> bytes:
    """GraphML of ``G`` with colour/size/position attributes and yEd graphics."""
    s = _styled(G, flat)
    H = _oriented_copy(flat, G)
    for v, d in H.nodes(data=True):
        st = s["nodes"][v]
        d["color"] = st["color"]
        d["r"], d["g"], d["b"] = _rgb(st["color"])
        d["size"] = float(st["size"])
        if st["pos"]:
            d["x"], d["y"] = float(st["pos"][0]), float(st["pos"][1])
    for u, v, d in H.edges(data=True):
        d["color"] = s["edges"][frozenset((u, v))]["color"]
    buf = io.BytesIO()
    nx.write_graphml(H, buf)
    return _with_yed_graphics(buf.getvalue(), H, s)


def _with_yed_graphics(data: bytes, H: nx.Graph, s: dict) -> bytes:
    """Add yEd's node and edge graphics (keys with ``yfiles.type``) to networkx's GraphML."""
    ET.register_namespace("", NS_GRAPHML)
    ET.register_namespace("y", NS_Y)
    ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
    root = ET.fromstring(data)
    g = f"{{{NS_GRAPHML}}}"
    y = f"{{{NS_Y}}}"
    graph = root.find(f"{g}graph")
    if graph is None:  # networkx always writes one
        raise ValueError("GraphML without a graph element")
    first_key = list(root).index(graph)
    root.insert(first_key, ET.Element(f"{g}key", {"for": "node", "id": "yed_node",
                                                  "yfiles.type": "nodegraphics"}))
    root.insert(first_key + 1, ET.Element(f"{g}key", {"for": "edge", "id": "yed_edge",
                                                      "yfiles.type": "edgegraphics"}))
    labels = {str(v): str(d.get("label", v)) for v, d in H.nodes(data=True)}
    node_style = {str(v): st for v, st in s["nodes"].items()}
    for node in graph.findall(f"{g}node"):
        st = node_style[node.attrib["id"]]
        data_el = ET.Element(f"{g}data", {"key": "yed_node"})
        shape = ET.SubElement(data_el, f"{y}ShapeNode")
        size = st["size"]
        x, yy = st["pos"] or (0.0, 0.0)
        ET.SubElement(shape, f"{y}Geometry", {"x": f"{x - size / 2:.1f}",
                                              "y": f"{yy - size / 2:.1f}",
                                              "width": f"{size:.1f}", "height": f"{size:.1f}"})
        ET.SubElement(shape, f"{y}Fill", {"color": st["color"], "transparent": "false"})
        ET.SubElement(shape, f"{y}BorderStyle", {"color": "#FFFFFF", "type": "line",
                                                 "width": "1.0"})
        label = ET.SubElement(shape, f"{y}NodeLabel", {"modelName": "sides",
                                                        "modelPosition": "s"})
        label.text = labels[node.attrib["id"]]
        ET.SubElement(shape, f"{y}Shape", {"type": "ellipse"})
        node.insert(0, data_el)  # first: networkx's own x/y attributes win when read back
    for edge in graph.findall(f"{g}edge"):
        st = s["edges"][frozenset((_node_of(H, edge.attrib["source"]),
                                   _node_of(H, edge.attrib["target"])))]
        data_el = ET.SubElement(edge, f"{g}data", {"key": "yed_edge"})
        line = ET.SubElement(data_el, f"{y}PolyLineEdge")
        ET.SubElement(line, f"{y}LineStyle", {"color": st["color"], "type": "line",
                                              "width": f"{st['width']:.1f}"})
        ET.SubElement(line, f"{y}Arrows", {"source": "none",
                                           "target": "standard" if st["directed"] else "none"})
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _node_of(H: nx.Graph, text: str) -> object:
    return text if text in H else next(v for v in H if str(v) == text)
