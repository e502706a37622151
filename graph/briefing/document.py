"""The briefing pack as a PDF with the deck's pages (reportlab, BSD): 16:9 pages of real,
searchable text; the graph page carries the picture as vector graphics (the renderer's PDF of
the figure, placed on the page with pypdf), so it stays sharp at any zoom or print size."""

from __future__ import annotations

import io
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    RectangleObject,
)
from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from graph.briefing.content import Briefing
from graph.briefing.deck import PICTURE, SUBTITLE, TITLE
from graph.briefing.fit import PAD_X, PAD_Y, fit_line
from graph.briefing.pages import MARGIN, PAGE_INCHES, SIZE, TABLE_TOP, Page, pages
from graph.views import style

__all__ = ["pdf_bytes"]

PT = 72  # points per inch
W, H = PAGE_INCHES[0] * PT, PAGE_INCHES[1] * PT


@cache
def fonts() -> tuple[str, str]:
    """(regular, bold) font names: Liberation Sans (Arial's metrics, the dashboard's look, and
    Cyrillic and Greek) or DejaVu Sans when installed, else the built-in Helvetica."""
    for regular, bold in (("LiberationSans-Regular", "LiberationSans-Bold"),
                          ("DejaVuSans", "DejaVuSans-Bold")):
        try:
            for name in (regular, bold):
                if name not in pdfmetrics.getRegisteredFontNames():
                    pdfmetrics.registerFont(TTFont(name, f"{name}.ttf"))
        except TTFError:
            continue
        return regular, bold
    return "Helvetica", "Helvetica-Bold"


def pdf_bytes(b: Briefing, picture_pdf: bytes, more_pdf: list[bytes] | None = None) -> bytes:
    """The PDF (bytes): one page per page of :func:`graph.briefing.pages.pages`, the graph
    (``picture_pdf``: the figure as the renderer's one-page PDF) placed on the first and
    ``more_pdf`` (the briefing's other pictures) on their picture pages."""
    regular, bold = fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(W, H), pageCompression=1)
    canvas.setTitle(b.title)
    canvas.setSubject(b.subtitle or b.caption)
    canvas.setCreator("relgraph")
    for page in pages(b):
        # one line each, fitted as on the slide
        _text(canvas, *fit_line(page.title, 12.4 * PT - 14.4, *TITLE, bold=True),
              0.45 * PT, H - 0.62 * PT, bold)
        if page.kind == "graph":
            if b.subtitle:
                _text(canvas, *fit_line(b.subtitle, 12.4 * PT - 14.4, *SUBTITLE), 0.45 * PT,
                      H - 1.02 * PT, regular, "#555555")
            _paragraph(canvas, b.caption, 0.45 * PT, 0.12 * PT, W - 0.9 * PT, 12, regular,
                       "#444444")
        elif page.kind != "picture":
            _table(canvas, page, regular, bold)
        canvas.showPage()
    canvas.save()
    at = [i for i, page in enumerate(pages(b)) if page.kind in ("graph", "picture")]
    return _with_picture(out.getvalue(), [picture_pdf, *(more_pdf or [])], at, b.title)


def _text(canvas: Canvas, text: str, size: float, x: float, y: float, font: str,
          color: str = style.LABEL_COLOR) -> None:
    canvas.setFont(font, size)
    canvas.setFillColor(HexColor(color))
    canvas.drawString(x, y, text)


def _style(font: str, size: float, color: str) -> ParagraphStyle:
    return ParagraphStyle("cell", fontName=font, fontSize=size, leading=size * 1.2,
                          textColor=HexColor(color))


def _paragraph(canvas: Canvas, text: str, x: float, y: float, width: float, size: float,
               font: str, color: str) -> None:
    """Wrapped text whose last line sits at ``y`` (pt from the page's bottom)."""
    p = Paragraph(escape(text), _style(font, size, color))
    p.wrap(width, H)
    p.drawOn(canvas, x, y)


