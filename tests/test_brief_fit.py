"""Nothing in a pack runs off its slide or page when the articles read as real news do: long
headlines, outlets, links and names (:mod:`long_store`). The deck's tables are measured with
text wrapped at Helvetica's metrics (Arial's) in each cell, independently of the pack's own
estimate; the PDF's text is located with pypdf; titles keep to one line."""

from __future__ import annotations

from math import ceil
from pathlib import Path

import pytest
from long_store import long_store
from pptx import Presentation
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from graph.briefing.content import build_briefing
from graph.briefing.pack import write_pack

pytestmark = pytest.mark.slow  # every pack drawn, as in test_brief.py

EMU = 914400 / 72  # per pt
TITLE = (
    "Regional understanding on trade, security and border crossings: the week in review "
    "for the morning meeting"
)
SUBTITLE = (
    "Open sources, invented people; prepared for the morning meeting of the regional "
    "desk, its partners and the visiting delegation from the coastal provinces"
)


@pytest.fixture(scope="module")
def stem(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fit")
    b = build_briefing(long_store(path / "s.db"), top=0, title=TITLE, subtitle=SUBTITLE)
    write_pack(b, path / "pack", ("pptx", "pdf"))
    return path / "pack"


def _lines(text: str, width: float, size: float, font: str = "Helvetica") -> int:
    n = 0
    for paragraph in text.split("\n"):
        n += 1
        at = 0.0
        for word in paragraph.split():
            w = stringWidth(word, font, size)
            if at and at + stringWidth(" " + word, font, size) > width:
                n, at = n + 1, 0.0
            if w > width:
                n, w = n + ceil(w / width) - 1, w % width
            at += w + (stringWidth(" ", font, size) if at else 0)
    return n


def _height(cell, width: float) -> float:  # noqa: ANN001
    size = max((r.font.size.pt for p in cell.text_frame.paragraphs for r in p.runs), default=12)
    inset = (cell.margin_left + cell.margin_right) / EMU
    pad = (cell.margin_top + cell.margin_bottom) / EMU
    return _lines(cell.text, width - inset, size) * size * 1.2 + pad


def test_deck_tables_and_titles_stay_on_their_slides(stem: Path):
    deck = Presentation(f"{stem}.pptx")
    bottom = deck.slide_height / EMU
    for number, slide in enumerate(deck.slides, start=1):
        footnotes = [
            s.top / EMU for s in slide.shapes if s.has_text_frame and s.top / EMU > bottom * 0.9
        ]
        for shape in slide.shapes:
            if shape.has_table:
                table = shape.table
                widths = [c.width / EMU for c in table.columns]
                height = sum(
                    max(_height(cell, w) for cell, w in zip(row.cells, widths, strict=True))
                    for row in table.rows
                )
                end = shape.top / EMU + height
                assert end <= min([bottom, *footnotes]) + 1, (number, end)
            elif shape.has_text_frame and shape.top / EMU < 72:  # title and subtitle
                run = shape.text_frame.paragraphs[0].runs[0]
                width = shape.width / EMU - 14.4
                font = "Helvetica-Bold" if run.font.bold else "Helvetica"
                assert _lines(run.text, width, run.font.size.pt, font) == 1, run.text
                assert run.font.size.pt >= 12
    titles = [s.shapes[0].text_frame.text for s in deck.slides]
    assert sum(t.startswith("Sources") for t in titles) >= 2  # the sources did not fit one


def test_pdf_text_stays_on_its_pages(stem: Path):
    reader = PdfReader(f"{stem}.pdf")
    # the table pages (the graph page's picture is the renderer's, placed as a form)
    for number, page in enumerate(reader.pages[1:], start=2):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        at: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, font, size, at=at):  # noqa: ANN001, ANN202
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                at.append((x, y, text))

        page.extract_text(visitor_text=visit)
        assert at, number
        for x, y, text in at:
            assert 0 <= y <= height and 0 <= x < width, (number, x, y, text)
    first = reader.pages[0].extract_text()
    assert TITLE not in first and TITLE[:40] in first  # cut to one line at 20 pt
