"""``relgraph brief``: a slice's briefing pack — a PowerPoint deck, a PDF with the same pages
and a Markdown version (:mod:`graph.briefing`), drawn with the dashboard's view rules."""

from __future__ import annotations

import click

from graph.briefing.content import RELATIONS, build_briefing
from graph.briefing.overtime import over_time
from graph.briefing.pack import write_pack
from graph.cli.commands import summary
from graph.cli.export import actor_id, left_out
from graph.cli.options import SectionedCommand, db_option, open_store, slice_filters
from graph.core.choices import BRIEF_FORMATS, DEFAULT_TOP
from graph.core.errors import (
    EmptySliceError,
    InvalidValue,
    RelgraphError,
    UsageError,
)
from graph.core.model import GraphSlice
from graph.slices.corpus import Corpus
from graph.views.captions import plural

__all__ = ["brief"]


@click.command(cls=SectionedCommand, short_help=summary("brief"))
@db_option
@click.option("--output", "-o", required=True, metavar="STEM",
              help="where to write: STEM.pptx, STEM.pdf, STEM.md (with STEM.svg)")
@click.option("--format", "-f", "formats", multiple=True, type=click.Choice(BRIEF_FORMATS),
              help="only these formats (repeatable; default: all)")
@slice_filters
@click.option("--title", default="relgraph briefing", show_default=True,
              help="the pack's title")
@click.option("--subtitle", default="", help="a line under the title")
@click.option("--relations", type=click.IntRange(0, 50), default=RELATIONS, show_default=True,
              metavar="N", help="key relations listed")
@click.option("--focus", metavar="ACTOR", help="brief on this actor's neighbourhood")
@click.option("--depth", type=click.IntRange(1, 3), metavar="N", default=1,
              show_default=True, help="steps around --focus")
@click.option("--path", nargs=2, metavar="FROM TO",
              help="highlight a shortest path between two actors")
@click.option("--periods", metavar="START:END,...",
              help="add the network over time: 2-6 periods side by side (as relgraph export "
                   "--periods), and what changed when there are two")
def brief(db: str | None, output: str, formats: tuple[str, ...], graph_slice: GraphSlice,
          top: int | None, title: str, subtitle: str, relations: int, focus: str | None,
          depth: int, path: tuple[str, str] | None, periods: str | None) -> int:
    """Write a briefing pack for a slice: the graph slide (speaker notes say how it was
    made), its key relations with a quoted sentence and source each, its actors and its
    sources, as a PowerPoint deck, a PDF with the same pages and Markdown.

    Example: relgraph brief -o out/summit --since 2024-06-01 --title "Summit week"
    """
    store = open_store(db)
    known = {a["id"] for a in store.articles(graph_slice.articles)} if graph_slice.articles \
        else set()
    missing = [a for a in graph_slice.articles if a not in known]
    if missing:
        raise UsageError(f"unknown article id(s): {', '.join(missing)}")
    focus_id = actor_id(store, focus) if focus else None
    ends = (actor_id(store, path[0]), actor_id(store, path[1])) if path else None
    try:
        # read once when there are periods: the pack's view and its periods share it (else
        # the default view is read for its actors alone: graph.slices.top_view)
        corpus = Corpus.load(store) if periods else None
        b = build_briefing(store, graph_slice, top=top, focus=focus_id, depth=depth,
                           path=ends, relations=relations, title=title, subtitle=subtitle,
                           corpus=corpus)
        if periods:
            b.pictures = over_time(store, graph_slice, periods, corpus)
        omitted = left_out(b.graph, DEFAULT_TOP)
        written = write_pack(b, output, formats or BRIEF_FORMATS)
    except (EmptySliceError, InvalidValue) as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise RelgraphError(f"cannot write {output}: {exc.strerror or exc}") from None
    click.echo(f"wrote {', '.join(map(str, written))}: {len(b.graph)} actors, "
               f"{len(b.relations)} key relations, {len(b.sources)} sources"
               + (f", {plural(len(b.pictures), 'page')} over time" if b.pictures else "")
               + (f" ({omitted})" if omitted else ""))
    return 0
