"""Briefing images of a graph slice: PNG, SVG and PDF, made with plotly and kaleido.

The drawing uses the dashboard's default view: the same seeded positions
(:func:`graph.layout.positions`) and the same style (:mod:`graph.style`). SVG and PDF are vector
with real text. kaleido drives a headless Chromium (``/usr/bin/chromium`` on Debian).
"""

from __future__ import annotations

import io
import math
import struct
import zlib
from datetime import date
from pathlib import Path

import networkx as nx
import numpy as np

from . import style
from .layout import VIEW_BOX, positions
from .model import ACTOR_TYPES, POLARITIES, GraphSlice
from .render import RendererMissingError

__all__ = ["IMAGE_FORMATS", "EmptySliceError", "RendererMissingError", "export_image",
           "figure", "image_bytes", "slice_caption"]

IMAGE_FORMATS = ("png", "svg", "pdf")
#: Page sizes in CSS pixels (96 per inch): A4 landscape and a 16:9 slide.
SIZES = {"A4": (1123, 794), "16:9": (1600, 900)}
DEFAULT_SIZE = (1600, 1000)
TOP_LABELS = 15  # with labels="top", actors always labelled; others only where a label fits
FONT = 13


class EmptySliceError(ValueError):
    """The slice has no actors: there is nothing to draw."""


def slice_caption(sl: GraphSlice, articles: list[dict], shown: int | None = None,
                  total: int | None = None) -> str:
    """One line describing a slice: its articles, dates and filters."""
    parts = []
    if sl.articles and len(articles) <= 3:
        parts.append("; ".join(_clip(a["title"] or a["id"], 60) for a in articles))
    else:
        parts.append(f"{len(articles)} article{'s' if len(articles) != 1 else ''}")
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


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _page(width: int | None, height: int | None, size: str | None) -> tuple[int, int]:
    if size:
        if size not in SIZES:
            raise ValueError(f"unknown size {size!r}; choose one of {', '.join(SIZES)}")
        return SIZES[size]
    w, h = width or DEFAULT_SIZE[0], height or DEFAULT_SIZE[1]
    if not (200 <= w <= 10000 and 200 <= h <= 10000):
        raise ValueError("image width and height must be between 200 and 10000 px")
    return w, h


