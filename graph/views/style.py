"""The one visual style of relgraph, shared by the dashboard and the image export.

Colours per actor type and per edge polarity, and the scales that turn mention counts and
edge weights into sizes. Both renderers read these values; neither defines its own.
"""

from __future__ import annotations

import math

__all__ = [
    "BACKGROUND",
    "BALANCE_COLORS",
    "CHANGE_COLORS",
    "CHANGE_DASH",
    "COMMUNITY_COLORS",
    "FADED_OPACITY",
    "PATH_COLOR",
    "FOCUS_COLOR",
    "EDGE_WIDTH",
    "FONT_FAMILY",
    "LABEL_COLOR",
    "NODE_SIZE",
    "POLARITY_COLORS",
    "QUAD_COLORS",
    "SEQUENTIAL_COLORS",
    "TYPE_COLORS",
    "TYPE_LABELS",
    "community_color",
    "darker",
    "edge_width",
    "kind_label",
    "kind_verb",
    "link_verbs",
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

#: Colours for communities 1..10 (community 1 is the largest); the rest are grey. Tableau 10,
#: reordered so the first few differ most.
COMMUNITY_COLORS = ("#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#B07AA1", "#76B7B2",
                    "#EDC948", "#FF9DA7", "#9C755F", "#BAB0AC")
#: Colour by a measure (graph/views/colouring.py): five classes, light (low, early) to dark
#: (high, late): ColorBrewer Blues.
SEQUENTIAL_COLORS = ("#C6DBEF", "#9ECAE1", "#6BAED6", "#3182BD", "#08519C")
#: Colour by QuadClass balance: mostly conflict … mostly cooperation (the links' polarity
#: colours at the ends; khaki, not grey, in the middle: grey is "no typed relations").
BALANCE_COLORS = ("#D62728", "#E8908F", "#C9B27C", "#8CCB97", "#1B9E3A")
#: Colour per CAMEO QuadClass (:data:`graph.core.cameo.QUAD_CLASSES`): greens for
#: cooperation, reds for conflict, the material (done) class darker than the verbal (said);
#: the same hues as the polarity and balance colours, grey for neutral.
QUAD_COLORS: dict[int, str] = {0: "#9A9A9A", 1: "#8CCB97", 2: "#1B9E3A", 3: "#E8908F",
                               4: "#D62728"}
#: Link colour per change between two periods (:data:`graph.core.choices.LINK_CHANGES`): blue
#: for what grew, orange and red for what shrank (a diverging pair colour-blind readers tell
#: apart), grey for what stayed; a gone link is also dotted, so it reads in grey print too.
CHANGE_COLORS: dict[str, str] = {
    "new": "#2166AC",
    "stronger": "#67A9CF",
    "weaker": "#EF8A62",
    "gone": "#B2182B",
    "unchanged": "#BBBBBB",
}
CHANGE_DASH: dict[str, str] = {"gone": "dot"}
PATH_COLOR = "#7B3294"  # a path's actors and links
FOCUS_COLOR = "#111111"  # the ring around a focused or selected actor
#: Opacity of co-occurrence-only links, drawn under the typed relations.
FADED_OPACITY = 0.28

BACKGROUND = "#FFFFFF"
LABEL_COLOR = "#222222"
FONT_FAMILY = "Helvetica, Arial, sans-serif"
LABEL_FONT_SIZE = 12  # px at 100% zoom / in a 1600 px wide image

NODE_SIZE = (18.0, 60.0)  # px diameter: least and most mentioned actor
EDGE_WIDTH = (1.0, 9.0)  # px: weakest and strongest edge


def type_color(actor_type: str) -> str:
    """Fill colour for an actor type; unknown types are grey."""
    return TYPE_COLORS.get(actor_type, OTHER_COLOR)


def community_color(community: int) -> str:
    """Colour of community ``community`` (1 = largest); grey past the palette."""
    return COMMUNITY_COLORS[community - 1] if 1 <= community <= len(COMMUNITY_COLORS) else (
        OTHER_COLOR)


#: Past tenses that do not follow the spelling rules below.
_IRREGULAR = {"meet": "met", "tell": "told", "sell": "sold", "buy": "bought", "send": "sent",
              "give": "gave", "hold": "held", "lead": "led", "fight": "fought",
              "bring": "brought", "seek": "sought", "make": "made", "say": "said",
              "speak": "spoke", "take": "took", "see": "saw", "ship": "shipped",
              "plan": "planned", "ban": "banned", "break": "broke", "cut": "cut",
              "forgive": "forgave", "withdraw": "withdrew", "swap": "swapped",
              "expel": "expelled"}
# Kinds named by a noun, as the verb phrase that does them.
_PHRASES = {"ceasefire": "agree ceasefire"}


def kind_verb(kind: str) -> str:
    """A relation kind as its verb phrase in the base form: "break-ties" → "break ties",
    "ceasefire" → "agree ceasefire" (what "will ..." and the past tense start from)."""
    if not kind or kind == "co-occurrence":
        return ""
    words = kind.replace("_", " ").replace("-", " ")
    return _PHRASES.get(words, words)


def kind_label(kind: str) -> str:
    """A relation kind as the verb an image shows on its link: "meet" → "met", "accuse" →
    "accused", "supply" → "supplied", "break-ties" → "broke ties"; multi-word kinds change
    their first word."""
    first, _, rest = kind_verb(kind).partition(" ")
    if not first:
        return ""
    if first in _IRREGULAR:
        verb = _IRREGULAR[first]
    elif first.endswith("e"):
        verb = first + "d"
    elif first.endswith("y") and len(first) > 1 and first[-2] not in "aeiou":
        verb = first[:-1] + "ied"
    else:
        verb = first + "ed"
    return f"{verb} {rest}".strip()


def link_verbs(relations: list[dict], n: int = 2) -> str:
    """The verbs a link shows: its ``n`` most frequent relation kinds (by sentence count, then
    name) as :func:`kind_label` words, "met, criticised" (the image and the dashboard alike)."""
    counts: dict[str, int] = {}
    for r in relations:
        counts[r["kind"]] = counts.get(r["kind"], 0) + r.get("count", 1)
    kinds = sorted(counts, key=lambda k: (-counts[k], k))[:n]
    return ", ".join(filter(None, (kind_label(k) for k in kinds)))


def darker(hex_color: str, f: float = 0.75) -> str:
    """``#RRGGBB`` darkened to ``f`` of each channel: text in a link's colour that stays
    readable on white (verbs on the image, the "did what" column of a briefing)."""
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"#{int(r * f):02x}{int(g * f):02x}{int(b * f):02x}"


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