def _table(canvas: Canvas, page: Page, regular: str, bold: str) -> None:
    """The page's rows as a table at 12 pt under the title, its footnote at the bottom."""
    width = W - 2 * MARGIN * PT
    cells = [[Paragraph(escape(t), _style(bold, SIZE, "#FFFFFF")) for t in page.header]]
    for r, row in enumerate(page.rows):
        texts = [escape(t) for t in row]
        if page.links and page.links[r]:  # the shown link links to the whole one
            href = escape(page.links[r], {'"': "&quot;"})
            texts[-1] = f'<link href="{href}">{texts[-1]}</link>'
        cells.append([Paragraph(t, _style(
            regular, SIZE, style.darker(style.polarity_color(page.polarities[r]))
            if page.kind in ("relations", "timeline") and c == 1 else style.LABEL_COLOR))
            for c, t in enumerate(texts)])
    table = Table(cells, colWidths=[width * f for f in page.widths], repeatRows=0)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), HexColor("#4F6B8A")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # the deck's cell padding, so both formats wrap alike (graph.briefing.fit)
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X), ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_Y), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor("#BBBBBB")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [HexColor("#FFFFFF"), HexColor("#F3F5F8")])]))
    _, h = table.wrapOn(canvas, width, H)
    table.drawOn(canvas, MARGIN * PT, H - TABLE_TOP * PT - h)
    if page.footnote:
        _paragraph(canvas, page.footnote, MARGIN * PT, 0.3 * PT, width, 12, regular,
                   "#555555")


def _with_picture(document: bytes, pictures: list[bytes], at: list[int], title: str) -> bytes:
    """The document with each picture's page scaled into the picture box of its page
    (``at``: page indices, in the pictures' order).

    Each picture goes in as a form XObject (its content stream copied as it is, its
    resources cloned) drawn by one ``cm … Do`` on the page: pypdf's page merge parsed every
    operator of the picture's stream, most of a pack's PDF time."""
    writer = PdfWriter(clone_from=io.BytesIO(document))
    left, top, width, height = PICTURE
    for i, (picture, index) in enumerate(zip(pictures, at, strict=True)):
        graph = PdfReader(io.BytesIO(picture)).pages[0]
        pw, ph = float(graph.mediabox.width), float(graph.mediabox.height)
        scale = min(width * PT / pw, height * PT / ph)
        x = left * PT + (width * PT - pw * scale) / 2
        y = H - top * PT - ph * scale
        _place(writer, index, graph, f"/Picture{i}", (scale, x, y))
    writer.add_metadata({"/Title": title, "/Creator": "relgraph", "/Producer": "relgraph"})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _place(writer: PdfWriter, index: int, source: PageObject, name: str,
           at: tuple[float, float, float]) -> None:
    """Draw page ``source`` on the writer's page ``index``, scaled by ``at[0]`` with its
    lower-left corner at ``(at[1], at[2])`` pt, as the form XObject ``name``."""
    contents: Any = source["/Contents"].get_object()
    parts = list(contents) if isinstance(contents, ArrayObject) else [contents]
    form = DecodedStreamObject()
    form.set_data(b"\n".join(part.get_object().get_data() for part in parts))
    source_resources: Any = source["/Resources"].get_object()
    form.update({NameObject("/Type"): NameObject("/XObject"),
                 NameObject("/Subtype"): NameObject("/Form"),
                 NameObject("/BBox"): RectangleObject(source.mediabox),
                 NameObject("/Resources"): source_resources.clone(writer)})
    ref = writer._add_object(form.flate_encode())
    page = writer.pages[index]
    resources: Any = page[NameObject("/Resources")].get_object()
    if "/XObject" not in resources:
        resources[NameObject("/XObject")] = DictionaryObject()
    resources["/XObject"].get_object()[NameObject(name)] = ref
    scale, x, y = at
    before, after = DecodedStreamObject(), DecodedStreamObject()
    before.set_data(b"q\n")  # the page's own drawing keeps its graphics state to itself
    after.set_data(f"\nQ q {scale:.6f} 0 0 {scale:.6f} {x:.4f} {y:.4f} cm {name} Do Q\n"
                   .encode())
    own: Any = page.raw_get("/Contents")  # the reference: a stream is never inline
    own_parts = list(own.get_object()) if isinstance(own.get_object(), ArrayObject) else [own]
    page[NameObject("/Contents")] = ArrayObject(
        [writer._add_object(before), *own_parts, writer._add_object(after)])
