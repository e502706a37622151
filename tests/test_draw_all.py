"""A figure rendered in several formats from one drawing (graph/views/draw.py ``draw_all``,
what a briefing pack does with its graph picture) gives the bytes each format gives drawn on
its own: PNG and SVG identical, the PDF identical but for its creation date."""

from __future__ import annotations

import re

from graph.briefing.content import build_briefing
from graph.briefing.pack import PNG_DPI, pack_files, picture
from graph.views.image import DEFAULT_TITLE, figure_bytes, figure_renders


def _undated(pdf: bytes) -> bytes:
    return re.sub(rb"/CreationDate \([^)]*\)", b"", pdf)


def test_one_drawing_renders_what_three_drawings_do(seed_store):
    b = build_briefing(seed_store)
    fig = picture(b)
    alone = [figure_bytes(fig, "png", PNG_DPI), figure_bytes(fig, "pdf", title=b.title),
             figure_bytes(fig, "svg")]
    together = figure_renders(fig, [("png", PNG_DPI, DEFAULT_TITLE), ("pdf", 150, b.title),
                                    ("svg", 150, DEFAULT_TITLE)])
    assert together[0] == alone[0] and together[2] == alone[2]
    assert _undated(together[1]) == _undated(alone[1])
    assert b"/CreationDate" in alone[1]  # what is left out is there to leave out
    # in any order, and in the pack's files (its Markdown's SVG is the picture's SVG)
    assert figure_renders(fig, [("svg", 150, DEFAULT_TITLE), ("png", PNG_DPI, DEFAULT_TITLE)]
                          ) == [alone[2], alone[0]]
    assert pack_files(b, "p", ["md"])["p.svg"] == alone[2]
