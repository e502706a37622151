"""The parts of a briefing image's legend that plotly's own legend cannot draw: link colours
as legend entries, and scales for node size and link width (shapes in the right margin)."""

from __future__ import annotations

from graph.core.cameo import kind_info
from graph.core.model import POLARITIES
from graph.views import style

__all__ = ["relation_legend", "scale_legend"]

SIZE_NAMES = {"mentions": "mentions", "degree": "links", "weighted degree": "link weight"}


def relation_legend(traces: list, route: list, kinds: list[str] | None = None) -> None:
    """Legend entries for link colours (and the path when there is one), then the typed
    relation kinds drawn, each with its CAMEO root category."""
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
                       "name": name, "legendgroup": "cameo",
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


def scale_legend(shapes: list, annotations: list, size_by: str, lo: float, hi: float,
                 w_lo: float, w_hi: float, plot_h: float) -> None:
    """Node size and link width scales, drawn in the right margin under the legend."""
    x = 1.0  # paper x of the plot's right edge; the column starts there
    px = 18  # pixel offset into the margin

    def label(text: str, dx: float, y: float, size: int = 12, bold: bool = False) -> None:
        annotations.append({"text": f"<b>{text}</b>" if bold else text, "xref": "paper",
                            "yref": "paper", "x": x, "xshift": dx, "y": y, "xanchor": "left",
                            "yanchor": "middle", "showarrow": False,
                            "font": {"size": size, "color": "#333333"}})

    values = sorted({lo, round((lo + hi) / 2), hi}) if hi > lo else [lo]
    label(f"Node size: {SIZE_NAMES.get(size_by, size_by)}", px, 178 / plot_h, 13, bold=True)
    cx: float  # pixels: the circles' widths are not whole
    cx, mid = px, 178 - 48  # circles centred on one line, their values under them
    for value in values:
        d = style.node_size(value, lo, hi)
        shapes.append({"type": "circle", "xref": "paper", "yref": "paper",
                       "xsizemode": "pixel", "ysizemode": "pixel", "xanchor": x,
                       "yanchor": mid / plot_h, "x0": cx, "x1": cx + d, "y0": -d / 2,
                       "y1": d / 2, "fillcolor": "#bbbbbb",
                       "line": {"color": "#888888", "width": 1}})
        annotations.append({"text": f"{value:,.0f}", "xref": "paper", "yref": "paper", "x": x,
                            "xshift": cx + d / 2, "y": (mid - 39) / plot_h,
                            "xanchor": "center", "yanchor": "middle", "showarrow": False,
                            "font": {"size": 11, "color": "#333333"}})
        cx += d + 16
    label("Link width: sentences", px, 50 / plot_h, 13, bold=True)
    for i, w in enumerate(sorted({w_lo, w_hi})):
        width = style.edge_width(w, w_lo, w_hi)
        shapes.append({"type": "line", "xref": "paper", "yref": "paper",
                       "xsizemode": "pixel", "ysizemode": "pixel", "xanchor": x,
                       "yanchor": 22 / plot_h, "x0": px + 6 + i * 92, "x1": px + 46 + i * 92,
                       "y0": 0, "y1": 0, "line": {"color": "#777777", "width": width}})
        label(f"{w:,.0f}", px + 52 + i * 92, 22 / plot_h, 11)
