"""The ``relgraph`` command: parse arguments, call one library function, print the result."""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from graph.cli.serve import add_serve_command
from graph.core.cameo import QUAD_CLASSES, ROOTS
from graph.core.errors import UsageError
from graph.core.model import ACTOR_TYPES, GraphSlice
from graph.names.forms import relation_kinds

__all__ = ["main"]

IMAGE_FORMATS = ("png", "svg", "pdf")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``relgraph`` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        code = _run(args)
        sys.stdout.flush()  # a reader that went away shows here, not at the exit's flush
    except BrokenPipeError:
        # `relgraph stats | head -1`: the reader has what it wanted. Stop quietly, with the
        # status of a program ended by SIGPIPE (128 + 13), as `cat` or `ls` would; what is
        # still buffered goes to /dev/null so the flush at exit does not fail again.
        _discard_stdout()
        return 141
    return code


def _run(args: argparse.Namespace) -> int:
    try:
        return args.func(args) or 0
    except UsageError as exc:
        print(f"relgraph: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("relgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        raise
    except Exception as exc:  # noqa: BLE001 — known failure types carry a one-line message
        from graph.curation.aliasfile import AliasError
        from graph.curation.decisions import CurationError
        from graph.extraction.nlp import ModelMissingError
        from graph.store.store import ReadOnlyError, StaleViewError, StoreError

        if isinstance(exc, ReadOnlyError):
            print(f"relgraph: error: {exc}", file=sys.stderr)
            return 1
        if isinstance(exc, CurationError | StaleViewError | StoreError):
            print(f"relgraph: error: {exc}", file=sys.stderr)
            return 2
        if isinstance(exc, ModelMissingError | AliasError | ValueError | OSError):
            print(f"relgraph: error: {exc}", file=sys.stderr)
            return 1
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError):
            from graph.store.engine import database_url, describe_error

            url = database_url(getattr(args, "db", None))
            print(f"relgraph: error: {describe_error(url, exc)}", file=sys.stderr)
            return 2
        raise


