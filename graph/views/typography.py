"""Slide-legible type sizes for briefing images, and how wide a text is drawn.

Sizes are set in points *as the reader sees them*: a 16:9 image (and any custom size) fills a
projected slide 13.33 in wide, an A4 image prints at its own width (11.69 in). Common guidance
for projected slides is no text under about 12 pt, and 18 pt or more for text that must be
read at a glance; an actor's name is the one thing that must be read, so it gets 14 pt (the
most that still fits a 25-actor network on one slide), verbs, legend and caption 12 pt and
the title 24 pt. :func:`typography` turns those points into the CSS pixels plotly draws with,
for any image size, so every size keeps the same rule.

Widths come from the Helvetica metrics reportlab ships (Arial and Liberation Sans, which the
renderer uses for ``Helvetica, Arial, sans-serif``, share them): an estimated width that is
too small would let labels overlap once drawn. They are read from reportlab's metric tables
and summed as its ``stringWidth`` sums them (the same floats); reportlab's font machinery, a
twentieth of a second of a command's start-up, is imported only for a control character.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

# reportlab's metric tables (plain data modules, without type stubs)
from reportlab.pdfbase._fontdata_enc_winansi import (  # type: ignore[import-not-found]
    WinAnsiEncoding,
)
from reportlab.pdfbase._fontdata_widths_helvetica import (  # type: ignore[import-not-found]
    widths as _helvetica,
)

from graph.core.choices import SIZES

__all__ = ["POINTS", "SLIDE_INCHES", "Typography", "capacity", "clip_to", "text_height",
           "text_width", "typography"]

#: Width in inches a page of each named size is seen at; any other size fills a slide.
SLIDE_INCHES = {"16:9": 13.333, "A4": 11.69}
#: The type sizes in points as the slide (or the printed page) shows them.
POINTS = {"label": 14.0, "verb": 12.0, "legend": 12.0, "legend_title": 13.0,
          "caption": 12.0, "title": 24.0, "subtitle": 16.0}

#: Helvetica's advance widths (thousandths of an em) of the printable Latin-1 characters,
#: which WinAnsi encodes as themselves.
_WIDTHS = {chr(i): _helvetica[glyph] for i, glyph in enumerate(WinAnsiEncoding)
           if 32 <= i < 127 or i >= 160}


@dataclass(frozen=True)
class Typography:
    """Font sizes in CSS px for one image size (``px_per_pt``: px of the image per point)."""

    px_per_pt: float
    label: float
    verb: float
    legend: float
    legend_title: float
    caption: float
    title: float
    subtitle: float

    def points(self, px: float) -> float:
        """A size in px of this image as points on the slide."""
        return px / self.px_per_pt


def page_inches(width: int, size: str | None = None) -> float:
    """The width in inches an image of ``width`` px (named ``size``, if any) is seen at."""
    if size in SLIDE_INCHES:
        return SLIDE_INCHES[str(size)]
    for name, (w, _) in SIZES.items():
        if w == width and name in SLIDE_INCHES:
            return SLIDE_INCHES[name]
    return SLIDE_INCHES["16:9"]


def typography(width: int, size: str | None = None) -> Typography:
    """The font sizes (px) of an image ``width`` px wide; each rounded up to a tenth of a px,
    so no size falls under its point rule."""
    px_per_pt = width / (page_inches(width, size) * 72)

    def px(name: str) -> float:
        return math.ceil(POINTS[name] * px_per_pt * 10) / 10

    return Typography(px_per_pt, *(px(name) for name in POINTS))


def text_width(text: str, font: float) -> float:
    """Drawn width in px of ``text`` at ``font`` px (Helvetica metrics; characters outside
    Latin-1 counted as wide as the widest Latin letters, East Asian ones as a full em)."""
    latin = "".join(c for c in text if ord(c) < 256)
    units = [_WIDTHS.get(c) for c in latin]
    width = (sum(u for u in units if u is not None) * 0.001 * font if None not in units
             else _reportlab_width(latin, font))
    for c in text:
        if ord(c) >= 256:
            width += font * (1.0 if unicodedata.east_asian_width(c) in "WF" else 0.72)
    return width + 4


def _reportlab_width(text: str, font: float) -> float:
    """reportlab's own width of ``text`` in Helvetica at ``font`` (control characters, which
    it measures by its substitution fonts)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # rarely needed: slow to import

    return stringWidth(text, "Helvetica", font)


def clip_to(text: str, width: float, font: float) -> str:
    """``text`` cut (with an ellipsis) to fit ``width`` px at ``font`` px."""
    if text_width(text, font) <= width:
        return text
    while len(text) > 1 and text_width(text + "…", font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def text_height(font: float) -> float:
    """Height in px of one line of text at ``font`` px as the renderer boxes it."""
    return 1.25 * font + 2


def capacity(width: int, height: int, size: str | None = None) -> int:
    """How many labelled actors fit on an image of this size at the label size: the plot
    area (without margins and the legend column) over the room one labelled actor takes (a
    label of 14 characters, a node, and space around both), at least 10."""
    t = typography(width, size)
    plot = (width - 12 * t.legend * 1.6 - 40) * (height - 8 * t.caption)
    per_actor = (text_width("x" * 14, t.label) + 40) * (text_height(t.label) + 40) * 2.3
    return max(10, int(plot / per_actor))
