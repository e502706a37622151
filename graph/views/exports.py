"""Write a graph for other tools: node-link JSON, GraphML, GEXF, CSV (nodes + edges tables).

The CLI and the dashboard's download buttons both call :func:`write_graph` / :func:`to_bytes`.
:func:`graph.views.notes.attach_notes` first puts the analysts' notes on the graph (a
``notes`` attribute on each noted actor and link: a list of ``{"text", "user", "at"}``,
oldest first), so every format carries them: JSON as that list, GraphML, GEXF and CSV as
its JSON text (an empty CSV cell where there is none).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from graph.core.choices import DATA_FORMATS
from graph.views.desktop import to_gexf, to_graphml

__all__ = ["DATA_FORMATS", "csv_tables", "to_bytes", "write_graph"]

NODE_COLUMNS = ("id", "label", "type", "mentions", "first_seen", "last_seen", "aliases",
                "articles", "notes")
EDGE_COLUMNS = ("source", "target", "weight", "polarity", "directed", "kinds", "relations",
                "first_event", "last_event", "dates", "articles", "evidence", "notes")


def to_bytes(G: nx.Graph, fmt: str) -> bytes:
    """The graph in ``fmt`` as bytes (``csv`` is a zip holding nodes.csv and edges.csv)."""
    if fmt == "json":
        H = _cleaned(G, unicode_text)
        data = nx.node_link_data(H, edges="edges")
        # node-link writes the pair in networkx's order: put a relation's actor first
        for e in data["edges"]:
            d = H.edges[e["source"], e["target"]]
            if d.get("directed") and d.get("target") == e["source"]:
                e["source"], e["target"] = e["target"], e["source"]
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    if fmt in ("graphml", "gexf"):
        H = _cleaned(G, xml_text)
        return (to_graphml if fmt == "graphml" else to_gexf)(H, _flat(H))
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
            target.write_bytes(text.encode("utf-8"))  # CRLF rows as written (RFC 4180)
        return targets
    data = to_bytes(G, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return [path]


def csv_tables(G: nx.Graph) -> tuple[str, str]:
    """``(nodes_csv, edges_csv)``: list attributes joined with "; ", structured ones as JSON.

    Cells that a spreadsheet would run as a formula are neutralised (see :func:`csv_safe`).
    """
    G = _cleaned(G, unicode_text)
    nodes = io.StringIO()
    w = csv.writer(nodes, lineterminator="\r\n")
    w.writerow(NODE_COLUMNS)
    for node, d in G.nodes(data=True):
        w.writerow([csv_safe(node), *(csv_safe(_cell(d.get(c))) for c in NODE_COLUMNS[1:])])
    edges = io.StringIO()
    w = csv.writer(edges, lineterminator="\r\n")
    w.writerow(EDGE_COLUMNS)
    for u, v, d in G.edges(data=True):
        src, tgt = (d.get("source", u), d.get("target", v)) if d.get("directed") else (u, v)
        w.writerow([csv_safe(src), csv_safe(tgt),
                    *(csv_safe(_cell(d.get(c))) for c in EDGE_COLUMNS[2:])])
    return nodes.getvalue(), edges.getvalue()


#: Characters a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> object:
    """A CSV cell that spreadsheets show as text: a string starting with ``= + - @``, a tab
    or a carriage return gets a leading apostrophe (OWASP's advice; Excel, LibreOffice and
    Google Sheets then display it as text). Numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


#: Code points XML 1.0 cannot hold: C0 controls but tab/newline/CR, lone surrogates, U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot carry replaced by U+FFFD (``<``, ``&``
    and ``]]>`` are left to the XML writer, which escapes them)."""
    return _NOT_XML.sub(REPLACEMENT, text)


def unicode_text(text: str) -> str:
    """``text`` with lone surrogates (not encodable as UTF-8) replaced by U+FFFD."""
    return _SURROGATE.sub(REPLACEMENT, text)


def _clean_value(value: object, clean: Callable[[str], str]) -> object:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list | tuple | set):
        return [_clean_value(v, clean) for v in value]
    if isinstance(value, dict):
        return {clean(str(k)): _clean_value(v, clean) for k, v in value.items()}
    return value


def _cleaned(G: nx.Graph, clean: Callable[[str], str]) -> nx.Graph:
    """A copy of ``G`` whose every string (node ids included) passed through ``clean``; ids
    that clean to the same text are told apart with a numbered suffix."""
    ids: dict = {}
    taken: set = set()
    for node in G:
        new = clean(node) if isinstance(node, str) else node
        base, n = new, 1
        while new in taken:
            n += 1
            new = f"{base} ({n})"
        taken.add(new)
        ids[node] = new

    def fix(value: object) -> object:
        # endpoint names inside attributes follow the renamed ids
        return ids.get(value, _clean_value(value, clean)) if isinstance(value, str) else (
            _clean_value(value, clean))

    H = G.__class__()
    H.graph.update({k: _clean_value(v, clean) for k, v in G.graph.items()})
    for node, d in G.nodes(data=True):
        H.add_node(ids[node], **{k: _clean_value(v, clean) for k, v in d.items()})
    for u, v, d in G.edges(data=True):
        attrs = {k: (fix(val) if k in ("source", "target") else _clean_value(val, clean))
                 for k, val in d.items()}
        H.add_edge(ids[u], ids[v], **attrs)
    return H


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
    H: nx.Graph = nx.Graph()
    H.graph.update({k: _cell(v) for k, v in G.graph.items()
                    if isinstance(_cell(v), str | int | float | bool)})
    for node, d in G.nodes(data=True):
        H.add_node(node, **{k: _cell(v) for k, v in d.items()})
    for u, v, d in G.edges(data=True):
        # "source"/"target" are the link's ends in GraphML and GEXF: the writers put the
        # relation's direction there (graph/views/desktop.py), so no attribute repeats them.
        H.add_edge(u, v, **{k: _cell(val) for k, val in d.items()
                            if k not in ("source", "target")})
    return H
