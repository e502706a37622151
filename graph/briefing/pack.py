"""A briefing pack drawn and written: the graph picture laid out once and rendered in the
formats the pack needs (PNG for the deck, PDF for the PDF, SVG for the Markdown), then the
files. The picture has no title or caption of its own: each page sets them as text."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from graph.briefing.content import Briefing
from graph.briefing.deck import PICTURE, deck_bytes
from graph.briefing.document import pdf_bytes
from graph.briefing.markdown import markdown
from graph.core.choices import BRIEF_FORMATS, DEFAULT_TOP
from graph.core.errors import InvalidValue
from graph.views.image import DEFAULT_TITLE, figure, figure_bytes, figure_renders

__all__ = ["PICTURE_PX", "pack_files", "pack_zip", "picture", "write_pack"]

#: The picture in CSS px: the slide's width at 120 px an inch (so its type keeps the
#: 13.33 in slide rule of :mod:`graph.views.typography`) by the picture box's height.
PICTURE_PX = (1600, round(1600 * PICTURE[3] / PICTURE[2]))
#: The deck's PNG: 2,000 px across the slide's 13.33 in (150 px an inch; a 1080p projector
#: shows a slide 1,920 px wide), from the 1,600 CSS px picture. At 200 (3,333 px) drawing
#: and encoding took three times as long for detail no projector shows.
PNG_DPI = 120


def picture(b: Briefing) -> dict:
    """The graph page's figure: the view at the slide's type sizes, untitled."""
    return figure(b.graph, width=PICTURE_PX[0], height=PICTURE_PX[1], titled=False,
                  fits=DEFAULT_TOP)


def pack_files(b: Briefing, stem: str, formats: Sequence[str] = BRIEF_FORMATS
               ) -> dict[str, bytes]:
    """File name → bytes of the pack in ``formats`` (``md`` comes with its SVG pictures:
    STEM.svg, and STEM-1.svg … for the briefing's other pictures)."""
    unknown = [f for f in formats if f not in BRIEF_FORMATS]
    if unknown or not formats:
        raise InvalidValue(f"unknown pack format {', '.join(unknown)!r}; choose from "
                           f"{', '.join(BRIEF_FORMATS)}")
    more = [f for _, f in b.pictures]
    # the graph's renders from one drawing: PNG for the deck, PDF for the PDF, SVG for md
    wanted = [r for r, f in ((("png", PNG_DPI, DEFAULT_TITLE), "pptx"),
                             (("pdf", 150, b.title), "pdf"), (("svg", 150, DEFAULT_TITLE), "md"))
              if f in formats]
    graph = dict(zip([r[0] for r in wanted], figure_renders(picture(b), wanted), strict=True))
    files: dict[str, bytes] = {}
    if "pptx" in formats:
        files[f"{stem}.pptx"] = deck_bytes(b, graph["png"],
                                           [figure_bytes(f, "png", PNG_DPI) for f in more])
    if "pdf" in formats:
        files[f"{stem}.pdf"] = pdf_bytes(b, graph["pdf"],
                                         [figure_bytes(f, "pdf", title=t)
                                          for t, f in b.pictures])
    if "md" in formats:
        files[f"{stem}.svg"] = graph["svg"]
        names = [f"{stem}-{i}.svg" for i in range(1, len(more) + 1)]
        files.update((name, figure_bytes(f, "svg")) for name, f in zip(names, more,
                                                                       strict=True))
        files[f"{stem}.md"] = markdown(b, f"{stem}.svg", names).encode()
    return files


def write_pack(b: Briefing, stem: str | Path, formats: Sequence[str] = BRIEF_FORMATS
               ) -> list[Path]:
    """Write the pack beside ``stem`` (``out/brief`` → ``out/brief.pptx``, ``.pdf``, ``.md``
    and ``.svg``); returns the paths written. Every file is rendered before any is written,
    so a failure leaves nothing half-written."""
    stem = Path(stem)
    files = pack_files(b, stem.name, formats)
    stem.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in files.items():
        path = stem.parent / name
        path.write_bytes(data)
        written.append(path)
    return written


def pack_zip(b: Briefing, stem: str = "relgraph-briefing") -> bytes:
    """The whole pack as one zip (the dashboard's download)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in pack_files(b, stem).items():
            z.writestr(name, data)
    return out.getvalue()
