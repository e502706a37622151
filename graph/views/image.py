"""Briefing images of a graph view: PNG, SVG and PDF, drawn with plotly and rendered by
kaleido's headless Chromium (:mod:`graph.views.render`).

The drawing is the dashboard's default view: the same seeded positions
(:func:`graph.views.positions.positions`), style (:mod:`graph.views.style`) and view rules
(:mod:`graph.views.rules`). It explains itself: typed relations carry their verb ("met", "accused")
and are drawn over faded co-occurrence links, a focus or path is highlighted, and the legend
tells what colour, node size and link width mean. The figure is built as a plain dict: plotly's
validating objects cost a second per image. SVG and PDF are vector with real text; a PDF's
title is the image title.
"""

from __future__ import annotations

import io
import math
import struct
import zlib
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph.core.choices import DEFAULT_SIZE, IMAGE_FORMATS, LABEL_MODES, SIZES
from graph.core.errors import EmptySliceError, InvalidValue
from graph.core.model import GraphSlice
from graph.views import style
from graph.views.labels import Placer, edge_labels, node_labels
from graph.views.legend import relation_legend, scale_legend
from graph.views.positions import VIEW_BOX, positions
from graph.views.render import RendererMissingError, render

if TYPE_CHECKING:  # numpy is imported where the label placement needs it
    import numpy as np
from graph.views.rules import node_colors, node_measure

__all__ = ["IMAGE_FORMATS", "SIZES", "EmptySliceError", "RendererMissingError",
           "export_image", "figure", "image_bytes", "slice_caption", "sources_lines"]

#: Page sizes in CSS pixels (96 per inch): A4 landscape and a 16:9 slide.
DEFAULT_TITLE = "relgraph: actor network"
TOP_LABELS = 15  # with labels="top", actors always labelled; others only where a label fits
FONT = 13
EDGE_FONT = 11
LEGEND_W = 220  # right margin holding the legends



def slice_caption(sl: GraphSlice, articles: list[dict], shown: int | None = None,
                  total: int | None = None, *, focus: str | None = None, depth: int = 1,
                  path: list[str] | None = None) -> str:
    """One line describing a view: focus or path, its articles, dates and filters."""
    parts = []
    if path:
        parts.append("path: " + " → ".join(path))
    if focus:
        parts.append(f"focus: {focus}" + (f" ({depth} steps)" if depth > 1 else ""))
    if sl.articles and len(articles) <= 3:
        parts.append("; ".join(_clip(a["title"] or a["id"], 60) for a in articles))
    else:
        parts.append(_plural(len(articles), "article"))
    days = sorted(a["date"] for a in articles if a.get("date"))
    if days:
        parts.append(days[0] if days[0] == days[-1] else f"{days[0]} – {days[-1]}")
    undated = sum(1 for a in articles if not a.get("date"))
    if undated:
        parts.append(f"{undated} undated")
    if sl.since and sl.until:
        parts.append(f"dates {sl.since} to {sl.until}")
    elif sl.since or sl.until:
        parts.append(f"from {sl.since}" if sl.since else f"until {sl.until}")
    if sl.types:
        parts.append("types: " + ", ".join(sl.types))
    if sl.kinds:
        parts.append("relations: " + ", ".join(sl.kinds))
    if sl.min_weight > 1:
        parts.append(f"min weight {sl.min_weight}")
    if shown is not None and total is not None and shown < total:
        parts.append(f"showing {shown} of {total} actors")
    return " · ".join(parts)


