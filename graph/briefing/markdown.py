"""The briefing pack as Markdown (GitHub-flavoured tables), with the deck's pages as
sections; the graph is the SVG written beside it, and each citation links to its source.
The analysts' notes on what a section shows close it, as a list (the deck's speaker notes:
:attr:`graph.briefing.pages.Page.notes`)."""

from __future__ import annotations

import re

from graph.briefing.content import Briefing
from graph.briefing.pages import pages

__all__ = ["markdown"]


def markdown(b: Briefing, picture: str, more: list[str] | None = None) -> str:
    """The pack as Markdown text; ``picture`` is the graph image's file name (relative),
    ``more`` those of the briefing's other pictures, in order."""
    others = iter(more or [])
    out = [f"# {_inline(b.title)}", ""]
    if b.subtitle:
        out += [f"*{_inline(b.subtitle)}*", ""]
    out += [f"![Actor network: {_inline(b.caption)}]({picture})", "", _inline(b.caption), ""]
    first, *rest = pages(b)
    out += _notes(first.notes)
    for page in rest:
        out += [f"## {_inline(page.title)}", ""]
        if page.kind == "picture":
            out += [f"![{_inline(page.title)}]({next(others)})", "", *_notes(page.notes)]
            continue
        out += ["| " + " | ".join(page.header) + " |",
                "| " + " | ".join("---" for _ in page.header) + " |"]
        for i, row in enumerate(page.rows):
            if page.kind == "sources":  # the whole link, as Markdown shows it as a link
                number, link = row[0].strip("[]"), page.links[i]
                row = (f'<a id="source-{number}"></a>{number}', _inline(row[1]),
                       _inline(row[2]), row[3], f"<{link}>" if link else "")
            else:
                row = tuple(_cite(_inline(cell)) for cell in row)
            out.append("| " + " | ".join(row) + " |")
        out.append("")
        if page.footnote:
            out += [_inline(page.footnote), ""]
        out += _notes(page.notes)
    out += ["---", "", "*" + _inline(b.notes) + "*", ""]
    return "\n".join(out)


def _notes(lines: tuple[str, ...]) -> list[str]:
    """A section's analysts' notes as a list under a bold heading (nothing without notes)."""
    if not lines:
        return []
    return ["**Analysts' notes**", "", *(f"- {_inline(line)}" for line in lines), ""]


def _inline(text: str) -> str:
    """Text safe in a Markdown table cell: no pipe, no line break, no HTML, no emphasis."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\|*_`\[\]])", r"\\\1", text)


def _cite(cell: str) -> str:
    """Citations ``\\[3\\]`` (escaped by :func:`_inline`) as links to their source's row."""
    return re.sub(r"\\\[(\d+)\\\]", r"[\\[\1\\]](#source-\1)", cell)
