"""The legend column of a briefing image: what plotly's own legend lists (actor colours, link
colours, the relation types drawn) and what it cannot draw (scales for node size and link
width, as shapes under it), sized so that neither runs into the other at slide type sizes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graph.core.cameo import kind_info
from graph.core.choices import SIZE_LABELS
from graph.core.model import POLARITIES
from graph.views import style
from graph.views.typography import Typography, text_width

__all__ = ["Legend", "cameo_entries", "legend_layout", "relation_legend", "scale_legend",
           "scale_text", "scale_values"]

#: Height of one legend row in font sizes, as plotly spaces its entries (measured: 19.9 px
#: per row at 13 px).
ROW = 1.55
LINK_ENTRIES = [p.capitalize() + " relation" for p in POLARITIES] + ["Co-occurrence only"]


@dataclass(frozen=True)
class Legend:
    """The legend column's width in px, the relation kinds it has room to list and the
    widest entry text it holds (px at the legend size: longer ones are cut)."""

    width: float
    kinds: list[str]
    text_room: float


def legend_layout(t: Typography, groups: list[str], route: bool, kinds: list[str],
                  size_by: str, page_width: int, plot_h: float) -> Legend:
    """How wide the legend column is (its longest entry, at most a third of the page) and
    how many relation types (most frequent first, at most 8) fit above the scales in a plot
    ``plot_h`` px high."""
    entries = cameo_entries(kinds)
    texts = [*groups, *LINK_ENTRIES, *(name for name, _ in entries)]
    widest = max(max(text_width(x, t.legend) for x in texts) + 3.2 * t.legend,
                 text_width(f"Node size: {SIZE_LABELS.get(size_by, size_by)}", t.legend_title),
                 text_width("Relation types (CAMEO root)", t.legend_title))
    width = min(widest + 30, page_width / 3)
    text_room = width - 30 - 3.2 * t.legend
    rows = 1 + len(groups) + 1 + len(LINK_ENTRIES) + (1 if route else 0)
    gap = 0.6 * t.legend
    room = plot_h - scales_height(t) - 3 * gap - rows * ROW * t.legend
    fit = max(0, int(room / (ROW * t.legend)) - 1)  # less the relation types' title row
    return Legend(width, _drawable(kinds)[:min(fit, 8)], text_room)


def _drawable(kinds: list[str]) -> list[str]:
    out = []
    for kind in kinds:
        try:
            kind_info(kind)
        except KeyError:
            continue
        out.append(kind)
    return out


def relation_legend(traces: list, route: list, kinds: list[str] | None = None,
                    fit: Callable[[str], str] = str) -> None:
    """Legend entries for link colours (and the path when there is one), then the typed
    relation kinds drawn, each with its CAMEO root category (``fit`` cuts an entry to the
    legend's width)."""
    entries = [(p.capitalize() + " relation", style.polarity_color(p), 4, 1.0)
               for p in POLARITIES]
    entries.append(("Co-occurrence only", style.polarity_color("neutral"), 4,
                    style.FADED_OPACITY + 0.1))
    if route:
        entries.append(("Path", style.PATH_COLOR, 5, 1.0))
    for i, (name, color, width, opacity) in enumerate(entries):
        traces.append({"type": "scatter", "x": [None], "y": [None], "mode": "lines",
                       "name": name, "legendgroup": "relations", "opacity": opacity,
                       "legendgrouptitle": {"text": "Links (→ direction)"} if i == 0
                       else None, "line": {"color": color, "width": width}})
    shown = cameo_entries(kinds or [])
    for i, (name, color) in enumerate(shown):
        traces.append({"type": "scatter", "x": [None], "y": [None], "mode": "markers",
                       "name": fit(name), "legendgroup": "cameo",
                       "legendgrouptitle": {"text": "Relation types (CAMEO root)"} if i == 0
                       else None, "marker": {"color": color, "size": 9, "symbol": "square"}})


def cameo_entries(kinds: list[str], most: int = 8) -> list[tuple[str, str]]:
    """(legend text, colour) for typed kinds: "meet — 04 Consult", most frequent first (the
    order given), at most ``most`` of them."""

    out = []
    for kind in kinds:
        try:
            info = kind_info(kind)
        except KeyError:
            continue
        out.append((f"{kind} — {info.root_code} {info.root_name}",
                    style.polarity_color(info.polarity)))
    return out[:most]


def scales_height(t: Typography) -> float:
    """Height in px of the node-size and link-width scales (:func:`scale_legend`)."""
    return 2 * ROW * t.legend_title + style.NODE_SIZE[1] + 2 * ROW * t.legend + 12


def scale_values(lo: float, hi: float) -> list[float]:
    """The node-size scale's values: least, middle and largest (the middle a whole number
    for a measure that counts, whole at both ends)."""
    if hi <= lo:
        return [lo]
    mid = (lo + hi) / 2
    whole = float(lo).is_integer() and float(hi).is_integer()
    return sorted({lo, round(mid) if whole else mid, hi})


def scale_text(value: float, span: float) -> str:
    """A scale value as the legend writes it: whole numbers for counts and wide ranges,
    else with the decimals the range needs (betweenness: 0, 0.08, 0.16)."""
    if span >= 10 or float(value).is_integer():
        return f"{value:,.0f}"
    decimals = 2 if span >= 0.1 else 3
    return f"{value:.{decimals}f}"


def scale_legend(shapes: list, annotations: list, t: Typography, size_by: str, lo: float,
                 hi: float, w_lo: float, w_hi: float, plot_h: float) -> None:
    """Node size and link width scales, drawn at the bottom of the legend column (px from
    the plot's bottom edge; the legend above them is sized to end before they start)."""
    x = 1.0  # paper x of the plot's right edge; the column starts there
    px = 18  # pixel offset into the margin
    line = ROW * t.legend

    def label(text: str, dx: float, y: float, size: float, bold: bool = False,
              anchor: str = "left") -> None:
        annotations.append({"text": f"<b>{text}</b>" if bold else text, "xref": "paper",
                            "yref": "paper", "x": x, "xshift": dx, "y": y / plot_h,
                            "xanchor": anchor, "yanchor": "middle", "showarrow": False,
                            "font": {"size": size, "color": "#333333"}})

    top = scales_height(t)
    label(f"Node size: {SIZE_LABELS.get(size_by, size_by)}", px, top - ROW * t.legend_title / 2,
          t.legend_title, bold=True)
    values = scale_values(lo, hi)
    mid = top - ROW * t.legend_title - style.NODE_SIZE[1] / 2  # circles' centre line
    cx: float = px  # pixels: the circles' widths are not whole
    for value in values:
        d = style.node_size(value, lo, hi)
        text = scale_text(value, hi - lo)
        shapes.append({"type": "circle", "xref": "paper", "yref": "paper",
                       "xsizemode": "pixel", "ysizemode": "pixel", "xanchor": x,
                       "yanchor": mid / plot_h, "x0": cx, "x1": cx + d, "y0": -d / 2,
                       "y1": d / 2, "fillcolor": "#bbbbbb",
                       "line": {"color": "#888888", "width": 1}})
        label(text, cx + d / 2, mid - style.NODE_SIZE[1] / 2 - line / 2, t.legend,
              anchor="center")
        cx += max(d, text_width(text, t.legend)) + 16
    base = line * 0.5 + 4
    label("Link width: sentences", px, base + line, t.legend_title, bold=True)
    for i, w in enumerate(sorted({w_lo, w_hi})):
        width = style.edge_width(w, w_lo, w_hi)
        step = 40 + text_width(f"{w_hi:,.0f}", t.legend) + 24
        shapes.append({"type": "line", "xref": "paper", "yref": "paper",
                       "xsizemode": "pixel", "ysizemode": "pixel", "xanchor": x,
                       "yanchor": base / plot_h, "x0": px + 6 + i * step,
                       "x1": px + 40 + i * step, "y0": 0, "y1": 0,
                       "line": {"color": "#777777", "width": width}})
        label(f"{w:,.0f}", px + 46 + i * step, base, t.legend)
