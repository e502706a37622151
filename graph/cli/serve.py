"""``relgraph serve``: the dashboard on waitress, after the seed ingest a first run needs.

Thin: parse, open the store, call :func:`dashboard.serve`."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from graph.core.errors import UsageError

__all__ = ["add_serve_command", "bundled_seeds"]


def bundled_seeds() -> Path | None:
    """The folder of the bundled seed articles, or None if this install has none.

    A wheel ships them as package data in ``graph/seeds/`` (pyproject.toml maps the data package
    ``graph.seeds`` to the checkout's top-level ``seeds/``); an editable install reads the
    checkout's ``seeds/`` itself. Its README is not an article: a directory walk skips it."""
    shipped = resources.files("graph") / "seeds"  # a zip import gives no folder to walk
    if isinstance(shipped, Path) and shipped.is_dir():
        return shipped
    checkout = Path(__file__).resolve().parents[2]  # site-packages/seeds is nobody's seeds
    if (checkout / "pyproject.toml").is_file() and (checkout / "seeds").is_dir():
        return checkout / "seeds"
    return None


def add_serve_command(sub, db, store_of) -> None:  # noqa: ANN001
    """Register ``serve``; ``db`` adds the --db option, ``store_of(args, must_exist=...,
    write=...)`` opens the store of parsed arguments."""
    s = sub.add_parser("serve", help="explore the graph in the browser",
                       description="Serve the dashboard. With no --db and an empty default "
                                   "database, the bundled seed articles are ingested first. "
                                   "Example: relgraph serve --open")
    db(s)
    s.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=8050)
    s.add_argument("--open", action="store_true", help="open a browser tab")
    s.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="also serve requests for this host name (repeatable; the name a "
                        "reverse proxy or other machines use; '*' turns the check off)")
    s.add_argument("--read-only", action="store_true",
                   help="nothing in the page writes to the store: no curation controls, "
                        "no 'Add articles' (for a dashboard others reach)")
    s.add_argument("--jobs", "-j", type=int, default=1, help="workers for the seed ingest")
    s.add_argument("--threads", type=int, default=8,
                   help="requests served at once (default 8)")
    s.add_argument("--access-log", action="store_true",
                   help="print one line per request to standard error")
    s.set_defaults(func=lambda args: cmd_serve(args, store_of))


def cmd_serve(args: argparse.Namespace, store_of) -> int:  # noqa: ANN001
    from graph.pipeline.driver import ingest

    if args.threads < 1:
        raise UsageError("--threads must be at least 1")
    store = store_of(args, must_exist=False)
    read_only = args.read_only
    if store.read_only and not read_only:
        print(f"{store.engine.url.database} can only be read ({store.read_only}): serving it "
              "read-only (no curation, no 'Add articles')", file=sys.stderr)
        read_only = True
    if store.counts()["articles"] == 0:
        if args.db:
            raise UsageError(f"{args.db} holds no articles; run 'relgraph ingest PATH "
                             f"--db {args.db}' first")
        seeds = bundled_seeds()
        if seeds is None:
            raise UsageError("the database is empty and this install has no bundled seed "
                             "articles; run 'relgraph ingest PATH' first")
        store_of(args, must_exist=False, write=True)  # one line if it cannot be written
        print(f"empty database: ingesting the bundled seed articles from {seeds}",
              file=sys.stderr)
        for line in ingest([seeds], store, jobs=args.jobs).lines():
            print(line, file=sys.stderr)
    elif store.needs_resolution():
        if store.read_only:
            print("actors are not resolved since the last ingest (read-only: shown as they "
                  "are)", file=sys.stderr)
        else:
            print("resolving actors (an earlier ingest stopped before it)", file=sys.stderr)
            store.resolve()
    from dashboard import serve

    serve(store, host=args.host, port=args.port, open_browser=args.open,
          allow_hosts=args.allow_host, read_only=read_only, threads=args.threads,
          access_log=args.access_log)
    return 0
