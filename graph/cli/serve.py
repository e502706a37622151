"""``relgraph serve``: the dashboard on waitress, after the seed ingest a first run needs.

Thin: open the store, ingest the seeds if it is empty, call :func:`dashboard.serve`."""

from __future__ import annotations

import errno
import socket
from importlib import resources
from pathlib import Path

import click

from graph.cli.commands import summary
from graph.cli.options import db_option, open_store
from graph.core.errors import RelgraphError, UsageError
from graph.pipeline.driver import ingest

__all__ = ["bundled_seeds", "serve"]


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


@click.command(short_help=summary("serve"))
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="interface")
@click.option("--port", type=click.IntRange(0, 65535), metavar="PORT", default=8050,
              show_default=True, help="port")
@click.option("--open", "open_browser", is_flag=True, help="open a browser tab")
@click.option("--allow-host", multiple=True, metavar="NAME",
              help="also serve requests for this host name (repeatable; the name a reverse "
                   "proxy or other machines use; '*' turns the check off)")
@click.option("--read-only", is_flag=True,
              help="nothing in the page writes to the store: no curation controls, no 'Add "
                   "articles' (for a dashboard others reach)")
@click.option("--jobs", "-j", type=int, metavar="N", default=1, show_default=True,
              help="workers for the seed ingest")
@click.option("--threads", type=int, metavar="N", default=8, show_default=True,
              help="requests served at once")
@click.option("--access-log", is_flag=True,
              help="print one line per request to standard error")
def serve(db: str | None, host: str, port: int, open_browser: bool,
          allow_host: tuple[str, ...], read_only: bool, jobs: int, threads: int,
          access_log: bool) -> int:
    """Serve the dashboard. With no --db and an empty default database, the bundled seed
    articles are ingested first.

    Example: relgraph serve --open
    """
    if threads < 1:
        raise UsageError("--threads must be at least 1")
    store = open_store(db, create=True)
    if store.read_only and not read_only:
        click.echo(f"{store.engine.url.database} can only be read ({store.read_only}): "
                   "serving it read-only (no curation, no 'Add articles')", err=True)
        read_only = True
    if store.counts()["articles"] == 0:
        if db:
            raise UsageError(f"{db} holds no articles; run 'relgraph ingest PATH --db {db}' "
                             "first")
        seeds = bundled_seeds()
        if seeds is None:
            raise UsageError("the database is empty and this install has no bundled seed "
                             "articles; run 'relgraph ingest PATH' first")
        open_store(db, create=True, write=True)  # one line if it cannot be written
        click.echo(f"empty database: ingesting the bundled seed articles from {seeds}",
                   err=True)
        for line in ingest([seeds], store, jobs=jobs).lines():
            click.echo(line, err=True)
    elif store.needs_resolution():
        if store.read_only:
            click.echo("actors are not resolved since the last ingest (read-only: shown as "
                       "they are)", err=True)
        else:
            click.echo("resolving actors (an earlier ingest stopped before it)", err=True)
            store.resolve()
    # the dashboard imports Dash, Flask and plotly (a second): only `serve` pays for them
    from dashboard import serve as serve_dashboard

    try:
        serve_dashboard(store, host=host, port=port, open_browser=open_browser,
                        allow_hosts=allow_host, read_only=read_only, threads=threads,
                        access_log=access_log)
    except OSError as exc:
        if not _cannot_bind(exc):
            raise
        raise RelgraphError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
    return 0


def _cannot_bind(exc: OSError) -> bool:
    """Whether ``exc`` says the server's address cannot be had: the port is taken or
    privileged, the address is not this machine's, the host name does not resolve."""
    return isinstance(exc, socket.gaierror) or exc.errno in (
        errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES)
