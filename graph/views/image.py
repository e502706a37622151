"""Briefing images of a graph view: PNG, SVG and PDF, laid out here as a plotly-style figure
(a dict) and drawn in process by :mod:`graph.views.draw` (matplotlib; no browser).

The drawing is the dashboard's default view: the same seeded positions
(:func:`graph.views.positions.positions`), style (:mod:`graph.views.style`) and view rules
(:mod:`graph.views.rules`). It explains itself: typed relations carry their verb ("met", "accused")
and are drawn over faded co-occurrence links, a focus or path is highlighted, and the legend
tells what colour, node size and link width mean. The figure is a plain dict in plotly's
format, the one the dashboard's figures use. SVG and PDF are vector with real text; a PDF's
title is the image title.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph.core.choices import COLOR_TITLES, DEFAULT_SIZE, IMAGE_FORMATS, LABEL_MODES, SIZES
from graph.core.errors import EmptySliceError, InvalidValue
from graph.core.imports import frozen_imports
from graph.views import style
from graph.views.captions import number_key, slice_caption, sources_lines, wrap
from graph.views.changes import change_edges
from graph.views.labels import Placer, edge_labels, node_labels
from graph.views.legend import legend_layout, relation_legend, scale_legend
from graph.views.positions import VIEW_BOX, positions
from graph.views.rules import node_colors, node_measure
from graph.views.typography import (
    Typography,
    capacity,
    clip_to,
    text_height,
    text_width,
    typography,
)

if TYPE_CHECKING:  # numpy is imported where the label placement needs it
    import numpy as np

__all__ = ["IMAGE_FORMATS", "SIZES", "EmptySliceError",
           "export_image", "figure", "figure_bytes", "figure_renders", "image_bytes", "page_size",
           "slice_caption",
           "sources_lines"]

DEFAULT_TITLE = "relgraph: actor network"
#: In a view too big to name every actor, the most mentioned actors named even where their
#: names overlap something (the rest only where a name fits).
TOP_LABELS = 15
RING = 12.5  # px a focus or path ring adds to a node's diameter, its line included


def page_size(width: int | None = None, height: int | None = None,
              size: str | None = None) -> tuple[int, int]:
    """The image size in CSS px: a named ``size`` (:data:`SIZES`), else width × height (each
    defaulting to the 16:9 slide's)."""
    if size:
        if size not in SIZES:
            raise InvalidValue(f"unknown size {size!r}; choose one of {', '.join(SIZES)}")
        return SIZES[size]
    w, h = width or DEFAULT_SIZE[0], height or DEFAULT_SIZE[1]
    if not (200 <= w <= 10000 and 200 <= h <= 10000):
        raise InvalidValue("image width and height must be between 200 and 10000 px")
    return w, h


def _escape(text: str) -> str:
    # plotly renders a small HTML subset in text; article-derived strings must stay text.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def figure(G: nx.Graph, *, title: str | None = None, subtitle: str = "", caption: str = "",
           sources: list[dict] | None = None, layout: str = "spring",
           width: int = DEFAULT_SIZE[0], height: int = DEFAULT_SIZE[1], top: int | None = None,
           labels: str = "top", size_by: str = "mentions", color_by: str = "type",
           size: str | None = None, titled: bool = True, fits: int | None = None) -> dict:
    """The plotly figure (a dict) of ``G`` (``top`` keeps the N actors with most weighted
    degree), its text at the slide sizes of :mod:`graph.views.typography` for this page
    (``size``: its name, when it has one). ``sources``: articles (dicts with title, source,
    date) listed under the caption. ``titled=False`` leaves out title, caption and footer
    (a slide that sets them as its own text). Views of up to ``fits`` actors (default: what
    the page holds) name or number every actor."""
    if G.number_of_nodes() == 0:
        raise EmptySliceError("nothing to draw: the slice has no actors (loosen the filters)")
    if labels not in LABEL_MODES:
        raise InvalidValue(f"labels must be one of {', '.join(LABEL_MODES)}")
    if top:
        keep = sorted(G, key=lambda v: (-G.degree(v, weight="weight"),
                                        -G.nodes[v]["mentions"], str(v)))[:top]
        G = G.subgraph(keep)
    t = typography(width, size)
    line_h = text_height(t.caption) + 2
    top_m = round(t.title * 1.8 + (t.subtitle * 1.6 if subtitle else 0)) if titled else 8
    footer = f"generated {date.today().isoformat()} by relgraph" if titled else ""
    note_w = width - 30 - text_width(footer, t.caption) - 40
    notes = wrap([caption], note_w, t.caption) if caption and titled else []
    notes += sources_lines(sources, note_w, t.caption) if sources and titled else []
    fits = capacity(width, height, size) if fits is None else fits
    number = labels == "top" and len(G) <= fits
    # The key of numbered actors takes lines under the plot, which changes the plot's height
    # and so where names fit: drawn again with room for the key until the key fits its room.
    key: list[str] = []
    for _ in range(3):
        bottom = round(12 + line_h * max(1, len(notes) + len(key)))
        view = _plot(G, t, width, height - top_m - bottom, labels=labels, size_by=size_by,
                     color_by=color_by, layout=layout, number=number)
        needed = number_key(view.numbered, note_w, t.caption)
        if len(needed) <= len(key):
            key = needed + [""] * (len(key) - len(needed))
            break
        key = needed
    else:  # still growing after three drawings (never seen): the last key, cut to its room
        key = needed[:len(key)]
    annotations = view.annotations
    _notes(annotations, [*notes, *(k for k in key if k)], footer, t, view.plot_h, line_h,
           view.legend_w)
    title_spec: dict[str, Any] = {
        "text": _escape(title or DEFAULT_TITLE) if titled else "", "x": 0.01,
        "xanchor": "left", "y": 1 - 8 / height, "yanchor": "top", "font": {"size": t.title}}
    if subtitle and titled:
        title_spec["subtitle"] = {"text": _escape(subtitle),
                                  "font": {"size": t.subtitle, "color": "#555555"}}
    return {"data": view.traces, "layout": {
        "width": width, "height": height,
        # no margin grows to fit the legend: names were placed for this very plot size
        "margin": {"l": 30, "r": round(view.legend_w), "t": top_m, "b": bottom,
                   "autoexpand": False},
        "showlegend": True, "title": title_spec, "annotations": annotations,
        "shapes": view.shapes, "paper_bgcolor": style.BACKGROUND,
        "plot_bgcolor": style.BACKGROUND,
        "font": {"family": style.FONT_FAMILY, "color": style.LABEL_COLOR, "size": t.legend},
        "legend": {"x": 1.0, "xshift": 12, "y": 1, "xanchor": "left", "yanchor": "top",
                   "tracegroupgap": round(t.legend * 0.6), "font": {"size": t.legend},
                   "grouptitlefont": {"size": t.legend_title}, "itemsizing": "constant",
                   "groupclick": "toggleitem"},
        "xaxis": {"visible": False, "range": [0, view.plot_w], "fixedrange": True},
        "yaxis": {"visible": False, "range": [view.plot_h, 0], "fixedrange": True},
    }}


