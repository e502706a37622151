"""The network over time for briefings: small multiples (one panel per period on one image)
and "what changed" between two periods (one image, links coloured by
:mod:`graph.views.changes`).

Each panel is the dashboard's default view of the slice limited to one period (typed
relations by event date, co-occurrence by article date, undated articles left out), drawn by
the image module's plot (:func:`graph.views.image._plot`) at the single image's type sizes.
Positions are computed once, on the union of the periods' views, so an actor stands at the
same place in every panel and the eye sees links appear and fade. One legend serves all
panels; each panel has a caption with its period and counts.
"""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import networkx as nx

from graph.core.errors import EmptySliceError, InvalidValue
from graph.core.model import GraphSlice
from graph.slices.build import Corpus, build_graph
from graph.store.store import Store
from graph.views import style
from graph.views.captions import plural, wrap
from graph.views.changes import change_counts, change_legend, link_changes
from graph.views.image import _escape, _notes, _plot, figure_bytes
from graph.views.legend import legend_layout, relation_legend, scale_legend
from graph.views.positions import VIEW_BOX, positions
from graph.views.rules import cap_links, node_colors, node_measure, view_graph
from graph.views.typography import capacity, clip_to, text_height, text_width, typography

__all__ = ["MAX_PERIODS", "Change", "Period", "compare_figure", "compare_image",
           "compare_view", "panel_caption", "panels_figure",
           "parse_periods", "period_graphs", "periods_figure", "periods_image", "union_graph"]

MIN_PERIODS, MAX_PERIODS = 2, 6
GAP = 16  # px between panels
DEFAULT_TITLE = "relgraph: actor network by period"
COMPARE_TITLE = "relgraph: what changed"
_BOUND = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Period:
    """One period of small multiples: its text as given and its first and last days (None:
    open at that end)."""

    label: str
    since: date | None
    until: date | None

    @property
    def shown(self) -> str:
        """The period as a caption shows it: "2024-01 – 2024-06", "from 2024-07", "2023"."""
        start, sep, end = (x.strip() for x in self.label.partition(":"))
        if not sep or start == end:
            return start
        return f"{start} – {end}" if start and end else f"from {start}" if start \
            else f"until {end}"


def _bound(text: str, end: bool, spec: str) -> date | None:
    """The first (or, ``end``, last) day of ``text``: a year, a month or a day."""
    if not text:
        return None
    m = _BOUND.fullmatch(text)
    if not m:
        raise InvalidValue(f"bad period {spec!r}: {text!r} is not a year, month or day "
                           "(2023, 2023-09 or 2023-09-01)")
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        if not month:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if not day:
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return date(year, month, day)
    except ValueError:
        raise InvalidValue(f"bad period {spec!r}: {text!r} is not a date") from None


def parse_periods(text: str, least: int = MIN_PERIODS, most: int = MAX_PERIODS,
                  option: str = "--periods") -> list[Period]:
    """``START:END`` periods separated by commas (``least`` to ``most`` of them); each end a
    year, month or day, either end may be left open ("2024-07:"); a single ``2023`` is that
    whole year. ``option`` names the option in error lines."""
    specs = [s.strip() for s in text.split(",") if s.strip()]
    if not least <= len(specs) <= most:
        amount = str(least) if least == most else f"{least} to {most}"
        raise InvalidValue(f"{option} needs {amount} periods separated by commas (got "
                           f"{len(specs)}), e.g. 2024-01:2024-06,2024-07:2024-12")
    out = []
    for spec in specs:
        start, sep, end = spec.partition(":")
        if not sep:
            end = start
        since, until = _bound(start.strip(), False, spec), _bound(end.strip(), True, spec)
        if since is None and until is None:
            raise InvalidValue(f"bad period {spec!r}: give a start, an end or both")
        if since and until and since > until:
            raise InvalidValue(f"bad period {spec!r}: it ends before it starts")
        out.append(Period(spec, since, until))
    return out


def period_graphs(store: Store, sl: GraphSlice, periods: list[Period],
                  top: int | None, corpus: Corpus | None = None) -> list[nx.Graph]:
    """The view of ``sl`` in each period (its ``top`` actors), undated articles left out
    (``corpus``: a snapshot the caller already holds, else one is read)."""
    if sl.since or sl.until:
        raise InvalidValue("--periods and --compare set the dates: leave out --since/--until")
    corpus = corpus or Corpus.load(store)  # once: each period's view filters the same snapshot
    return [view_graph(store, _in(sl, p), corpus=corpus, top=top) for p in periods]


def _in(sl: GraphSlice, p: Period) -> GraphSlice:
    """``sl`` limited to the period ``p``, undated articles left out."""
    return replace(sl, since=p.since, until=p.until, include_undated=False)