def _discard_stdout() -> None:
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="relgraph",
        description="Turn news articles into a relationship graph you can explore and brief "
                    "from.")
    p.add_argument("--version", action="version",
                   version=f"relgraph {importlib.metadata.version('relgraph')}")
    sub = p.add_subparsers(metavar="COMMAND", dest="command")

    s = sub.add_parser("ingest", help="read articles and extract actors and relations",
                       description="Read articles into the store: files or directories (.txt "
                                   ".md .html .jsonl .json .csv .pdf .docx .eml .mbox .rss "
                                   ".atom .xml), web pages and feeds by URL. Example: relgraph "
                                   "ingest seeds https://example.org/news/story.html")
    s.add_argument("paths", nargs="*", metavar="PATH_OR_URL",
                   help="files, directories or http(s) URLs (none: only bring stale "
                        "extractions and actors up to date)")
    s.add_argument("--urls", action="append", default=[], metavar="FILE",
                   help="a file of URLs to fetch, one per line (repeatable)")
    s.add_argument("--since", type=_date, help="feeds: only entries from this date "
                                               "(YYYY-MM-DD)")
    s.add_argument("--timeout", type=float, default=20.0,
                   help="seconds to wait for a web server (default 20)")
    _db(s)
    s.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1)")
    s.add_argument("--dask", metavar="ADDRESS",
                   help="parse on a Dask cluster: a scheduler address (tcp://host:8786) or "
                        "'local' for a local cluster of --jobs workers")
    s.add_argument("--replace", action="store_true",
                   help="let articles take over ids that articles from other files hold")
    s.add_argument("--model", help="spaCy model (default: $RELGRAPH_MODEL or the best "
                                   "installed English model)")
    s.add_argument("--aliases", help="alias file (TOML) to import as decisions first "
                                     "(default: aliases.toml next to the db, once)")
    s.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("export", help="write the graph (or a slice) as data or an image",
                       description="Export a slice of the graph. Example: relgraph export "
                                   "--format graphml -o kim.graphml --since 2024-01-01")
    _db(s)
    s.add_argument("--format", "-f", required=True,
                   choices=("json", "graphml", "gexf", "csv", *IMAGE_FORMATS))
    s.add_argument("--output", "-o", required=True, metavar="FILE")
    _filters(s)
    g = s.add_argument_group("image options (png, svg, pdf)")
    g.add_argument("--title", help="image title (default 'relgraph: actor network')")
    g.add_argument("--layout", default="spring",
                   choices=("spring", "kamada-kawai", "circular", "shell"))
    g.add_argument("--width", type=int, help="width in px")
    g.add_argument("--height", type=int, help="height in px")
    g.add_argument("--size", choices=("A4", "16:9"), help="page size instead of width/height")
    g.add_argument("--dpi", type=int, default=150, help="raster resolution (default 150)")
    g.add_argument("--labels", default="top", choices=("all", "top", "none"),
                   help="label every actor, only the strongest (default), or none")
    g.add_argument("--subtitle", default="", help="a line under the title")
    g.add_argument("--sources", action="store_true",
                   help="list the articles (title, outlet, date) under the caption")
    g.add_argument("--color-by", default="type", choices=("type", "community"),
                   help="colour actors by type (default) or by community")
    g.add_argument("--size-by", default="mentions",
                   choices=("mentions", "degree", "weighted degree"),
                   help="what node size shows (default mentions)")
    g.add_argument("--focus", metavar="ACTOR", help="draw this actor's neighbourhood, "
                   "highlighted (a name as 'relgraph actors' prints it)")
    g.add_argument("--depth", type=int, default=1, choices=(1, 2, 3),
                   help="steps around --focus (default 1)")
    g.add_argument("--path", nargs=2, metavar=("FROM", "TO"),
                   help="highlight a shortest path between two actors")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("actors", help="list actors by mentions",
                       description="List resolved actors. Example: relgraph actors --top 20")
    _db(s)
    s.add_argument("--top", type=int, default=30, help="how many (default 30; 0 = all)")
    s.add_argument("--type", action="append", choices=ACTOR_TYPES, dest="types")
    s.add_argument("--hidden", action="store_true", help="list the hidden actors instead")
    s.set_defaults(func=cmd_actors)

    s = sub.add_parser("articles", help="list articles with their ids",
                       description="List stored articles: id (for --article), date, source, "
                                   "title, words and actors. Example: relgraph articles "
                                   "--since 2024-01-01")
    _db(s)
    s.add_argument("--since", type=_date, help="from this date (YYYY-MM-DD)")
    s.add_argument("--until", type=_date, help="up to this date (YYYY-MM-DD)")
    s.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    s.set_defaults(func=cmd_articles)

    s = sub.add_parser("stats", help="counts of articles, actors and relations",
                       description="Summarise the store. Example: relgraph stats")
    _db(s)
    s.set_defaults(func=cmd_stats)

    from graph.cli.curation import add_curation_commands

    add_serve_command(sub, _db, _store)

    add_curation_commands(sub, _db, _store)
    return p


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="database file or SQLAlchemy URL (default: $RELGRAPH_DB or "
                                "relgraph.db)")


