"""The dashboard's light and dark themes: every colour of the page around the graph and of
the graph's own labels, borders and rings, defined once here (the actor and link colours are
:mod:`graph.views.style`'s, the same in both themes: they are chosen to read on light and dark
grounds alike). The light theme's graph colours are the images' (``style.BACKGROUND``,
``style.LABEL_COLOR``).

The page reads a theme as CSS custom properties (:func:`css_variables`, ``--rg-<name>``,
used by ``dashboard/assets/relgraph.css``); cytoscape's stylesheet reads it directly
(``dashboard/elements.py``); the dashboard's plotly figures (the timeline) take
:func:`plot_layout`, merged into their own layout in the browser (``dashboard/theme.py``).
:func:`contrast` is the WCAG 2 contrast ratio, which labels
against the background must keep at 4.5 or more (a test checks each theme).
"""

from __future__ import annotations

from graph.views import style

__all__ = ["THEMES", "contrast", "css_variables", "plot_layout", "theme"]

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "bg": style.BACKGROUND,  # page and graph canvas
        "surface": "#fafafa",  # header, tabs
        "panel": "#f7f7f7",  # drawers
        "control": "#ffffff",  # buttons, menus, inputs, tables
        "hover": "#f0f0f0",
        "open": "#e8eef6",  # an open menu's button
        "border": "#dddddd",
        "grid": "#eeeeee",  # a chart's grid lines (the timeline)
        "text": "#222222",
        "muted": "#555555",
        "accent": "#0b5cad",
        "label": style.LABEL_COLOR,  # actor names on the graph
        "halo": "#ffffff",  # the outline around a name: readable over links
        "verb": "#444444",  # a link's verb
        "node_border": "#ffffff",
        "ring": style.FOCUS_COLOR,  # a focused or selected actor
        "path": style.PATH_COLOR,
        "cooc": "#dddddd",  # "co-occurrence only" in the legend
        "mark": "#ffe58a",  # an actor's name highlighted in a sentence
        "error": "#b00020",
        "ok": "#1b5e20",
        "scheme": "light",  # CSS color-scheme: the browser's own scrollbars and checkboxes
    },
    "dark": {
        "bg": "#16191d",
        "surface": "#1e2227",
        "panel": "#1b1f24",
        "control": "#262b31",
        "hover": "#313840",
        "open": "#2c3a4d",
        "border": "#3b424b",
        "grid": "#2c3238",
        "text": "#e4e6e8",
        "muted": "#a9b1ba",
        "accent": "#6aa9ec",
        "label": "#f1f3f5",
        "halo": "#16191d",
        "verb": "#c9ced4",
        "node_border": "#16191d",
        "ring": "#f5f5f5",
        "path": "#c896e8",
        "cooc": "#555c66",
        "mark": "#7a6420",
        "error": "#ff8a8a",
        "ok": "#86d68f",
        "scheme": "dark",
    },
}


def theme(name: str | None) -> dict[str, str]:
    """The colours of theme ``name`` (unknown or none: light)."""
    return THEMES.get(name or "light", THEMES["light"])


def css_variables(name: str | None) -> dict[str, str]:
    """Theme ``name`` as CSS custom properties: ``{"--rg-bg": "#…", …}``."""
    return {f"--rg-{k.replace('_', '-')}": v for k, v in theme(name).items()}


def plot_layout(name: str | None) -> dict:
    """The colours of theme ``name`` for a plotly figure: ``{"layout": …, "axis": …}``, a
    patch merged into a figure's own layout (``axis`` into each of its axes, ``xaxis``,
    ``yaxis``, ``yaxis2``…). It recolours the ground, text, axes, grid, legend and tool bar
    and leaves the rest, the traces' colours included, as it is."""
    t = theme(name)
    return {"layout": {"paper_bgcolor": t["bg"], "plot_bgcolor": t["bg"],
                       "font": {"color": t["text"]},
                       "legend": {"bgcolor": t["bg"], "font": {"color": t["text"]}},
                       "modebar": {"bgcolor": t["bg"], "color": t["muted"],
                                   "activecolor": t["accent"]}},
            "axis": {"gridcolor": t["grid"], "linecolor": t["border"],
                     "zerolinecolor": t["border"], "tickcolor": t["border"]}}


def _luminance(hex_color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(int(hex_color[i:i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#RRGGBB`` colours (1 … 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
