"""Pure functions behind the dashboard: filter state → slice, cytoscape elements, figures, rows.

Nothing here imports Dash, so every function is tested with plain pytest.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from urllib.parse import parse_qs, urlencode

import networkx as nx

from graph import style
from graph.layout import VIEW_BOX, positions
from graph.model import ACTOR_TYPES, POLARITIES, GraphSlice

__all__ = [
    "CYTO_LAYOUTS",
    "Filters",
    "actor_rows",
    "edge_details",
    "elements",
    "filters_from_query",
    "filters_to_query",
    "highlight",
    "legend",
    "node_details",
    "search_options",
    "stylesheet",
    "summary",
    "timeline_figure",
    "to_slice",
]

#: "preset" is the seeded networkx layout (same as the image export); the rest are cytoscape's.
CYTO_LAYOUTS = ("preset", "cose", "fcose", "cola", "concentric", "circle", "breadthfirst")


@dataclass(frozen=True)
class Filters:
    """The whole view state; serialised into the URL so a link reproduces the view."""

    articles: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    undated: bool = True
    types: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    min_weight: int = 1
    hide_isolated: bool = False
    top: int = 60
    focus: str | None = None
    depth: int = 1
    source: str | None = None
    target: str | None = None
    layout: str = "preset"
    size_by: str = "mentions"


#: What node size can show: a node attribute or a degree computed on the shown graph.
SIZE_BY = ("mentions", "degree", "weighted degree")
_TUPLES = {"articles", "types", "kinds"}
_INTS = {"min_weight": (1, 1000), "top": (1, 2000), "depth": (1, 3)}


def filters_to_query(f: Filters) -> str:
    """URL query string holding only what differs from the defaults."""
    default = Filters()
    pairs: list[tuple[str, str]] = []
    for name, value in asdict(f).items():
        if value == getattr(default, name) or value in (None, ()):
            continue
        if name in _TUPLES:
            pairs.extend((name, v) for v in value)
        elif isinstance(value, bool):
            pairs.append((name, "1" if value else "0"))
        else:
            pairs.append((name, str(value)))
    return urlencode(pairs)


def filters_from_query(query: str) -> Filters:
    """Parse a URL query (with or without "?"); unknown or malformed values are ignored."""
    raw = parse_qs(query.lstrip("?"), keep_blank_values=False)
    values: dict = {}
    for fld in fields(Filters):
        got = raw.get(fld.name)
        if not got:
            continue
        if fld.name in _TUPLES:
            values[fld.name] = tuple(got)
        elif fld.name in _INTS:
            lo, hi = _INTS[fld.name]
            try:
                values[fld.name] = min(max(int(got[0]), lo), hi)
            except ValueError:
                continue
        elif fld.name in ("undated", "hide_isolated"):
            values[fld.name] = got[0] in ("1", "true", "yes")
        elif fld.name in ("since", "until"):
            if _iso(got[0]):
                values[fld.name] = got[0]
        elif fld.name == "layout":
            if got[0] in CYTO_LAYOUTS:
                values[fld.name] = got[0]
        elif fld.name == "size_by":
            if got[0] in SIZE_BY:
                values[fld.name] = got[0]
        else:
            values[fld.name] = got[0]
    if "types" in values:
        values["types"] = tuple(t for t in values["types"] if t in ACTOR_TYPES)
    return replace(Filters(), **values)


def _iso(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def to_slice(f: Filters) -> GraphSlice:
    """The store slice a view asks for."""
    return GraphSlice(articles=f.articles, since=_iso(f.since), until=_iso(f.until),
                      include_undated=f.undated, types=f.types, kinds=f.kinds,
                      min_weight=f.min_weight)


def view_graph(G: nx.Graph, f: Filters) -> nx.Graph:
    """Apply the view-only filters (hide isolated actors) to a built slice graph."""
    if f.hide_isolated:
        keep = set(G.graph.get("path") or ())
        G = G.subgraph([n for n in G if G.degree(n) or n in keep]).copy()
    return G


def node_measure(G: nx.Graph, size_by: str = "mentions") -> dict[str, float]:
    """The value each node's size shows: mentions, degree or weighted degree."""
    if size_by == "degree":
        return dict(G.degree())
    if size_by == "weighted degree":
        return dict(G.degree(weight="weight"))
    return {v: d["mentions"] for v, d in G.nodes(data=True)}


