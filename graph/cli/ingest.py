"""``relgraph ingest``: read articles into the store (thin: check the options, call
:func:`graph.pipeline.driver.ingest`, print its summary)."""

from __future__ import annotations

import importlib.util
from datetime import date

import click

from graph.cli.commands import summary
from graph.cli.options import DATE, db_option, open_store
from graph.core.errors import UsageError
from graph.pipeline.driver import ingest as ingest_paths
from graph.readers.base import ReadOptions

__all__ = ["ingest"]


@click.command(short_help=summary("ingest"))
@click.argument("paths", nargs=-1, metavar="[PATH_OR_URL]...")
@click.option("--urls", multiple=True, metavar="FILE",
              help="a file of URLs to fetch, one per line (repeatable)")
@click.option("--since", type=DATE, help="feeds: only entries from this date")
@click.option("--timeout", type=float, metavar="S", default=20.0, show_default=True,
              help="seconds to wait for a web server")
@db_option
@click.option("--jobs", "-j", type=int, metavar="N", default=1, show_default=True,
              help="worker processes")
@click.option("--dask", metavar="ADDRESS",
              help="parse on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' "
                   "for a local cluster of --jobs workers")
@click.option("--replace", is_flag=True,
              help="let articles take over ids that articles from other files hold")
@click.option("--model", help="spaCy model (default: $RELGRAPH_MODEL or the best installed "
                              "English model)")
@click.option("--aliases", metavar="FILE", help="alias file (TOML) to import as decisions "
                                                "first (default: aliases.toml next to the db, "
                                                "once)")
@click.option("--quiet", "-q", is_flag=True, help="no progress bar or summary")
def ingest(paths: tuple[str, ...], urls: tuple[str, ...], since: date | None, timeout: float,
           db: str | None, jobs: int, dask: str | None, replace: bool, model: str | None,
           aliases: str | None, quiet: bool) -> int:
    """Read articles into the store: files or directories (.txt .md .html .jsonl .json .csv
    .pdf .docx .eml .mbox .rss .atom .xml), web pages and feeds by URL. With no PATH_OR_URL,
    only bring stale extractions and actors up to date.

    Example: relgraph ingest seeds https://example.org/news/story.html
    """
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if dask and dask != "local" and "://" not in dask:
        raise UsageError("--dask takes a scheduler address (tcp://host:8786) or 'local'")
    if dask and importlib.util.find_spec("dask") is None:
        raise UsageError("--dask needs Dask: pip install 'relgraph[dask]'")
    if timeout <= 0:
        raise UsageError("--timeout must be positive")
    store = open_store(db, create=True, write=True)
    # the command line fetches for its own user: local and private addresses are allowed
    # (the fetcher is made when the first page is fetched, and closed after the reading)
    options = ReadOptions(since=since, url_files=urls,
                          fetch_options={"timeout": timeout, "public_only": False})
    done = ingest_paths(paths, store, model=model, jobs=jobs, aliases=aliases,
                        progress=not quiet, replace=replace, dask=dask, read_options=options)
    if not quiet:
        for line in done.lines():
            click.echo(line)
    return 1 if done.failed else 0