def figure(G: nx.Graph, *, title: str | None = None, caption: str = "",
           layout: str = "spring", width: int = DEFAULT_SIZE[0],
           height: int = DEFAULT_SIZE[1], top: int | None = None, labels: str = "top"):
    """The plotly figure of ``G`` (``top`` keeps the N actors with most weighted degree)."""
    import plotly.graph_objects as go

    if G.number_of_nodes() == 0:
        raise EmptySliceError("nothing to draw: the slice has no actors (loosen the filters)")
    if labels not in ("all", "top", "none"):
        raise ValueError("labels must be all, top or none")
    if top:
        keep = sorted(G, key=lambda v: (-G.degree(v, weight="weight"),
                                        -G.nodes[v]["mentions"], v))[:top]
        G = G.subgraph(keep)
    margin = {"l": 30, "r": 200, "t": 70, "b": 70}
    plot_w, plot_h = width - margin["l"] - margin["r"], height - margin["t"] - margin["b"]
    # Laid out in the dashboard's box, then scaled: the image shows the screen's arrangement.
    pos = {v: (x * plot_w / VIEW_BOX[0], y * plot_h / VIEW_BOX[1])
           for v, (x, y) in positions(G, layout, *VIEW_BOX).items()}
    mentions = [d["mentions"] for _, d in G.nodes(data=True)]
    weights = [d["weight"] for *_, d in G.edges(data=True)] or [1]
    size = {v: style.node_size(d["mentions"], min(mentions), max(mentions))
            for v, d in G.nodes(data=True)}
    fig = go.Figure()
    _edges(fig, G, pos, size, min(weights), max(weights))
    for kind in ACTOR_TYPES:
        nodes = [v for v, d in G.nodes(data=True) if d["type"] == kind]
        if not nodes:
            continue
        fig.add_scatter(
            x=[pos[v][0] for v in nodes], y=[pos[v][1] for v in nodes], mode="markers",
            name=style.TYPE_LABELS[kind], legendgroup="actors",
            legendgrouptitle={"text": "Actors"} if kind == _first_type(G) else None,
            marker={"size": [size[v] for v in nodes], "color": style.type_color(kind),
                    "line": {"color": "#ffffff", "width": 1.5}, "opacity": 1},
            hovertext=nodes, hoverinfo="text")
    for i, polarity in enumerate(POLARITIES):
        fig.add_scatter(x=[None], y=[None], mode="lines", name=polarity.capitalize(),
                        legendgroup="relations",
                        legendgrouptitle={"text": "Relations"} if i == 0 else None,
                        line={"color": style.polarity_color(polarity), "width": 4})
    for text, x, y, anchor in _labels(G, pos, size, labels, plot_w, plot_h):
        fig.add_annotation(x=x, y=y, text=_escape(text), showarrow=False, xanchor=anchor,
                           yanchor="middle", font={"size": FONT, "color": style.LABEL_COLOR,
                                                   "family": style.FONT_FAMILY},
                           bgcolor="rgba(255,255,255,0.7)", borderpad=0)
    footer = f"generated {date.today().isoformat()} by relgraph"
    fig.add_annotation(text=_escape(caption), xref="paper", yref="paper", x=0, y=-0.035,
                       xanchor="left", yanchor="top", showarrow=False,
                       font={"size": 12, "color": "#444444"})
    fig.add_annotation(text=footer, xref="paper", yref="paper", x=1, y=-0.035,
                       xanchor="right", yanchor="top", showarrow=False,
                       font={"size": 11, "color": "#777777"})
    fig.update_layout(
        width=width, height=height, margin=margin, showlegend=True,
        title={"text": _escape(title or "relgraph: actor network"), "x": 0.01,
               "font": {"size": 22}},
        paper_bgcolor=style.BACKGROUND, plot_bgcolor=style.BACKGROUND,
        font={"family": style.FONT_FAMILY, "color": style.LABEL_COLOR},
        legend={"x": 1.01, "y": 1, "xanchor": "left", "yanchor": "top",
                "tracegroupgap": 14, "font": {"size": 13}, "itemsizing": "constant"},
        xaxis={"visible": False, "range": [0, plot_w], "fixedrange": True},
        yaxis={"visible": False, "range": [plot_h, 0], "fixedrange": True},
    )
    return fig


def _first_type(G: nx.Graph) -> str:
    present = {d["type"] for _, d in G.nodes(data=True)}
    return next(t for t in ACTOR_TYPES if t in present) if present & set(ACTOR_TYPES) else ""


def _escape(text: str) -> str:
    # plotly renders a small HTML subset in text; article-derived strings must stay text.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _edges(fig, G: nx.Graph, pos: dict, size: dict, w_lo: float, w_hi: float) -> None:  # noqa: ANN001
    """Edges batched into one trace per (polarity, width) so 500-actor graphs stay fast."""
    lines: dict[tuple[str, float], tuple[list, list]] = {}
    heads: dict[str, list] = {}
    for u, v, d in G.edges(data=True):
        width = round(style.edge_width(d["weight"], w_lo, w_hi) * 2) / 2
        xs, ys = lines.setdefault((d["polarity"], width), ([], []))
        xs += [pos[u][0], pos[v][0], None]
        ys += [pos[u][1], pos[v][1], None]
        if d.get("directed"):
            src, tgt = d["source"], d["target"]
            (x0, y0), (x1, y1) = pos[src], pos[tgt]
            length = math.hypot(x1 - x0, y1 - y0) or 1.0
            back = size[tgt] / 2 + 6  # stop at the target's rim
            angle = math.degrees(math.atan2(x1 - x0, -(y1 - y0)))  # marker angle: 0 = up
            heads.setdefault(d["polarity"], []).append(
                (x1 - (x1 - x0) * back / length, y1 - (y1 - y0) * back / length, angle))
    for (polarity, width), (xs, ys) in sorted(lines.items()):
        fig.add_scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                        line={"color": style.polarity_color(polarity), "width": width},
                        opacity=0.55)
    for polarity, items in heads.items():
        fig.add_scatter(x=[h[0] for h in items], y=[h[1] for h in items], mode="markers",
                        hoverinfo="skip", showlegend=False,
                        marker={"symbol": "triangle-up", "size": 11,
                                "angle": [h[2] for h in items],
                                "color": style.polarity_color(polarity)})


