"""Write a graph for other tools: node-link JSON, GraphML, GEXF, CSV (nodes + edges tables).

The CLI and the dashboard's download buttons both call :func:`write_graph` / :func:`to_bytes`.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import networkx as nx

__all__ = ["DATA_FORMATS", "csv_tables", "to_bytes", "write_graph"]

DATA_FORMATS = ("json", "graphml", "gexf", "csv")
NODE_COLUMNS = ("id", "label", "type", "mentions", "first_seen", "last_seen", "aliases",
                "articles")
EDGE_COLUMNS = ("source", "target", "weight", "polarity", "directed", "kinds", "relations",
                "articles", "evidence")


def to_bytes(G: nx.Graph, fmt: str) -> bytes:
    """The graph in ``fmt`` as bytes (``csv`` is a zip holding nodes.csv and edges.csv)."""
    if fmt == "json":
        data = nx.node_link_data(G, edges="edges")
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    if fmt in ("graphml", "gexf"):
        flat = _flat(G)
        buf = io.BytesIO()
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(flat, buf)
        return buf.getvalue()
    if fmt == "csv":
        nodes, edges = csv_tables(G)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("nodes.csv", nodes)
            z.writestr("edges.csv", edges)
        return buf.getvalue()
    raise ValueError(f"unknown data format {fmt!r}; choose one of {', '.join(DATA_FORMATS)}")


def write_graph(G: nx.Graph, fmt: str, path: str | Path) -> list[Path]:
    """Write ``G`` to ``path``; returns the files written.

    For ``csv``: ``out.zip`` gets a zip; ``out.csv`` gets ``out.nodes.csv`` and
    ``out.edges.csv``; any other path is a directory receiving ``nodes.csv`` and ``edges.csv``.
    """
    path = Path(path)
    if fmt == "csv" and path.suffix.lower() != ".zip":
        nodes, edges = csv_tables(G)
        if path.suffix.lower() == ".csv":
            targets = [path.with_suffix(".nodes.csv"), path.with_suffix(".edges.csv")]
        else:
            targets = [path / "nodes.csv", path / "edges.csv"]
        for target, text in zip(targets, (nodes, edges), strict=True):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return targets
    data = to_bytes(G, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return [path]


def csv_tables(G: nx.Graph) -> tuple[str, str]:
    """``(nodes_csv, edges_csv)``: list attributes joined with "; ", structured ones as JSON."""
    nodes = io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(NODE_COLUMNS)
    for node, d in G.nodes(data=True):
        w.writerow([node, *(_cell(d.get(c)) for c in NODE_COLUMNS[1:])])
    edges = io.StringIO()
    w = csv.writer(edges, lineterminator="\n")
    w.writerow(EDGE_COLUMNS)
    for u, v, d in G.edges(data=True):
        src, tgt = (d.get("source", u), d.get("target", v)) if d.get("directed") else (u, v)
        w.writerow([src, tgt, *(_cell(d.get(c)) for c in EDGE_COLUMNS[2:])])
    return nodes.getvalue(), edges.getvalue()


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        if all(isinstance(v, str) for v in value):
            return "; ".join(value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _flat(G: nx.Graph) -> nx.Graph:
    """A copy with only scalar attributes (GraphML and GEXF cannot hold lists or dicts)."""
    H = nx.Graph()
    H.graph.update({k: _cell(v) for k, v in G.graph.items()
                    if isinstance(_cell(v), str | int | float | bool)})
    for node, d in G.nodes(data=True):
        H.add_node(node, **{k: _cell(v) for k, v in d.items()})
    for u, v, d in G.edges(data=True):
        # "source"/"target" are structural in GEXF; keep the direction under other names.
        H.add_edge(u, v, **{_RENAME.get(k, k): _cell(val) for k, val in d.items()})
    return H


_RENAME = {"source": "from_actor", "target": "to_actor"}