def sources_lines(articles: list[dict], width: int, most: int = 4) -> list[str]:
    """The articles as "Sources: title (outlet, date); …" lines fitting ``width`` px."""
    items = [_clip(a.get("title") or a["id"], 80) + (
        f" ({', '.join(x for x in (a.get('source'), a.get('date')) if x)})"
        if a.get("source") or a.get("date") else "") for a in articles]
    per_line = max(40, int(width / (0.55 * 11)))
    lines, line = [], "Sources: "
    for i, item in enumerate(items):
        piece = item + ("; " if i < len(items) - 1 else "")
        if len(line) + len(piece) > per_line and line.strip():
            lines.append(line.rstrip())
            if len(lines) == most:
                lines[-1] += f" … and {len(items) - i} more"
                return lines
            line = ""
        line += piece
    lines.append(line.rstrip())
    return lines


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _page(width: int | None, height: int | None, size: str | None) -> tuple[int, int]:
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
           sources: list[str] | None = None, layout: str = "spring",
           width: int = DEFAULT_SIZE[0], height: int = DEFAULT_SIZE[1], top: int | None = None,
           labels: str = "top", size_by: str = "mentions", color_by: str = "type") -> dict:
    """The plotly figure (a dict) of ``G`` (``top`` keeps the N actors with most weighted
    degree). ``sources`` are extra caption lines (see :func:`sources_lines`)."""
    if G.number_of_nodes() == 0:
        raise EmptySliceError("nothing to draw: the slice has no actors (loosen the filters)")
    if labels not in LABEL_MODES:
        raise InvalidValue(f"labels must be one of {', '.join(LABEL_MODES)}")
    if top:
        keep = sorted(G, key=lambda v: (-G.degree(v, weight="weight"),
                                        -G.nodes[v]["mentions"], str(v)))[:top]
        G = G.subgraph(keep)
    notes = [caption, *(sources or [])]
    margin = {"l": 30, "r": LEGEND_W, "t": 92 if subtitle else 70,
              "b": 34 + 17 * max(1, len([n for n in notes if n]))}
    plot_w, plot_h = width - margin["l"] - margin["r"], height - margin["t"] - margin["b"]
    # Laid out in the dashboard's box, then scaled: the image shows the screen's arrangement.
    pos = {v: (x * plot_w / VIEW_BOX[0], y * plot_h / VIEW_BOX[1])
           for v, (x, y) in positions(G, layout, *VIEW_BOX).items()}
    measure = node_measure(G, size_by)
    lo, hi = min(measure.values()), max(measure.values())
    size = {v: style.node_size(measure[v], lo, hi) for v in G}
    route = [v for v in (G.graph.get("path") or []) if v in G]
    focus = G.graph.get("focus") if G.graph.get("focus") in G else None
    colors, color_legend = node_colors(G, color_by)

    traces: list[dict] = []
    weights = [d.get("weight", 1) for *_, d in G.edges(data=True)] or [1]
    _edges(traces, G, pos, size, min(weights), max(weights), route)
    _nodes(traces, G, pos, size, colors, color_legend, route, focus,
           "Actors" if color_by != "community" else "Communities")
    typed = Counter(r["kind"] for *_, d in G.edges(data=True) for r in d.get("relations", ()))
    relation_legend(traces, route, [k for k, _ in typed.most_common()])
    placer = Placer(_discs(G, pos, size), plot_w, plot_h, len(G) + G.number_of_edges())
    must = set(route) | ({focus} if focus else set())
    annotations = [_text(text, x, y, anchor, FONT, style.LABEL_COLOR)
                   for _, text, x, y, anchor in node_labels(G, pos, size, labels, plot_w,
                                                            plot_h, FONT, TOP_LABELS, placer,
                                                            must)]
    if labels != "none":
        for text, x, y, angle, polarity in edge_labels(G, pos, EDGE_FONT, placer):
            annotations.append({**_text(text, x, y, "center", EDGE_FONT,
                                        _darker(style.polarity_color(polarity))),
                                "textangle": angle, "font": {
                                    "size": EDGE_FONT, "family": style.FONT_FAMILY,
                                    "color": _darker(style.polarity_color(polarity)),
                                    "style": "italic"}})
    shapes: list[dict] = []
    scale_legend(shapes, annotations, size_by, lo, hi, min(weights), max(weights), plot_h)
    y = -24 / plot_h
    for note in (n for n in notes if n):
        annotations.append({"text": _escape(note), "xref": "paper", "yref": "paper", "x": 0,
                            "y": y, "xanchor": "left", "yanchor": "top", "showarrow": False,
                            "font": {"size": 12 if note is caption else 11,
                                     "color": "#444444"}})
        y -= 17 / plot_h
    annotations.append({"text": f"generated {date.today().isoformat()} by relgraph",
                        "xref": "paper", "yref": "paper", "x": 1, "y": -24 / plot_h,
                        "xanchor": "right", "yanchor": "top", "showarrow": False,
                        "font": {"size": 11, "color": "#777777"}})
    title_spec = {"text": _escape(title or DEFAULT_TITLE), "x": 0.01, "xanchor": "left",
                  "font": {"size": 22}}
    if subtitle:
        title_spec["subtitle"] = {"text": _escape(subtitle), "font": {"size": 14,
                                                                       "color": "#555555"}}
    return {"data": traces, "layout": {
        "width": width, "height": height, "margin": margin, "showlegend": True,
        "title": title_spec, "annotations": annotations, "shapes": shapes,
        "paper_bgcolor": style.BACKGROUND, "plot_bgcolor": style.BACKGROUND,
        "font": {"family": style.FONT_FAMILY, "color": style.LABEL_COLOR},
        "legend": {"x": 1.01, "y": 1, "xanchor": "left", "yanchor": "top",
                   "tracegroupgap": 12, "font": {"size": 13}, "itemsizing": "constant",
                   "groupclick": "toggleitem"},
        "xaxis": {"visible": False, "range": [0, plot_w], "fixedrange": True},
        "yaxis": {"visible": False, "range": [plot_h, 0], "fixedrange": True},
    }}


