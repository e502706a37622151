"""The pages of a briefing pack, the same for the deck, the PDF and the Markdown: the graph
page, then the key relations, the actors and the sources, as plain rows of text.

Rows per page are fixed so that every format breaks pages at the same rows: at 12 pt, five
relation rows (each with a quoted sentence of up to about 200 characters), twelve actors or
fifteen sources fill a 16:9 slide under its title.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.briefing.content import Briefing, RelationRow
from graph.views.notes import note_lines
from graph.views.style import TYPE_LABELS

__all__ = ["PAGE_INCHES", "Page", "pages"]

PAGE_INCHES = (13.333, 7.5)  # a 16:9 slide; the PDF's pages are the same size
RELATIONS_PER_PAGE = 5
ACTORS_PER_PAGE = 12
SOURCES_PER_PAGE = 15
TIMELINE_PER_PAGE = 12


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


def pages(b: Briefing) -> list[Page]:
    """The pack's pages in order."""
    G = b.graph
    out = [Page("graph", b.title, notes=tuple(note_lines(
               G, sorted(G, key=lambda v: str(G.nodes[v].get("label", v))),
               sorted(G.edges, key=lambda e: (str(G.nodes[e[0]].get("label", e[0])),
                                             str(G.nodes[e[1]].get("label", e[1]))))))),
           *(Page("picture", title) for title, _ in b.pictures)]
    rel = [b.relations[i:i + RELATIONS_PER_PAGE]
           for i in range(0, len(b.relations), RELATIONS_PER_PAGE)]
    for i, chunk in enumerate(rel):
        out.append(Page("relations", _numbered("Key relations", i, len(rel)),
                        ("Who", "Did what", "To whom", "When", "Evidence"),
                        tuple(relation_cells(r) for r in chunk), (0.14, 0.16, 0.14, 0.09, 0.47),
                        "Strongest typed relations among the actors drawn, by supporting "
                        "sentences; [n]: the source of the quoted sentence (Sources page).",
                        tuple(r.polarity for r in chunk), _relation_notes(b, chunk)))
    if b.period and b.relations:  # a slice with a period: its key events in date order
        events = sorted(b.relations, key=lambda r: (r.when or "9999", r.citation))
        chunks = [events[i:i + TIMELINE_PER_PAGE]
                  for i in range(0, len(events), TIMELINE_PER_PAGE)]
        for i, chunk in enumerate(chunks):
            out.append(Page("timeline", _numbered(f"Timeline, {b.period}", i, len(chunks)),
                            ("When", "What happened", "Source"),
                            tuple((r.when or "undated", f"{r.source} {r.verb} {r.target}",
                                   f"[{r.citation}]") for r in chunk), (0.14, 0.74, 0.12),
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
    src = [b.sources[i:i + SOURCES_PER_PAGE]
           for i in range(0, len(b.sources), SOURCES_PER_PAGE)]
    for i, listed in enumerate(src):
        last = i == len(src) - 1
        out.append(Page("sources", _numbered("Sources", i, len(src)),
                        ("#", "Title", "Outlet", "Date", "Link"),
                        tuple((f"[{s.number}]", s.title, s.outlet, s.date or "undated", s.url)
                              for s in listed), (0.05, 0.45, 0.15, 0.1, 0.25),
                        f"… and {b.more_sources:,} more articles in the slice"
                        if last and b.more_sources else ""))
    return out


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
