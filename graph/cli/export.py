"""``relgraph export``: a slice of the graph as a data file (:mod:`graph.views.exports`) or a
briefing image (:mod:`graph.views.image`, drawn with the dashboard's view rules)."""

from __future__ import annotations

import functools
from typing import Any

import click
import networkx as nx

from graph.cli.commands import summary
from graph.cli.options import (
    SectionedCommand,
    SectionOption,
    db_option,
    open_store,
    slice_filters,
)
from graph.cli.output import write_output
from graph.core.choices import (
    COLOR_BY,
    EXPORT_FORMATS,
    IMAGE_FORMATS,
    LABEL_MODES,
    LAYOUTS,
    SIZE_BY,
    SIZES,
)
from graph.core.errors import (
    CurationError,
    EmptySliceError,
    InvalidValue,
    RelgraphError,
    UsageError,
)
from graph.core.model import GraphSlice
from graph.slices.build import build_graph
from graph.store.store import Store
from graph.views.exports import write_graph
from graph.views.image import image_bytes, page_size, slice_caption
from graph.views.rules import view_graph
from graph.views.typography import capacity

__all__ = ["actor_id", "export", "left_out"]

image_option = functools.partial(click.option, cls=SectionOption,
                                 section="Image options (png, svg, pdf)")


@click.command(cls=SectionedCommand, short_help=summary("export"))
@db_option
@click.option("--format", "-f", "fmt", required=True, type=click.Choice(EXPORT_FORMATS),
              help="a data format (every link of the slice) or an image format")
@click.option("--output", "-o", required=True, metavar="FILE", help="the file to write")
@slice_filters
@image_option("--title", help="image title (default 'relgraph: actor network')")
@image_option("--layout", type=click.Choice(LAYOUTS), default="spring", show_default=True,
              help="image layout")
@image_option("--width", type=int, metavar="PX", help="image width in px")
@image_option("--height", type=int, metavar="PX", help="image height in px")
@image_option("--size", type=click.Choice(tuple(SIZES)),
              help="image page size instead of width/height")
@image_option("--dpi", type=int, metavar="N", default=150, show_default=True,
              help="raster resolution")
@image_option("--labels", type=click.Choice(LABEL_MODES), default="top", show_default=True,
              help="label every actor, only the strongest, or none")
@image_option("--subtitle", default="", help="a line under the image title")
@image_option("--sources", is_flag=True,
              help="list the articles (title, outlet, date) under the image caption")
@image_option("--color-by", type=click.Choice(COLOR_BY), default="type", show_default=True,
              help="colour actors by type or by community")
@image_option("--size-by", type=click.Choice(SIZE_BY), default="mentions", show_default=True,
              help="what node size shows")
@image_option("--focus", metavar="ACTOR", help="draw this actor's neighbourhood, highlighted "
                                               "(a name as 'relgraph actors' prints it)")
@image_option("--depth", type=click.IntRange(1, 3), metavar="N", default=1,
              show_default=True, help="steps around --focus")
@image_option("--path", nargs=2, metavar="FROM TO",
              help="highlight a shortest path between two actors")
@image_option("--periods", metavar="START:END,...",
              help="small multiples: 2-6 periods side by side, each a year, month or day "
                   "range (2024-01:2024-06,2024-07:), actors at the same places")
@image_option("--compare", metavar="START:END,START:END",
              help="what changed between two periods: links coloured new, stronger, "
                   "weaker, gone")