@dataclass
class _View:
    """The plot part of a figure: its traces, labels and verbs, legend scales, sizes."""

    traces: list[dict]
    annotations: list[dict]
    shapes: list[dict]
    numbered: list[tuple[int, str]]
    plot_w: float
    plot_h: float
    legend_w: float


def _plot(G: nx.Graph, t: Typography, width: int, plot_h: float, *, labels: str,
          size_by: str, color_by: str, layout: str, number: bool,
          pos: dict | None = None, plot_w: float | None = None,
          always: int | None = None,
          scales: tuple[float, float, float, float] | None = None,
          changes: dict[frozenset, str] | None = None) -> _View:
    """Nodes, links, names and verbs in a plot ``plot_h`` px high, beside the legend.
    Small multiples (:mod:`graph.views.periods`) pass their own ``plot_w``, the positions
    ``pos`` (in :data:`VIEW_BOX` units) shared by every panel, and ``always`` (how many of the
    most mentioned actors are named even where their names overlap) and ``scales`` (node
    measure and link weight ranges, low and high, common to all panels); a "what changed"
    image passes ``changes`` (a pair of actors → its change class), which colours links."""
    route = [v for v in (G.graph.get("path") or []) if v in G]
    focus = G.graph.get("focus") if G.graph.get("focus") in G else None
    colors, color_legend = node_colors(G, color_by)
    typed = Counter(r["kind"] for *_, d in G.edges(data=True) for r in d.get("relations", ()))
    legend = legend_layout(t, [name for name, _ in color_legend], bool(route),
                           [k for k, _ in typed.most_common()], size_by, width, plot_h)
    plot_w = width - 30 - round(legend.width) if plot_w is None else plot_w
    # Laid out in the dashboard's box, then scaled: the image shows the screen's arrangement.
    laid = positions(G, layout, *VIEW_BOX) if pos is None else pos
    pos = {v: (laid[v][0] * plot_w / VIEW_BOX[0], laid[v][1] * plot_h / VIEW_BOX[1])
           for v in G}
    measure = node_measure(G, size_by)
    weights = [d.get("weight", 1) for *_, d in G.edges(data=True)] or [1]
    lo, hi, w_lo, w_hi = scales or (min(measure.values()), max(measure.values()),
                                    min(weights), max(weights))
    node_d = {v: style.node_size(measure[v], lo, hi) for v in G}
    traces: list[dict] = []
    _edges(traces, G, pos, node_d, w_lo, w_hi, route, changes)
    _nodes(traces, G, pos, node_d, colors, color_legend, route, focus,
           COLOR_TITLES.get(color_by, "Actors"))
    relation_legend(traces, route, legend.kinds,
                    lambda text: clip_to(text, legend.text_room, t.legend))
    must = set(route) | ({focus} if focus else set())
    # a ring marks a focus or a path's actors (:func:`_nodes`): names keep clear of it too
    outer = {v: node_d[v] + (RING + 4 if v in must else 0) for v in G}
    placer = Placer(_discs(G, pos, outer), plot_w, plot_h, len(G) + G.number_of_edges())
    placed, numbered = node_labels(G, pos, outer, labels, plot_w, plot_h, t.label, placer,
                                   must, number=number,
                                   always=(0 if number else TOP_LABELS) if always is None
                                   else always)
    annotations = [_text(text, x, y, anchor, t.label, style.LABEL_COLOR)
                   for _, text, x, y, anchor in placed]
    if labels != "none":
        for text, x, y, angle, polarity in edge_labels(G, pos, t.verb, placer):
            color = style.darker(style.polarity_color(polarity))
            annotations.append({**_text(text, x, y, "center", t.verb, color),
                                "textangle": angle, "font": {
                                    "size": t.verb, "family": style.FONT_FAMILY,
                                    "color": color, "style": "italic"}})
    shapes: list[dict] = []
    scale_legend(shapes, annotations, t, size_by, lo, hi, w_lo, w_hi, plot_h)
    return _View(traces, annotations, shapes,
                 [(k, str(G.nodes[v].get("label", v))) for k, v in numbered], plot_w, plot_h,
                 legend.width)