def union_graph(graphs: list[nx.Graph]) -> nx.Graph:
    """Every actor and link of the panels (a link's weight its largest), the graph the
    shared positions are laid out on."""
    U: nx.Graph = nx.Graph()
    for G in graphs:
        for v, d in G.nodes(data=True):
            if v in U:
                U.nodes[v]["mentions"] = max(U.nodes[v].get("mentions", 0),
                                             d.get("mentions", 0))
            else:
                U.add_node(v, **d)
        for u, v, d in G.edges(data=True):
            w = max(d.get("weight", 1), U.edges[u, v]["weight"] if U.has_edge(u, v) else 0)
            U.add_edge(u, v, **{**d, "weight": w})
    return U


def panel_caption(p: Period, G: nx.Graph) -> str:
    """"2024-01:2024-06 · 3 articles · 5 actors · 4 links (2 typed)" for one panel."""
    typed = sum(1 for *_, d in G.edges(data=True) if d.get("relations"))
    shown, total = G.number_of_nodes(), G.graph.get("total_actors", G.number_of_nodes())
    actors = plural(total, "actor") if shown == total else f"{shown} of {plural(total, 'actor')}"
    return " · ".join([p.shown, plural(len(G.graph.get("articles", ())), "article"),
                       actors, plural(G.number_of_edges(), "link") + f" ({typed} typed)"])


def _grid(n: int) -> tuple[int, int]:
    """(rows, columns): side by side up to three periods, two rows beyond."""
    return (1, n) if n <= 3 else (2, math.ceil(n / 2))


