"""How much room a pack's text takes, so that nothing runs off a slide or a PDF page: lines
of wrapped text measured with Helvetica's metrics (Arial's, the deck's font, and Liberation
Sans', the PDF's), the height of a table row from its tallest cell, and a one-line title
fitted by shrinking its type (never below a legible size) and then cutting it at a word.

The deck and the PDF pad a table cell alike (0.1 in either side, 0.05 in above and below:
python-pptx's defaults, and the PDF's table is set to them), so one estimate serves both and
every format breaks pages at the same rows (:mod:`graph.briefing.pages`)."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

__all__ = ["LEADING", "PAD_X", "PAD_Y", "fit_line", "lines", "row_height"]

PT = 72
LEADING = 1.2  # line height in font sizes
PAD_X, PAD_Y = 0.1 * PT, 0.05 * PT  # a table cell's padding either side, above and below


def _font(bold: bool) -> str:
    return "Helvetica-Bold" if bold else "Helvetica"


def lines(text: str, width: float, size: float, bold: bool = False) -> int:
    """Lines ``text`` takes wrapped at words in ``width`` pt at ``size`` pt (a word wider
    than the line, a link, breaks across lines as the deck and the PDF break it)."""
    font, n = _font(bold), 0
    space = stringWidth(" ", font, size)
    for paragraph in text.split("\n") or [""]:
        n += 1
        at = 0.0
        for word in paragraph.split():
            w = stringWidth(word, font, size)
            if at and at + space + w > width:
                n += 1
                at = 0.0
            while w > width:  # an unbreakable word fills whole lines
                n += 1
                w -= width
            at += (space if at else 0.0) + w
    return n


def row_height(
    cells: tuple[str, ...], widths: list[float], size: float, bold: bool = False
) -> float:
    """A table row's height in pt: its tallest cell's lines, padded (``widths``: the
    columns' widths in pt)."""
    return (
        max(
            lines(text, width - 2 * PAD_X, size, bold)
            for text, width in zip(cells, widths, strict=True)
        )
        * size
        * LEADING
        + 2 * PAD_Y
    )


def fit_line(
    text: str, width: float, size: float, least: float, bold: bool = False
) -> tuple[str, float]:
    """``text`` on one line ``width`` pt wide: at ``size`` pt if it fits, else at the size
    that fits down to ``least`` pt, and at ``least`` cut at a word with "…" if it is
    still too long. Returns (text, size).

    >>> fit_line("Short", 500, 28, 20)
    ('Short', 28)
    >>> text, size = fit_line("word " * 40, 500, 28, 20)
    >>> size, text.endswith(" …")
    (20, True)
    """
    text = " ".join(text.split())
    full = stringWidth(text, _font(bold), size)
    if full <= width:
        return text, size
    fitted = int(size * width / full * 2) / 2  # half points, rounded down
    if fitted >= least:
        return text, fitted
    words = text.split()
    while len(words) > 1 and stringWidth(" ".join(words) + " …", _font(bold), least) > width:
        words.pop()
    return " ".join(words) + " …", least