def _notes(annotations: list, notes: list[str], footer: str, t: Typography, plot_h: float,
           line_h: float, right: float) -> None:
    """The caption, sources and key lines under the plot, the footer right of the first."""
    y = -12 / plot_h
    for i, note in enumerate(notes):
        annotations.append({"text": _escape(note), "xref": "paper", "yref": "paper", "x": 0,
                            "y": y - i * line_h / plot_h, "xanchor": "left", "yanchor": "top",
                            "showarrow": False, "font": {"size": t.caption, "color": "#444444"}})
    if not footer:
        return
    annotations.append({"text": footer, "xref": "paper", "yref": "paper", "x": 1,
                        "xshift": right - 14, "y": y, "xanchor": "right",
                        "yanchor": "top", "showarrow": False,
                        "font": {"size": t.caption, "color": "#666666"}})


def _text(text: str, x: float, y: float, anchor: str, font: float, color: str) -> dict:
    return {"x": x, "y": y, "text": _escape(text), "showarrow": False, "xanchor": anchor,
            "yanchor": "middle", "font": {"size": font, "color": color,
                                          "family": style.FONT_FAMILY},
            "bgcolor": "rgba(255,255,255,0.75)", "borderpad": 0}


def _discs(G: nx.Graph, pos: dict, size: dict) -> np.ndarray:
    import numpy as np

    return np.array([(pos[v][0] - size[v] / 2 - 1, pos[v][1] - size[v] / 2 - 1,
                      pos[v][0] + size[v] / 2 + 1, pos[v][1] + size[v] / 2 + 1) for v in G])