def per_panel(width: int, height: int, size: str | None, n: int) -> int:
    """How many actors one of ``n`` panels shows legibly: the page's share, at least 4."""
    return max(4, capacity(width, height, size) // n)


def periods_image(store: Store, sl: GraphSlice, spec: str, fmt: str, *, width: int,
                  height: int, size: str | None = None, top: int | None = None,
                  dpi: int = 150, title: str | None = None, subtitle: str = "",
                  **options: str) -> tuple[bytes, list[nx.Graph]]:
    """The small multiples of ``sl`` over the periods ``spec`` as ``fmt`` bytes, and the
    panels' graphs (``top``: actors per panel, default what a panel shows legibly)."""
    periods = parse_periods(spec)
    n = per_panel(width, height, size, len(periods)) if top is None else top or None
    graphs = period_graphs(store, sl, periods, n)
    fig = periods_figure(graphs, periods, title=title, subtitle=subtitle, width=width,
                         height=height, size=size, **options)
    return figure_bytes(fig, fmt, dpi, title or DEFAULT_TITLE, subtitle), graphs


def periods_figure(graphs: list[nx.Graph], periods: list[Period], **options: Any) -> dict:
    """The plotly figure (a dict) of the panels, one per period, at shared positions
    (``options`` as :func:`panels_figure`)."""
    return panels_figure(graphs, [panel_caption(p, G) for p, G in zip(periods, graphs,
                                                                     strict=True)], **options)


@dataclass
class Change:
    """A "what changed" view: the graph drawn (both periods' actors), each drawn link's
    change class, the count of links per class over the whole slice, the caption."""

    graph: nx.Graph
    changes: dict[frozenset, str]
    counts: dict[str, int]
    caption: str


def compare_view(store: Store, sl: GraphSlice, first: Period, second: Period,
                 top: int | None, corpus: Corpus | None = None) -> Change:
    """What changed from ``first`` to ``second`` among the ``top`` most linked actors of both
    (None or 0: all of them), at most :data:`~graph.views.rules.LINKS_PER_ACTOR` links each
    (``corpus``: a snapshot the caller already holds, else one is read)."""
    if sl.since or sl.until:
        raise InvalidValue("--periods and --compare set the dates: leave out --since/--until")
    corpus = corpus or Corpus.load(store)  # read once for both periods
    before, after = (build_graph(store, _in(sl, p), corpus=corpus, evidence=False)
                     for p in (first, second))
    changes = link_changes(before, after)
    counts = change_counts(changes)
    linked: Counter = Counter()
    for H in (before, after):
        linked.update(dict(H.degree(weight="weight")))
    mentions = {v: d.get("mentions", 0) for H in (before, after) for v, d in H.nodes(data=True)}
    everyone = set(before) | set(after)
    keep = sorted(everyone, key=lambda v: (-linked[v], -mentions[v], str(v)))[:top or None]
    # the union of only the actors kept: the whole slice's union cost a second on 2,000
    # articles (bench/periods.py)
    G = cap_links(union_graph([before.subgraph(keep), after.subgraph(keep)]))
    for *_, d in G.edges(data=True):
        d.pop("relations", None)  # no verbs: their polarity colours would read as changes
    G.graph.update(total_actors=len(everyone), articles=())
    caption = " · ".join([f"{first.shown} → {second.shown}",
                          *(f"{c} {k}" for k, c in counts.items()),
                          f"{plural(sum(counts.values()), 'link')} in all"]
                         + ([f"showing {len(G)} of {plural(len(everyone), 'actor')}"]
                            if len(G) < len(everyone) else []))
    return Change(G, {k: v for k, v in changes.items() if all(x in G for x in k)}, counts,
                  caption)


def compare_figure(c: Change, **options: Any) -> dict:
    """The "what changed" figure of :func:`compare_view` (``options`` as
    :func:`panels_figure`; the title defaults to "relgraph: what changed")."""
    options.setdefault("title", COMPARE_TITLE)
    return panels_figure([c.graph], [c.caption], changes=c.changes, counts=c.counts,
                         **options)


def compare_image(store: Store, sl: GraphSlice, spec: str, fmt: str, *, width: int,
                  height: int, size: str | None = None, top: int | None = None,
                  dpi: int = 150, title: str | None = None, subtitle: str = "",
                  **options: str) -> tuple[bytes, nx.Graph, dict[str, int]]:
    """"What changed" between the two periods of ``spec``: one image of both periods' actors,
    links coloured new / stronger / weaker / gone / unchanged; its bytes, the drawn graph and
    the count of links per class (over the whole slice, not only what is drawn)."""
    first, second = parse_periods(spec, 2, 2, "--compare")
    c = compare_view(store, sl, first, second,
                     capacity(width, height, size) if top is None else top)
    fig = compare_figure(c, title=title or COMPARE_TITLE, subtitle=subtitle, width=width,
                         height=height, size=size, **options)
    return figure_bytes(fig, fmt, dpi, title or COMPARE_TITLE, subtitle), c.graph, c.counts


def panels_figure(graphs: list[nx.Graph], captions: list[str], *, title: str | None = None,
                  subtitle: str = "", caption: str = "", layout: str = "spring",
                  width: int, height: int, size: str | None = None, labels: str = "top",
                  size_by: str = "mentions", color_by: str = "type",
                  changes: dict[frozenset, str] | None = None,
                  counts: dict[str, int] | None = None, titled: bool = True) -> dict:
    """The plotly figure (a dict) of one panel per graph at shared positions, each with its
    caption; with ``changes`` (one panel) links are coloured by change class and the legend
    lists the classes with their ``counts``. ``titled=False`` leaves out title and footer
    (a slide that sets its own)."""
    if all(G.number_of_nodes() == 0 for G in graphs):
        raise EmptySliceError("nothing to draw: no period has actors (loosen the filters)")
    t = typography(width, size)
    U = union_graph(graphs)
    laid = positions(U, layout, *VIEW_BOX)
    rows, cols = _grid(len(graphs))
    line_h = text_height(t.caption) + 2
    top_m = round(t.title * 1.8 + (t.subtitle * 1.6 if subtitle else 0)) if titled else 8
    footer = f"generated {date.today().isoformat()} by relgraph" if titled else ""
    colors, color_legend = node_colors(U, color_by)
    kinds = [k for k, _ in _kind_counts(U)] if changes is None else []
    note_w = width - 30 - text_width(footer, t.caption) - 40
    notes = wrap([caption], note_w, t.caption) if caption else []
    bottom = round(12 + line_h * max(1, len(notes)))
    paper_h = height - top_m - bottom
    legend = legend_layout(t, [name for name, _ in color_legend], False, kinds, size_by,
                           width, paper_h)
    paper_w = width - 30 - round(legend.width)
    panel_w = (paper_w - GAP * (cols - 1)) / cols
    cap_lines = [wrap(_pieces(text), panel_w, t.caption) for text in captions]
    scales = _scales(graphs, size_by)
    cap_h = line_h * max(len(c) for c in cap_lines) + 6
    panel_h = (paper_h - rows * cap_h - GAP * (rows - 1)) / rows
    traces: list[dict] = []
    annotations: list[dict] = []
    shapes: list[dict] = []
    axes: dict[str, dict] = {}
    for i, G in enumerate(graphs):
        r, c = divmod(i, cols)
        x0 = c * (panel_w + GAP)
        y_top = r * (panel_h + cap_h + GAP)
        k = "" if i == 0 else str(i + 1)
        dom_x = [x0 / paper_w, (x0 + panel_w) / paper_w]
        dom_y = [1 - (y_top + panel_h) / paper_h, 1 - y_top / paper_h]
        axes[f"xaxis{k}"] = {"visible": False, "range": [0, panel_w], "fixedrange": True,
                             "domain": dom_x, "anchor": f"y{k}"}
        axes[f"yaxis{k}"] = {"visible": False, "range": [panel_h, 0], "fixedrange": True,
                             "domain": dom_y, "anchor": f"x{k}"}
        shapes.append({"type": "rect", "xref": "paper", "yref": "paper", "x0": dom_x[0],
                       "x1": dom_x[1], "y0": dom_y[0], "y1": dom_y[1], "layer": "below",
                       "line": {"color": "#cccccc", "width": 1}})
        for j, line in enumerate(cap_lines[i]):
            annotations.append({
                "text": _escape(line), "xref": "paper", "yref": "paper", "x": dom_x[0],
                "y": dom_y[0] - (4 + j * line_h) / paper_h, "xanchor": "left",
                "yanchor": "top", "showarrow": False,
                "font": {"size": t.caption, "color": "#333333"}})
        if G.number_of_nodes() == 0:
            continue
        view = _plot(G, t, width, panel_h, labels=labels, size_by=size_by,
                     color_by=color_by, layout=layout, number=False, pos=laid,
                     plot_w=panel_w, always=0, scales=scales, changes=changes)
        for trace in view.traces:
            if trace.get("x") == [None]:  # the plot's own legend entries: one legend below
                continue
            traces.append({**trace, "xaxis": f"x{k}", "yaxis": f"y{k}", "showlegend": False})
        annotations += [{**a, "xref": f"x{k}", "yref": f"y{k}"} for a in view.annotations
                        if a.get("xref") != "paper"]  # names and verbs, not the scales
    _legend(traces, color_legend, [] if changes is not None else legend.kinds,
            "Actors" if color_by != "community" else "Communities",
            lambda text: clip_to(text, legend.text_room, t.legend), counts)
    scale_legend(shapes, annotations, t, size_by, *scales, paper_h)
    _notes(annotations, notes, footer, t, paper_h, line_h, legend.width)
    title_spec: dict = {"text": _escape(title or DEFAULT_TITLE) if titled else "", "x": 0.01,
                        "xanchor": "left", "y": 1 - 8 / height, "yanchor": "top",
                        "font": {"size": t.title}}
    if subtitle and titled:
        title_spec["subtitle"] = {"text": _escape(subtitle),
                                  "font": {"size": t.subtitle, "color": "#555555"}}
    return {"data": traces, "layout": {
        "width": width, "height": height,
        "margin": {"l": 30, "r": round(legend.width), "t": top_m, "b": bottom,
                   "autoexpand": False},
        "showlegend": True, "title": title_spec, "annotations": annotations,
        "shapes": shapes, "paper_bgcolor": style.BACKGROUND, "plot_bgcolor": style.BACKGROUND,
        "font": {"family": style.FONT_FAMILY, "color": style.LABEL_COLOR, "size": t.legend},
        "legend": {"x": 1.0, "xshift": 12, "y": 1, "xanchor": "left", "yanchor": "top",
                   "tracegroupgap": round(t.legend * 0.6), "font": {"size": t.legend},
                   "grouptitlefont": {"size": t.legend_title}, "itemsizing": "constant",
                   "groupclick": "toggleitem"},
        **axes}}


def _pieces(caption: str) -> list[str]:
    """A " · " caption as pieces :func:`wrap` breaks between (the dot ends a line)."""
    parts = caption.split(" · ")
    return [part + (" ·" if i < len(parts) - 1 else "") for i, part in enumerate(parts)]


def _scales(graphs: list[nx.Graph], size_by: str) -> tuple[float, float, float, float]:
    """Node measure and link weight ranges over every panel: one size means one count."""
    measures = [m for G in graphs if len(G) for m in node_measure(G, size_by).values()]
    weights = [d.get("weight", 1) for G in graphs for *_, d in G.edges(data=True)] or [1]
    return min(measures), max(measures), min(weights), max(weights)


def _kind_counts(G: nx.Graph) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for *_, d in G.edges(data=True):
        for rel in d.get("relations", ()):
            counts[rel["kind"]] = counts.get(rel["kind"], 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _legend(traces: list, color_legend: list[tuple[str, str]], kinds: list[str], group: str,
            fit: Callable[[str], str], counts: dict[str, int] | None) -> None:
    """One legend for every panel: actor colours, then link colours and relation types, or
    (``counts``: a "what changed" image) the change classes with their counts."""
    for i, (name, color) in enumerate(color_legend):
        traces.append({"type": "scatter", "x": [None], "y": [None], "mode": "markers",
                       "name": _escape(name), "legendgroup": "actors",
                       "legendgrouptitle": {"text": group} if i == 0 else None,
                       "marker": {"size": 14, "color": color,
                                  "line": {"color": "#ffffff", "width": 1.5}}})
    if counts is not None:
        change_legend(traces, counts)
    else:
        relation_legend(traces, [], kinds, fit)