def elements(G: nx.Graph, layout: str = "preset", size_by: str = "mentions") -> list[dict]:
    """Cytoscape elements: nodes sized by ``size_by`` and coloured by type, edges widened by
    weight and coloured by polarity; positions from the shared seeded layout."""
    if not G.number_of_nodes():
        return []
    pos = positions(G, "spring", *VIEW_BOX) if layout == "preset" else {}
    measure = node_measure(G, size_by)
    mentions = list(measure.values()) or [1]
    weights = [d["weight"] for *_, d in G.edges(data=True)] or [1]
    m_lo, m_hi, w_lo, w_hi = min(mentions), max(mentions), min(weights), max(weights)
    route = G.graph.get("path") or []
    on_path = set(zip(route, route[1:], strict=False)) | set(zip(route[1:], route,
                                                                  strict=False))
    focus = G.graph.get("focus")
    out = []
    for node, d in G.nodes(data=True):
        el = {"data": {"id": node, "label": d["label"], "type": d["type"],
                       "mentions": d["mentions"], "color": style.type_color(d["type"]),
                       "size": style.node_size(measure[node], m_lo, m_hi)},
              "classes": " ".join(c for c in (
                  "path" if node in route else "", "focus" if node == focus else "") if c)}
        if node in pos:
            el["position"] = {"x": pos[node][0], "y": pos[node][1]}
        out.append(el)
    for u, v, d in G.edges(data=True):
        src, tgt = (d["source"], d["target"]) if d.get("directed") else (u, v)
        classes = ["directed"] if d.get("directed") else []
        if (u, v) in on_path:
            classes.append("path")
        out.append({"data": {"id": f"{u}\u2194{v}", "source": src, "target": tgt,
                             "weight": d["weight"], "polarity": d["polarity"],
                             "kinds": ", ".join(d["kinds"]),
                             "color": style.polarity_color(d["polarity"]),
                             "width": style.edge_width(d["weight"], w_lo, w_hi)},
                    "classes": " ".join(classes)})
    return out


def stylesheet() -> list[dict]:
    """Cytoscape stylesheet built from the shared style definition."""
    return [
        {"selector": "node", "style": {
            "background-color": "data(color)", "width": "data(size)", "height": "data(size)",
            "label": "data(label)", "font-size": style.LABEL_FONT_SIZE,
            "font-family": style.FONT_FAMILY, "color": style.LABEL_COLOR,
            "text-valign": "bottom", "text-margin-y": 3, "text-outline-color": "#ffffff",
            "text-outline-width": 2, "border-width": 1, "border-color": "#ffffff"}},
        {"selector": "edge", "style": {
            "line-color": "data(color)", "width": "data(width)", "curve-style": "bezier",
            "opacity": 0.75}},
        {"selector": "edge.directed", "style": {
            "target-arrow-shape": "triangle", "target-arrow-color": "data(color)",
            "arrow-scale": 1.1}},
        {"selector": "node.focus", "style": {"border-width": 4, "border-color": "#222222"}},
        {"selector": "node.path", "style": {"border-width": 4, "border-color": "#7B3294"}},
        {"selector": "edge.path", "style": {"line-color": "#7B3294", "opacity": 1,
                                             "target-arrow-color": "#7B3294", "z-index": 9}},
        {"selector": ":selected", "style": {"border-width": 4, "border-color": "#111111"}},
    ]


def legend() -> dict[str, list[tuple[str, str]]]:
    """Legend entries: (label, colour) per actor type and per edge polarity."""
    return {"Actors": [(style.TYPE_LABELS[t], style.type_color(t)) for t in ACTOR_TYPES],
            "Relations": [(p.capitalize(), style.polarity_color(p)) for p in POLARITIES]}


def summary(G: nx.Graph) -> str:
    """ "Showing N of M actors" line for the slice."""
    total = G.graph.get("total_actors", G.number_of_nodes())
    links = G.graph.get("total_edges", G.number_of_edges())
    n_art = len(G.graph.get("articles", []))
    shown = (f"{G.number_of_edges()} links" if links <= G.number_of_edges()
             else f"strongest {G.number_of_edges()} of {links} links")
    return (f"Showing {G.number_of_nodes()} of {total} actors · {shown} · "
            f"{n_art} article{'s' if n_art != 1 else ''}")


def actor_rows(G: nx.Graph) -> list[dict]:
    """Table rows: degree, weighted degree, betweenness and community per actor."""
    if not G.number_of_nodes():
        return []
    # Sampled (seeded, so stable) above 40 actors: exact betweenness dominates the view time.
    between = nx.betweenness_centrality(G, k=min(40, len(G)), seed=7) if len(G) > 2 else {}
    groups = (nx.community.louvain_communities(G, weight="weight", seed=7)
              if G.number_of_edges() else [set(G)])
    groups = sorted(groups, key=lambda c: (-len(c), sorted(c)))  # community 1 = largest
    community = {n: i for i, group in enumerate(groups, start=1) for n in group}
    return sorted(({"id": n, "actor": d["label"], "type": d["type"], "mentions": d["mentions"],
                    "degree": G.degree(n), "weighted_degree": G.degree(n, weight="weight"),
                    "betweenness": round(between.get(n, 0.0), 4),
                    "community": community.get(n, 0)} for n, d in G.nodes(data=True)),
                  key=lambda r: (-r["weighted_degree"], r["actor"]))