def _filters(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("slice filters")
    g.add_argument("--article", action="append", default=[], metavar="ID",
                   help="only these articles (repeatable)")
    g.add_argument("--since", type=_date, help="from this date (YYYY-MM-DD)")
    g.add_argument("--until", type=_date, help="up to this date (YYYY-MM-DD)")
    g.add_argument("--no-undated", action="store_true", help="leave out undated articles")
    g.add_argument("--type", action="append", default=[], choices=ACTOR_TYPES, dest="types",
                   help="only these actor types (repeatable)")
    g.add_argument("--kind", action="append", default=[], dest="kinds", metavar="KIND",
                   choices=relation_kinds(),
                   help="only these relation kinds (repeatable): " + ", ".join(relation_kinds()))
    g.add_argument("--root", action="append", default=[], dest="roots", metavar="CODE",
                   choices=sorted(ROOTS), help="only relations under these CAMEO root "
                                               "categories (repeatable): 01 .. 20")
    g.add_argument("--quad", action="append", default=[], dest="quads", metavar="CLASS",
                   choices=[q.replace(" ", "-") for q in QUAD_CLASSES.values()],
                   help="only relations of these QuadClasses (repeatable): "
                        + ", ".join(q.replace(" ", "-") for q in QUAD_CLASSES.values()))
    g.add_argument("--min-weight", type=int, default=1, help="drop weaker edges")
    g.add_argument("--top", type=int, help="keep the N strongest actors")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bad date {text!r} (use YYYY-MM-DD)") from None


def _store(args: argparse.Namespace, must_exist: bool = True,  # noqa: ANN202
           write: bool = False):
    """The store ``--db`` names; ``write``: the command changes it, so a database this
    process can only read is one line (exit 1) before any work starts."""
    from graph.store.store import ReadOnlyError, Store

    store = Store(args.db, create=not must_exist)
    if write and store.read_only:
        raise ReadOnlyError(f"'{args.command}' needs write access to {store.engine.url.database}"
                            f" ({store.read_only}); stats, actors, articles, export and serve "
                            "--read-only can read it")
    return store


def cmd_ingest(args: argparse.Namespace) -> int:
    from graph.pipeline.driver import ingest
    from graph.readers.articles import ReadOptions
    from graph.readers.web import Fetcher

    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.dask and args.dask != "local" and "://" not in args.dask:
        raise UsageError("--dask takes a scheduler address (tcp://host:8786) or 'local'")
    if args.dask and importlib.util.find_spec("dask") is None:
        raise UsageError("--dask needs Dask: pip install 'relgraph[dask]'")
    if args.timeout <= 0:
        raise UsageError("--timeout must be positive")
    store = _store(args, must_exist=False, write=True)
    # the command line fetches for its own user: local and private addresses are allowed
    with Fetcher(timeout=args.timeout, public_only=False) as fetcher:
        options = ReadOptions(since=args.since, fetcher=fetcher, url_files=tuple(args.urls))
        summary = ingest(args.paths, store, model=args.model, jobs=args.jobs,
                         aliases=args.aliases, progress=not args.quiet, replace=args.replace,
                         dask=args.dask, read_options=options)
    if not args.quiet:
        for line in summary.lines():
            print(line)
    return 1 if summary.failed else 0


def slice_from(args: argparse.Namespace) -> GraphSlice:
    """The slice described by the filter options."""
    if args.since and args.until and args.since > args.until:
        raise UsageError("--since is after --until")
    kinds = list(args.kinds)
    if args.roots or args.quads:
        from graph.core.cameo import QUAD_CLASSES as quads
        from graph.core.cameo import relation_kinds_info

        wanted = {q for q, name in quads.items() if name.replace(" ", "-") in args.quads}
        kinds += [k for k, info in relation_kinds_info().items()
                  if info.root_code in args.roots or info.quad_class in wanted]
        if not kinds:
            raise UsageError("no relation kind is under those CAMEO categories")
    return GraphSlice(articles=tuple(args.article), since=args.since, until=args.until,
                      include_undated=not args.no_undated, types=tuple(args.types),
                      kinds=tuple(dict.fromkeys(kinds)), min_weight=args.min_weight)


def cmd_export(args: argparse.Namespace) -> int:
    if args.format in IMAGE_FORMATS:
        from graph.views.render import warm_up

        warm_up()  # the browser starts while the slice and the figure are built
    from graph.slices.build import build_graph
    from graph.views.exports import write_graph

    store = _store(args)
    sl = slice_from(args)
    known = {a["id"] for a in store.articles()}
    missing = [a for a in sl.articles if a not in known]
    if missing:
        raise UsageError(f"unknown article id(s): {', '.join(missing)}")
    image = args.format in IMAGE_FORMATS
    if args.size and (args.width or args.height):
        raise UsageError("use either --size or --width/--height, not both")
    if image:
        from graph.views.image import (
            EmptySliceError,
            RendererMissingError,
            export_image,
            slice_caption,
        )
        from graph.views.rules import view_graph

        focus = _actor_id(store, args.focus) if args.focus else None
        path = tuple(_actor_id(store, a) for a in args.path) if args.path else None
        # the dashboard's view rules (top N, links per actor), so both draw the same picture
        G = view_graph(store, sl, top=args.top, focus=focus, depth=args.depth, path=path)
        arts = store.articles(G.graph["articles"])
        label = _label_of(G)
        caption = slice_caption(sl, arts, shown=G.number_of_nodes(),
                                total=G.graph["total_actors"], focus=label(focus),
                                depth=args.depth, path=[label(v) for v in G.graph["path"]])
        try:
            export_image(G, args.output, args.format, title=args.title, caption=caption,
                         subtitle=args.subtitle, sources=arts if args.sources else None,
                         layout=args.layout, width=args.width, height=args.height,
                         size=args.size, dpi=args.dpi, labels=args.labels,
                         size_by=args.size_by, color_by=args.color_by)
        except (EmptySliceError, RendererMissingError) as exc:
            raise UsageError(str(exc)) from None
        written = [Path(args.output)]
    else:
        G = build_graph(store, sl, top=args.top, evidence=True)
        written = write_graph(G, args.format, args.output)
    print(f"wrote {', '.join(map(str, written))}: {G.number_of_nodes()} actors, "
          f"{G.number_of_edges()} edges")
    return 0


def _actor_id(store, name: str) -> str:  # noqa: ANN001
    """The id of the actor ``name`` means (an id, label, name or surface form); one line
    listing the candidates if it is unknown or ambiguous."""
    from graph.curation.decisions import CurationError, find_actor

    try:
        return find_actor(store, name).id
    except CurationError as exc:
        raise UsageError(str(exc)) from None


def _label_of(G):  # noqa: ANN001, ANN202
    def label(v: object) -> str | None:
        return None if v is None else str(G.nodes[v].get("label", v)) if v in G else str(v)
    return label


def cmd_actors(args: argparse.Namespace) -> int:
    rows = _store(args).actor_table(hidden=args.hidden)
    if args.types:
        rows = [r for r in rows if r["type"] in args.types]
    if args.top:
        rows = rows[:args.top]
    print(_table(["actor", "id", "type", "mentions", "articles", "first seen", "last seen",
                  "also called"],
                 [[r["label"], r["id"], r["type"], r["mentions"], len(r["articles"]),
                   r["first_seen"] or "", r["last_seen"] or "",
                   _clip(", ".join(sorted(r["aliases"] - {r["label"]})), 50)] for r in rows]))
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    from graph.cli.listing import article_rows

    if args.since and args.until and args.since > args.until:
        raise UsageError("--since is after --until")
    rows = article_rows(_store(args), args.since, args.until)
    if args.json:
        import json

        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        return 0
    print(_table(["id", "date", "source", "title", "words", "actors"],
                 [[r["id"], r["date"] or "undated", _clip(r["source"], 24),
                   _clip(r["title"], 60), f"{r['words']:,}", r["actors"]] for r in rows]))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    store = _store(args)
    c = store.counts()
    first, last = store.date_range()
    rows = [["articles", c["articles"]], ["undated articles", c["undated"]],
            ["words", c["words"]], ["sentences", c["sentences"]],
            ["mentions", c["mentions"]], ["actors", c["actors"]],
            ["relations", c["relations"]], ["typed relations", c["typed_relations"]],
            ["hidden actors", c["hidden_actors"]], ["decisions in force", c["decisions"]],
            ["first date", first or ""], ["last date", last or ""]]
    print(_table(["", "count"], rows))
    return 0


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _table(header: list[str], rows: list[list]) -> str:
    cells = [[str(c) for c in header], *[[str(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(c.rjust(w) if c.replace(",", "").isdigit() else c.ljust(w)
                               for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)

