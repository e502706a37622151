"""The pages of a briefing pack, the same for the deck, the PDF and the Markdown: the graph
page, then the key relations, the actors and the sources, as plain rows of text.

Every format breaks pages at the same rows: a table page takes at most five relation rows,
twelve timeline rows, twelve actors or fifteen sources, and fewer when their text, wrapped at
12 pt in its column, would run past the footnote (:mod:`graph.briefing.fit`: long headlines,
outlets and links wrap to several lines and would otherwise run off the slide).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from graph.briefing.content import Briefing, RelationRow
from graph.briefing.fit import row_height
from graph.views.notes import note_lines
from graph.views.style import TYPE_LABELS

__all__ = ["PAGE_INCHES", "Page", "pages", "short_link"]

PAGE_INCHES = (13.333, 7.5)  # a 16:9 slide; the PDF's pages are the same size
RELATIONS_PER_PAGE = 5
ACTORS_PER_PAGE = 12
SOURCES_PER_PAGE = 15
TIMELINE_PER_PAGE = 12
MARGIN = 0.45  # inches either side of a table
TABLE_TOP, TABLE_BOTTOM = 1.0, 6.95  # inches from the top: under the title, over the footnote
SIZE = 12  # a table's type, pt
LINK = 50  # characters of a link a sources row shows
T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    """One page: ``kind`` is graph, picture (one of the briefing's ``pictures``, in order),
    relations, timeline, actors or sources; a table page has a
    ``header``, ``rows`` and column ``widths`` (fractions of the page's text width)."""

    kind: str
    title: str
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    widths: tuple[float, ...] = ()
    footnote: str = ""
    polarities: tuple[str, ...] = ()  # per row of a relations page, for its colour
    #: The analysts' notes on the actors and links the page shows, one line each (the
    #: deck's speaker notes).
    notes: tuple[str, ...] = ()
    #: Per row of a sources page, its article's whole link (the row shows it shortened:
    #: :func:`short_link`; the deck and the PDF link the shown text to it).
    links: tuple[str, ...] = ()


def pages(b: Briefing) -> list[Page]:
    """The pack's pages in order."""
    G = b.graph
    out = [Page("graph", b.title, notes=tuple(note_lines(
               G, sorted(G, key=lambda v: str(G.nodes[v].get("label", v))),
               sorted(G.edges, key=lambda e: (str(G.nodes[e[0]].get("label", e[0])),
                                             str(G.nodes[e[1]].get("label", e[1]))))))),
           *(Page("picture", title) for title, _ in b.pictures)]
    header: tuple[str, ...] = ("Who", "Did what", "To whom", "When", "Evidence")
    widths: tuple[float, ...] = (0.14, 0.16, 0.14, 0.09, 0.47)
    rel = fitted(b.relations, relation_cells, header, widths, RELATIONS_PER_PAGE)
    for i, chunk in enumerate(rel):
        out.append(Page("relations", _numbered("Key relations", i, len(rel)), header,
                        tuple(relation_cells(r) for r in chunk), widths,
                        "Strongest typed relations among the actors drawn, by supporting "
                        "sentences; [n]: the source of the quoted sentence (Sources page).",
                        tuple(r.polarity for r in chunk), _relation_notes(b, chunk)))
    if b.period and b.relations:  # a slice with a period: its key events in date order
        events = sorted(b.relations, key=lambda r: (r.when or "9999", r.citation))
        header, widths = ("When", "What happened", "Source"), (0.14, 0.74, 0.12)
        chunks = fitted(events, _event_cells, header, widths, TIMELINE_PER_PAGE)
        for i, chunk in enumerate(chunks):
            out.append(Page("timeline", _numbered(f"Timeline, {b.period}", i, len(chunks)),
                            header, tuple(_event_cells(r) for r in chunk), widths,
                            "The key relations in the order of their quoted articles' dates.",
                            tuple(r.polarity for r in chunk), _relation_notes(b, chunk)))
    if b.actors:
        out.append(Page("actors", "Actors", ("Actor", "Type", "Mentions", "First seen",
                                             "Last seen", "Other names"),
                        tuple((a.label, TYPE_LABELS.get(a.type, a.type), f"{a.mentions:,}",
                               a.first_seen or "", a.last_seen or "",
                               ", ".join(a.other_names)) for a in b.actors),
                        (0.22, 0.12, 0.1, 0.11, 0.11, 0.34),
                        notes=tuple(note_lines(G, [a.id for a in b.actors]))))
    header, widths = ("#", "Title", "Outlet", "Date", "Link"), (0.05, 0.45, 0.15, 0.1, 0.25)

    def source(s) -> tuple[str, ...]:  # noqa: ANN001
        return (f"[{s.number}]", s.title, s.outlet, s.date or "undated", short_link(s.url))
    src = fitted(b.sources, source, header, widths, SOURCES_PER_PAGE)
    for i, listed in enumerate(src):
        last = i == len(src) - 1
        out.append(Page("sources", _numbered("Sources", i, len(src)), header,
                        tuple(source(s) for s in listed), widths,
                        f"… and {b.more_sources:,} more articles in the slice"
                        if last and b.more_sources else "", links=tuple(s.url for s in listed)))
    return out


def fitted(items: Sequence[T], cells: Callable[[T], tuple[str, ...]],
           header: tuple[str, ...], widths: tuple[float, ...], most: int) -> list[list[T]]:
    """``items`` in page-sized runs: at most ``most`` a page, and no more than fill the
    table's room from under the title to over the footnote with their cells wrapped at
    12 pt in columns ``widths`` (fractions of the table's width). A row taller than a
    page alone gets a page of its own."""
    columns = [f * (PAGE_INCHES[0] - 2 * MARGIN) * 72 for f in widths]
    room = (TABLE_BOTTOM - TABLE_TOP) * 72 - row_height(header, columns, SIZE, bold=True)
    out: list[list[T]] = []
    used = 0.0
    for item in items:
        height = row_height(cells(item), columns, SIZE)
        if not out or len(out[-1]) == most or used + height > room:
            out.append([])
            used = 0.0
        out[-1].append(item)
        used += height
    return out


def short_link(url: str, limit: int = LINK) -> str:
    """A link as a sources row shows it: without its scheme and "www.", cut to ``limit``
    characters with "…" (a news link runs to 150 and took four lines of its column).

    >>> short_link("https://www.example.org/a")
    'example.org/a'
    >>> short_link("https://example.org/" + "long-slug-" * 9, 30)
    'example.org/long-slug-long-slu…'
    """
    shown = re.sub(r"^[a-z][a-z0-9+.-]*://(www\.)?", "", url, flags=re.IGNORECASE)
    return shown if len(shown) <= limit else shown[:limit].rstrip("/") + "…"


def _event_cells(r: RelationRow) -> tuple[str, ...]:
    return (r.when or "undated", f"{r.source} {r.verb} {r.target}", f"[{r.citation}]")


def _relation_notes(b: Briefing, rows: list[RelationRow]) -> tuple[str, ...]:
    """The notes on the rows' actors, then on the links between them."""
    return tuple(note_lines(b.graph, [v for r in rows for v in r.ends],
                            [r.ends for r in rows]))


def relation_cells(r: RelationRow) -> tuple[str, ...]:
    """A relation as the cells of its row."""
    return (r.source, f"{r.verb} ({r.kind}: {r.category}; {r.polarity})", r.target,
            r.when or "undated", f"“{r.sentence}” [{r.citation}] ({r.count:,} "
                                 f"sentence{'' if r.count == 1 else 's'})")


def _numbered(title: str, i: int, n: int) -> str:
    return title if n == 1 else f"{title} ({i + 1}/{n})"
