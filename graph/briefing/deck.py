"""The briefing pack as a PowerPoint deck (python-pptx): 16:9 slides whose titles, captions,
tables and speaker notes are editable text; the graph is a picture (python-pptx places raster
pictures: a PNG 2,000 px wide, 150 px a slide inch, sharp when projected; the PDF has it
as vector)."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from graph.briefing.content import Briefing
from graph.briefing.fit import fit_line, row_height
from graph.briefing.pages import MARGIN, PAGE_INCHES, SIZE, TABLE_TOP, Page, pages
from graph.views import style

__all__ = ["FONT", "deck_bytes"]

FONT = "Arial"  # the first of the style's fonts a slide can count on (Helvetica's metrics)
#: The graph picture's box on its slide, inches: (left, top, width, height).
PICTURE = (0.0, 1.15, 13.333, 5.8)
TITLE = (28, 20)  # a slide title's size, pt, and the least it shrinks to on one line
SUBTITLE = (16, 12)


def deck_bytes(b: Briefing, picture_png: bytes, more_png: list[bytes] | None = None) -> bytes:
    """The deck (.pptx bytes): one slide per page of :func:`graph.briefing.pages.pages`;
    ``more_png``: the briefing's other pictures, in order."""
    more = iter(more_png or [])
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(PAGE_INCHES[0]), Inches(PAGE_INCHES[1])
    prs.core_properties.title = b.title
    prs.core_properties.subject = b.subtitle or b.caption
    blank = prs.slide_layouts[6]
    for page in pages(b):
        slide = prs.slides.add_slide(blank)
        _text(slide, *fit_line(page.title, 12.4 * 72 - 14.4, *TITLE, bold=True), 0.45, 0.25,
              12.4, 0.6, bold=True)
        if page.kind == "graph":
            if b.subtitle:
                _text(slide, *fit_line(b.subtitle, 12.4 * 72 - 14.4, *SUBTITLE), 0.45, 0.75,
                      12.4, 0.4, color="#555555")
            left, top, width, height = PICTURE
            slide.shapes.add_picture(io.BytesIO(picture_png), Inches(left), Inches(top),
                                     Inches(width), Inches(height))
            _text(slide, b.caption, 12, 0.45, 6.95, 12.4, 0.5, color="#444444")
        elif page.kind == "picture":
            left, top, width, height = PICTURE
            slide.shapes.add_picture(io.BytesIO(next(more)), Inches(left), Inches(top),
                                     Inches(width), Inches(height))
        else:
            _table(slide, page)
        # speaker notes: how the pack was made (graph page), the analysts' notes on what
        # the page shows
        notes = [b.notes] if page.kind == "graph" else []
        if page.notes:
            notes.append("\n".join(["Analysts' notes:", *page.notes]))
        if notes:
            slide.notes_slide.notes_text_frame.text = "\n\n".join(notes)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _text(slide, text: str, size: float, left: float, top: float, width: float,  # noqa: ANN001
          height: float, bold: bool = False, color: str = style.LABEL_COLOR) -> None:
    """A text box (``size`` pt, wrapped; the box's inset is python-pptx's 0.1 in)."""
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    _font(run.font, size, bold, color)


def _font(font, size: float, bold: bool = False, color: str = style.LABEL_COLOR) -> None:  # noqa: ANN001
    font.name, font.size, font.bold = FONT, Pt(size), bold
    font.color.rgb = RGBColor.from_string(color.lstrip("#").upper())


def _table(slide, page: Page) -> None:  # noqa: ANN001
    """The page's rows as a native table (12 pt, header bold), its footnote under it; each
    row as tall as its wrapped text (:func:`graph.briefing.fit.row_height`), so the table
    ends where the pages were cut to end it."""
    width = PAGE_INCHES[0] - 2 * MARGIN
    columns = [width * 72 * f for f in page.widths]
    heights = [row_height(cells, columns, SIZE, bold=r == 0)
               for r, cells in enumerate([page.header, *page.rows])]
    shape = slide.shapes.add_table(len(page.rows) + 1, len(page.header), Inches(MARGIN),
                                   Inches(TABLE_TOP), Inches(width), Pt(sum(heights)))
    table = shape.table
    for i, frac in enumerate(page.widths):
        table.columns[i].width = Emu(int(Inches(width) * frac))
    for r, height in enumerate(heights):
        table.rows[r].height = Pt(height)
    for r, cells in enumerate([page.header, *page.rows]):
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            cell.text = text
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    color = style.LABEL_COLOR
                    if r and page.kind in ("relations", "timeline") and c == 1:
                        color = style.darker(style.polarity_color(page.polarities[r - 1]))
                    _font(run.font, SIZE, bold=r == 0, color=color if r else "#FFFFFF")
                    if r and page.links and c == len(cells) - 1 and page.links[r - 1]:
                        run.hyperlink.address = page.links[r - 1]  # the whole link
    if page.footnote:
        _text(slide, page.footnote, SIZE, MARGIN, 7.0, width, 0.4, color="#555555")