def export(db: str | None, fmt: str, output: str, graph_slice: GraphSlice, top: int | None,
           title: str | None, layout: str, width: int | None, height: int | None,
           size: str | None, dpi: int, labels: str, subtitle: str, sources: bool,
           color_by: str, size_by: str, focus: str | None, depth: int,
           path: tuple[str, str] | None, periods: str | None, compare: str | None) -> int:
    """Export a slice of the graph: data (json, graphml, gexf, csv) with every link of the
    slice, or a briefing image (png, svg, pdf) drawn as the dashboard draws it; the image
    options apply to images only.

    Example: relgraph export --format graphml -o kim.graphml --since 2024-01-01
    """
    image = fmt in IMAGE_FORMATS
    store = open_store(db)
    known = {a["id"] for a in store.articles(graph_slice.articles)} if graph_slice.articles \
        else set()
    missing = [a for a in graph_slice.articles if a not in known]
    if missing:
        raise UsageError(f"unknown article id(s): {', '.join(missing)}")
    if size and (width or height):
        raise UsageError("use either --size or --width/--height, not both")
    if periods or compare:
        option = "--periods" if periods else "--compare"
        if not image or focus or path or sources or (periods and compare):
            raise UsageError(f"{option} draws an image (png, svg, pdf) of the whole slice: "
                             "leave out --focus, --path, --sources and the other of "
                             "--periods/--compare")
        return _periods(store, graph_slice, periods, compare, fmt, output, top=top,
                        title=title,
                        subtitle=subtitle, width=width, height=height, size=size, dpi=dpi,
                        layout=layout, labels=labels, size_by=size_by, color_by=color_by)
    if not image:
        from graph.views.notes import attach_notes  # a data export's notes: not for images

        G = attach_notes(build_graph(store, graph_slice, top=top, evidence=True), store)
        try:
            written = write_graph(G, fmt, output)
        except OSError as exc:
            raise RelgraphError(f"cannot write {output}: {exc.strerror or exc}") from None
        omitted = ""
    else:
        focus_id = actor_id(store, focus) if focus else None
        ends = (actor_id(store, path[0]), actor_id(store, path[1])) if path else None
        # the dashboard's view rules (top N, links per actor), so both draw the same picture;
        # by default as many actors as the page holds with every name legible
        try:
            fits = capacity(*page_size(width, height, size), size)
        except InvalidValue as exc:
            raise UsageError(str(exc)) from None
        G = view_graph(store, graph_slice, top=fits if top is None else top or None,
                       focus=focus_id, depth=depth, path=ends)
        omitted = left_out(G, fits)
        # the caption needs the articles' dates; titles only for --sources or an article list
        shown = set(G.graph["articles"])
        arts = (store.articles(G.graph["articles"]) if sources or graph_slice.articles
                else [a for a in store.article_dates() if a["id"] in shown])
        label = _labeller(G)
        caption = slice_caption(graph_slice, arts, shown=G.number_of_nodes(),
                                total=G.graph["total_actors"], focus=label(focus_id),
                                depth=depth, path=[label(v) for v in G.graph["path"]])
        try:
            data = image_bytes(G, fmt, title=title, caption=caption, subtitle=subtitle,
                               sources=arts if sources else None, layout=layout,
                               width=width, height=height, size=size, dpi=dpi, labels=labels,
                               size_by=size_by, color_by=color_by)
        except EmptySliceError as exc:
            raise UsageError(str(exc)) from None
        written = [write_output(output, data, parents=True)]
    click.echo(f"wrote {', '.join(map(str, written))}: {G.number_of_nodes()} actors, "
               f"{G.number_of_edges()} edges" + (f" ({omitted})" if omitted else ""))
    return 0


def _periods(store: Store, sl: GraphSlice, periods: str | None, compare: str | None,
             fmt: str, output: str, *, width: int | None, height: int | None,
             size: str | None, **options: Any) -> int:
    """``--periods`` (small multiples) or ``--compare`` (what changed) images, from
    :mod:`graph.views.periods`."""
    # imported for these images only: the one-view image's start-up does without it
    from graph.views.periods import compare_image, periods_image

    try:
        w, h = page_size(width, height, size)
        if periods:
            data, graphs = periods_image(store, sl, periods, fmt, width=w, height=h,
                                         size=size, **options)
            said = f"{len(graphs)} periods, " + ", ".join(
                f"{G.number_of_nodes()} actors" for G in graphs)
        else:
            data, G, counts = compare_image(store, sl, str(compare), fmt, width=w, height=h,
                                            size=size, **options)
            said = f"{G.number_of_nodes()} actors, links " + ", ".join(
                f"{n} {change}" for change, n in counts.items())
    except (InvalidValue, EmptySliceError) as exc:
        raise UsageError(str(exc)) from None
    written = write_output(output, data, parents=True)
    click.echo(f"wrote {written}: {said}")
    return 0


def left_out(G: nx.Graph, fits: int) -> str:
    """What the view left out ("showing 25 of 1,431 actors; --top 0 for all"); warns on
    stderr, before the drawing starts, when more actors are drawn than fit legibly."""
    shown, total = G.number_of_nodes(), G.graph.get("total_actors", G.number_of_nodes())
    if shown > fits:
        click.echo(f"warning: {shown:,} actors are more than this page shows legibly ({fits}):"
                   f" names only where they fit; --top {fits} for a readable image", err=True)
    return f"showing {shown:,} of {total:,} actors; --top 0 for all" if shown < total else ""


def actor_id(store: Store, name: str) -> str:
    """The id of the actor ``name`` means (an id, label, name or surface form); one line
    listing the candidates if it is unknown or ambiguous."""
    # pydantic (the alias files' models) comes with the curation code: only for --focus/--path
    from graph.curation.decisions import find_actor

    try:
        return find_actor(store, name).id
    except CurationError as exc:
        raise UsageError(str(exc)) from None


def _labeller(G: nx.Graph):  # noqa: ANN202
    """A function giving a node's label (the node itself when it has none, None for None)."""

    def label(v: object) -> str | None:
        return None if v is None else str(G.nodes[v].get("label", v)) if v in G else str(v)

    return label