def search_options(actor_table: list[dict]) -> list[dict]:
    """Dropdown options for every actor, searchable by any alias."""
    return [{"label": r["label"] + (f" ({', '.join(sorted(r['aliases'] - {r['label']})[:4])})"
                                    if r["aliases"] - {r["label"]} else ""),
             "value": r["id"],
             "search": " ".join([r["label"], *sorted(r["aliases"])])}
            for r in sorted(actor_table, key=lambda r: r["label"].lower())]


def highlight(sentence: str, spans: list[list[int]]) -> list[tuple[str, bool]]:
    """Split a sentence into (text, is_mention) segments for highlighting."""
    out, pos = [], 0
    for start, end in sorted(spans):
        start, end = max(start, pos), min(end, len(sentence))
        if start >= end:
            continue
        if start > pos:
            out.append((sentence[pos:start], False))
        out.append((sentence[start:end], True))
        pos = end
    if pos < len(sentence):
        out.append((sentence[pos:], False))
    return out


def node_details(G: nx.Graph, node: str, articles: dict[str, dict],
                 evidence: list[dict], in_articles: list[str] | None = None) -> dict:
    """Everything the details panel shows for an actor (plain data). ``in_articles`` are
    the ids of the articles mentioning it (view graphs carry no article lists)."""
    d = G.nodes[node]
    strongest = sorted(G[node].items(), key=lambda kv: (-kv[1]["weight"], kv[0]))[:8]
    return {
        "id": node, "name": d["label"], "type": d["type"], "aliases": d["aliases"],
        "mentions": d["mentions"],
        "first_seen": d["first_seen"], "last_seen": d["last_seen"],
        "articles": [articles[a] for a in (d.get("articles") if in_articles is None
                                           else in_articles) or [] if a in articles],
        "relations": [{"actor": G.nodes[other]["label"], "weight": e["weight"],
                       "polarity": e["polarity"],
                       "kinds": e["kinds"]} for other, e in strongest],
        "evidence": [{**e, "segments": highlight(e["sentence"], e["spans"])} for e in evidence],
    }


def edge_details(G: nx.Graph, u: str, v: str, evidence: list[dict]) -> dict:
    """Everything the details panel shows for a link (plain data)."""
    d = G.edges[u, v]
    label = {x: G.nodes[x]["label"] for x in (u, v)}
    relations = [{**r, "source": label[r["source"]], "target": label[r["target"]]}
                 for r in d["relations"]]
    return {"pair": (label[u], label[v]), "ids": (u, v), "weight": d["weight"],
            "polarity": d["polarity"], "kinds": d["kinds"], "relations": relations,
            "evidence": evidence}


def timeline_figure(articles: list[dict], G: nx.Graph) -> dict:
    """Articles and actor mentions per day for the slice (undated articles left out).

    A plain figure dict (what Dash sends anyway): building ``go.Figure`` objects costs more
    than the whole graph slice at 10,000 articles.
    """
    per_day = {d["date"]: d["articles"] for d in G.graph.get("timeline", [])}
    mentions = {d["date"]: d["mentions"] for d in G.graph.get("timeline", [])}
    days = sorted(per_day)
    # Bars a day wide vanish on a multi-year axis: widen them with the span shown.
    span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days if days else 0
    bar_ms = 86_400_000 * max(1, span // 80)
    return {
        "data": [
            {"type": "bar", "x": days, "y": [per_day[d] for d in days], "name": "articles",
             "width": [bar_ms] * len(days), "marker": {"color": style.TYPE_COLORS["person"]}},
            {"type": "scatter", "x": days, "y": [mentions.get(d, 0) for d in days],
             "name": "actors mentioned", "mode": "lines+markers", "yaxis": "y2",
             "line": {"color": style.TYPE_COLORS["organisation"]}},
        ],
        "layout": {
            "height": 190, "margin": {"l": 40, "r": 40, "t": 10, "b": 30}, "dragmode": "zoom",
            "plot_bgcolor": style.BACKGROUND, "paper_bgcolor": style.BACKGROUND,
            "legend": {"orientation": "h", "y": 1.15, "x": 0}, "bargap": 0.3,
            "xaxis": {"type": "date"}, "yaxis": {"title": {"text": "articles"},
                                                 "rangemode": "tozero"},
            "yaxis2": {"overlaying": "y", "side": "right", "rangemode": "tozero",
                       "title": {"text": "actors"}, "showgrid": False},
            "font": {"family": style.FONT_FAMILY, "size": 11},
        },
    }


def dates_from_relayout(relayout: dict | None) -> tuple[str | None, str | None] | None:
    """A date range selected on the timeline (zoom on the x axis), or None if the event is
    not an x-range change; ``(None, None)`` when the range was reset."""
    if not relayout:
        return None
    if relayout.get("xaxis.autorange"):
        return (None, None)
    lo, hi = relayout.get("xaxis.range[0]"), relayout.get("xaxis.range[1]")
    if lo is None and isinstance(relayout.get("xaxis.range"), list):
        lo, hi = relayout["xaxis.range"]
    if lo is None or hi is None:
        return None
    return (str(lo)[:10], str(hi)[:10])