def _edges(traces: list, G: nx.Graph, pos: dict, size: dict, w_lo: float, w_hi: float,
           route: list, changes: dict[frozenset, str] | None = None) -> None:
    """Co-occurrence links faded underneath, typed relations over them, a path on top; one
    trace per (layer, polarity, width) so 500-actor graphs stay fast. With ``changes`` each
    link is coloured by its change class instead (:data:`style.CHANGE_COLORS`)."""
    if changes is not None:
        change_edges(traces, G, pos, w_lo, w_hi, changes)
        return
    on_path = {frozenset(p) for p in zip(route, route[1:], strict=False)}
    lines: dict[tuple[int, str, float], tuple[list, list]] = {}
    heads: dict[str, list] = {}
    for u, v, d in G.edges(data=True):
        layer = 2 if frozenset((u, v)) in on_path else 1 if d.get("relations") else 0
        width = round(style.edge_width(d.get("weight", 1), w_lo, w_hi) * 2) / 2
        xs, ys = lines.setdefault((layer, d.get("polarity", "neutral"), width), ([], []))
        xs += [pos[u][0], pos[v][0], None]
        ys += [pos[u][1], pos[v][1], None]
        if d.get("directed") and d.get("source") in pos and d.get("target") in pos:
            (x0, y0), (x1, y1) = pos[d["source"]], pos[d["target"]]
            length = math.hypot(x1 - x0, y1 - y0) or 1.0
            back = size[d["target"]] / 2 + 6  # stop at the target's rim
            angle = math.degrees(math.atan2(x1 - x0, -(y1 - y0)))  # marker angle: 0 = up
            key = "path" if layer == 2 else d.get("polarity", "neutral")
            heads.setdefault(key, []).append(
                (x1 - (x1 - x0) * back / length, y1 - (y1 - y0) * back / length, angle))
    faded = bool(route)  # a path view fades everything else
    for (layer, polarity, width), (xs, ys) in sorted(lines.items()):
        color = style.PATH_COLOR if layer == 2 else style.polarity_color(polarity)
        opacity = 1.0 if layer == 2 else (style.FADED_OPACITY if layer == 0 or faded
                                          else 0.85)
        traces.append({"type": "scatter", "x": xs, "y": ys, "mode": "lines",
                       "hoverinfo": "skip", "showlegend": False, "opacity": opacity,
                       "line": {"color": color, "width": max(width, 3.5) if layer == 2
                                else width}})
    for key, items in sorted(heads.items()):
        traces.append({"type": "scatter", "x": [h[0] for h in items],
                       "y": [h[1] for h in items], "mode": "markers", "hoverinfo": "skip",
                       "showlegend": False, "opacity": 1.0 if key == "path" or not faded
                       else 0.5,
                       "marker": {"symbol": "triangle-up", "size": 11,
                                  "angle": [h[2] for h in items],
                                  "color": style.PATH_COLOR if key == "path"
                                  else style.polarity_color(key)}})