def _labels(G: nx.Graph, pos: dict, size: dict, mode: str, w: float,
            h: float) -> list[tuple[str, float, float, str]]:
    """Greedy label placement: most important actors first, each at the first of eight spots
    around its node that overlaps no placed label, no node and no border (least overlap
    otherwise). Costs are NumPy operations over all placed labels and nodes at once."""
    if mode == "none":
        return []
    ranked = sorted(G, key=lambda v: (-G.nodes[v]["mentions"], -G.degree(v, weight="weight"),
                                      v))
    discs = np.array([(pos[v][0] - size[v] / 2 - 1, pos[v][1] - size[v] / 2 - 1,
                       pos[v][0] + size[v] / 2 + 1, pos[v][1] + size[v] / 2 + 1) for v in G])
    boxes = np.zeros((len(ranked), 4))
    placed = 0
    out = []
    for rank, v in enumerate(ranked):
        text = G.nodes[v]["label"]
        tw, th = 0.56 * FONT * len(text) + 4, FONT + 4
        x, y, r = pos[v][0], pos[v][1], size[v] / 2
        d = r * 0.7
        spots = [(x - tw / 2, y + r + 2, "center"), (x - tw / 2, y - r - 2 - th, "center"),
                 (x + r + 3, y - th / 2, "left"), (x - r - 3 - tw, y - th / 2, "right"),
                 (x + d, y + d, "left"), (x - d - tw, y + d, "right"),
                 (x + d, y - d - th, "left"), (x - d - tw, y - d - th, "right")]
        cand = np.array([(left, top_, left + tw, top_ + th) for left, top_, _ in spots])
        cost = (_overlaps(cand, boxes[:placed]) + 0.8 * _overlaps(cand, discs)
                + 50 * (np.clip(-cand[:, 0], 0, None) + np.clip(cand[:, 2] - w, 0, None)
                        + np.clip(-cand[:, 1], 0, None) + np.clip(cand[:, 3] - h, 0, None)))
        best = int(np.argmin(cost))  # first spot among equals: the preferred order above
        # "top": the most important actors always get a label, the rest only where it fits.
        if mode == "top" and rank >= TOP_LABELS and cost[best] > 0:
            continue
        boxes[placed] = cand[best]
        placed += 1
        left, top_, right, bottom = cand[best]
        anchor = spots[best][2]
        ax = {"center": (left + right) / 2, "left": left, "right": right}[anchor]
        out.append((text, float(ax), float((top_ + bottom) / 2), anchor))
    return out


def _overlaps(cand: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Total overlap area of each candidate box with all ``boxes`` (x0, y0, x1, y1 rows)."""
    if not len(boxes):
        return np.zeros(len(cand))
    dx = (np.minimum(cand[:, None, 2], boxes[None, :, 2])
          - np.maximum(cand[:, None, 0], boxes[None, :, 0])).clip(0)
    dy = (np.minimum(cand[:, None, 3], boxes[None, :, 3])
          - np.maximum(cand[:, None, 1], boxes[None, :, 1])).clip(0)
    return (dx * dy).sum(axis=1)


def image_bytes(G: nx.Graph, fmt: str, *, title: str | None = None, caption: str = "",
                layout: str = "spring", width: int | None = None, height: int | None = None,
                size: str | None = None, dpi: int = 150, top: int | None = None,
                labels: str = "top") -> bytes:
    """The image as bytes. Width/height are CSS px (96 per inch); PNG pixels = px × dpi/96."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; choose one of "
                         f"{', '.join(IMAGE_FORMATS)}")
    if not 36 <= dpi <= 1200:
        raise ValueError("dpi must be between 36 and 1200")
    w, h = _page(width, height, size)
    fig = figure(G, title=title, caption=caption, layout=layout, width=w, height=h, top=top,
                 labels=labels)
    data = _render(fig, fmt, w, h, dpi / 96 if fmt == "png" else 1)
    return _with_dpi(data, dpi) if fmt == "png" else data


def export_image(G: nx.Graph, out: str | Path | io.BytesIO, fmt: str, **options) -> None:  # noqa: ANN003
    """Write the image of ``G`` to a path or a binary buffer (options as :func:`image_bytes`)."""
    data = image_bytes(G, fmt, **options)
    if isinstance(out, io.BytesIO):
        out.write(data)
    else:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_bytes(data)


def _render(fig, fmt: str, width: int, height: int, scale: float) -> bytes:  # noqa: ANN001
    from .render import render

    return render(fig.to_dict(), fmt, width, height, scale)


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