def _text(text: str, x: float, y: float, anchor: str, font: float, color: str) -> dict:
    return {"x": x, "y": y, "text": _escape(text), "showarrow": False, "xanchor": anchor,
            "yanchor": "middle", "font": {"size": font, "color": color,
                                          "family": style.FONT_FAMILY},
            "bgcolor": "rgba(255,255,255,0.75)", "borderpad": 0}


def _darker(hex_color: str, f: float = 0.75) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"#{int(r * f):02x}{int(g * f):02x}{int(b * f):02x}"


def _discs(G: nx.Graph, pos: dict, size: dict) -> np.ndarray:
    import numpy as np

    return np.array([(pos[v][0] - size[v] / 2 - 1, pos[v][1] - size[v] / 2 - 1,
                      pos[v][0] + size[v] / 2 + 1, pos[v][1] + size[v] / 2 + 1) for v in G])


def _edges(traces: list, G: nx.Graph, pos: dict, size: dict, w_lo: float, w_hi: float,
           route: list) -> None:
    """Co-occurrence links faded underneath, typed relations over them, a path on top; one
    trace per (layer, polarity, width) so 500-actor graphs stay fast."""
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
                       "marker": {"symbol": "circle-open", "size": [size[v] + 9
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
    w, h = _page(width, height, size)
    fig = figure(G, title=title, subtitle=subtitle, caption=caption,
                 sources=sources_lines(sources, w - 60) if sources else None, layout=layout,
                 width=w, height=h, top=top, labels=labels, size_by=size_by,
                 color_by=color_by)

    data = render(fig, fmt, w, h, dpi / 96 if fmt == "png" else 1)
    if fmt == "png":
        return _with_dpi(data, dpi)
    if fmt == "pdf":
        return _pdf_titled(data, title or DEFAULT_TITLE, subtitle)
    return data


def export_image(G: nx.Graph, out: str | Path | io.BytesIO, fmt: str, **options: Any) -> None:
    """Write the image of ``G`` to a path or a binary buffer (options as :func:`image_bytes`)."""
    data = image_bytes(G, fmt, **options)
    if isinstance(out, io.BytesIO):
        out.write(data)
    else:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_bytes(data)


def _pdf_titled(pdf: bytes, title: str, subject: str = "") -> bytes:
    """The PDF with its document title set (Chromium writes its page's title otherwise)."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    meta = {"/Title": title, "/Creator": "relgraph", "/Producer": "relgraph (kaleido)"}
    if subject:
        meta["/Subject"] = subject
    writer.add_metadata(meta)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _with_dpi(png: bytes, dpi: int) -> bytes:
    """Record the resolution in the PNG (a pHYs chunk), so documents size it correctly."""
    ppm = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", ppm, ppm, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    end_ihdr = 8 + 8 + 13 + 4  # signature + IHDR length/type + IHDR data + CRC
    rest = png[end_ihdr:]
    if b"pHYs" in rest[:64]:
        return png
    return png[:end_ihdr] + chunk + rest