def _nodes(traces: list, G: nx.Graph, pos: dict, size: dict, colors: dict,
           legend: list[tuple[str, str]], route: list, focus: object, group: str) -> None:
    faded = bool(route)
    by_color: dict[str, list] = {}
    for v in G:
        by_color.setdefault(colors[v], []).append(v)
    order = [c for _, c in legend] + sorted(set(by_color) - {c for _, c in legend})
    names = {c: label for label, c in legend}
    for i, color in enumerate(c for c in order if c in by_color):
        nodes = by_color[color]
        traces.append({
            "type": "scatter", "x": [pos[v][0] for v in nodes], "y": [pos[v][1] for v in nodes],
            "mode": "markers", "name": _escape(names.get(color, "other")),
            "legendgroup": "actors", "legendgrouptitle": {"text": group} if i == 0 else None,
            "marker": {"size": [size[v] for v in nodes], "color": color,
                       "line": {"color": "#ffffff", "width": 1.5},
                       "opacity": [1.0 if not faded or v in route or v == focus else 0.45
                                   for v in nodes]},
            "hovertext": [_escape(str(G.nodes[v].get("label", v))) for v in nodes],
            "hoverinfo": "text"})
    rings = [(v, style.PATH_COLOR) for v in route] + (
        [(focus, style.FOCUS_COLOR)] if focus is not None else [])
    if rings:
        traces.append({"type": "scatter", "x": [pos[v][0] for v, _ in rings],
                       "y": [pos[v][1] for v, _ in rings], "mode": "markers",
                       "hoverinfo": "skip", "showlegend": False,
                       "marker": {"symbol": "circle-open", "size": [size[v] + RING - 3.5
                                                                    for v, _ in rings],
                                  "color": [c for _, c in rings],
                                  "line": {"width": 3.5, "color": [c for _, c in rings]}}})


def image_bytes(G: nx.Graph, fmt: str, *, title: str | None = None, subtitle: str = "",
                caption: str = "", sources: list[dict] | None = None, layout: str = "spring",
                width: int | None = None, height: int | None = None, size: str | None = None,
                dpi: int = 150, top: int | None = None, labels: str = "top",
                size_by: str = "mentions", color_by: str = "type") -> bytes:
    """The image as bytes. Width/height are CSS px (96 per inch); PNG pixels = px × dpi/96.
    ``sources``: articles (dicts with title, source, date) listed under the caption."""
    if fmt not in IMAGE_FORMATS:
        raise InvalidValue(f"unknown image format {fmt!r}; choose one of "
                           f"{', '.join(IMAGE_FORMATS)}")
    if not 36 <= dpi <= 1200:
        raise InvalidValue("dpi must be between 36 and 1200")
    w, h = page_size(width, height, size)
    fig = figure(G, title=title, subtitle=subtitle, caption=caption, sources=sources,
                 layout=layout, width=w, height=h, top=top, labels=labels, size_by=size_by,
                 color_by=color_by, size=size)
    return figure_bytes(fig, fmt, dpi, title or DEFAULT_TITLE, subtitle)


def figure_bytes(fig: dict, fmt: str, dpi: int = 150, title: str = DEFAULT_TITLE,
                 subtitle: str = "") -> bytes:
    """A figure from :func:`figure` rendered as ``fmt`` (a PNG records its ``dpi``; a PDF's
    document title is ``title``): one figure, several formats, laid out once. matplotlib is
    imported here, on the first drawing: a data export or the dashboard's first page does
    without it (half a second of start-up)."""
    return figure_renders(fig, [(fmt, dpi, title)], subtitle)[0]


def figure_renders(fig: dict, renders: Sequence[tuple[str, float, str]], subtitle: str = ""
                   ) -> list[bytes]:
    """A figure from :func:`figure` rendered once per ``(format, dpi, title)`` of
    ``renders``, as :func:`figure_bytes` renders each, its drawing made once."""
    # imported with its objects kept out of later collections (graph/core/imports.py)
    with frozen_imports("graph.views.draw"):
        from graph.views.draw import draw_all  # matplotlib, only when drawing

    return draw_all(fig, renders, subtitle)


def export_image(G: nx.Graph, out: str | Path | io.BytesIO, fmt: str, **options: Any) -> None:
    """Write the image of ``G`` to a path or a binary buffer (options as :func:`image_bytes`)."""
    data = image_bytes(G, fmt, **options)
    if isinstance(out, io.BytesIO):
        out.write(data)
    else:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_bytes(data)
