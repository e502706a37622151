"""The one visual style of relgraph, shared by the dashboard and the image export.

Colours per actor type and per edge polarity, and the scales that turn mention counts and
edge weights into sizes. Both renderers read these values; neither defines its own.
"""

from __future__ import annotations

import math

__all__ = [
    "BACKGROUND",
    "EDGE_WIDTH",
    "FONT_FAMILY",
    "LABEL_COLOR",
    "NODE_SIZE",
    "POLARITY_COLORS",
    "TYPE_COLORS",
    "TYPE_LABELS",
    "edge_width",
    "node_size",
    "polarity_color",
    "type_color",
]

#: Fill colour per actor type (Okabe–Ito palette: readable for colour-blind readers and in print).
TYPE_COLORS: dict[str, str] = {
    "person": "#0072B2",
    "organisation": "#E69F00",
    "country": "#009E73",
    "place": "#56B4E9",
    "group": "#CC79A7",
}
TYPE_LABELS: dict[str, str] = {
    "person": "Person",
    "organisation": "Organisation",
    "country": "Country",
    "place": "Place",
    "group": "Group",
}
OTHER_COLOR = "#999999"

#: Edge colour per polarity of the relations behind it.
POLARITY_COLORS: dict[str, str] = {
    "cooperative": "#1B9E3A",
    "hostile": "#D62728",
    "neutral": "#9A9A9A",
}

BACKGROUND = "#FFFFFF"
LABEL_COLOR = "#222222"
FONT_FAMILY = "Helvetica, Arial, sans-serif"
LABEL_FONT_SIZE = 12  # px at 100% zoom / in a 1600 px wide image

NODE_SIZE = (18.0, 60.0)  # px diameter: least and most mentioned actor
EDGE_WIDTH = (1.0, 9.0)  # px: weakest and strongest edge


def type_color(actor_type: str) -> str:
    """Fill colour for an actor type; unknown types are grey."""
    return TYPE_COLORS.get(actor_type, OTHER_COLOR)


def polarity_color(polarity: str) -> str:
    """Line colour for an edge polarity; unknown polarities are drawn as neutral."""
    return POLARITY_COLORS.get(polarity, POLARITY_COLORS["neutral"])


def _scale(value: float, low: float, high: float, out: tuple[float, float]) -> float:
    """Map ``value`` in [low, high] onto ``out`` on a square-root scale (area-like, so a hub
    does not dwarf everyone else)."""
    if high <= low:
        return (out[0] + out[1]) / 2
    t = (math.sqrt(max(value, low)) - math.sqrt(low)) / (math.sqrt(high) - math.sqrt(low))
    return out[0] + min(max(t, 0.0), 1.0) * (out[1] - out[0])


def node_size(mentions: float, low: float, high: float) -> float:
    """Node diameter in px for an actor with ``mentions``, given the slice's min and max."""
    return round(_scale(mentions, low, high, NODE_SIZE), 1)


def edge_width(weight: float, low: float, high: float) -> float:
    """Edge width in px for an edge of ``weight``, given the slice's min and max."""
    return round(_scale(weight, low, high, EDGE_WIDTH), 2)
