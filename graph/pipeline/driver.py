"""Batch ingest in three stages: plan → map → write, then resolution.

* **plan**: read the inputs and compare each article with the store: new, changed, unchanged
  (skipped before any NLP), stale (stored with older extraction rules or another model: redone
  from the stored text, source files not needed), or an id collision with another file;
* **map**: parse and extract (:mod:`graph.pipeline.workers`: this process, local processes, or
  Dask);
* **write**: the caller alone writes, in one transaction per batch of articles (a batch that
  fails is retried article by article, so one bad article never costs the others);
* **bounds** (for a server's upload jobs): at most ``limit`` articles are read, and a ``stop``
  callback ends reading or extraction early; what was written stays written, and the summary
  says what was left out;
* **resolve**: whenever names were written since the last resolution, including by an earlier
  run that was killed before resolving.

This module runs the stages; the plan is :mod:`graph.pipeline.plan`, the writer
:mod:`graph.pipeline.writer`, what a run did :mod:`graph.pipeline.summary`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from graph.core.model import Article, Extraction
from graph.extraction import fingerprint
from graph.extraction.nlp import model_name
from graph.pipeline.plan import Plan
from graph.pipeline.summary import Summary
from graph.pipeline.writer import write
from graph.readers.articles import InputError, Item, ReadOptions, read_paths
from graph.store.store import Store

__all__ = ["Summary", "default_aliases_path", "ingest", "ingest_items", "reresolve"]


def default_aliases_path(store: Store) -> Path | None:
    """``aliases.toml`` next to a SQLite database file, if it exists."""
    if store.engine.dialect.name != "sqlite" or not store.engine.url.database:
        return None
    path = Path(store.engine.url.database).resolve().parent / "aliases.toml"
    return path if path.is_file() else None


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    model: str | None = None,
    jobs: int = 1,
    aliases: str | Path | None = None,
    progress: bool = True,
    replace: bool = False,
    dask: str | None = None,
    on_error: Callable[[str], None] | None = None,
    on_note: Callable[[str], None] | None = None,
    read_options: ReadOptions | None = None,
    limit: int | None = None,
    stop: Callable[[], bool] | None = None,
) -> Summary:
    """Ingest every article under ``paths`` into ``store``, bring stale extractions up to date
    and re-resolve actors if needed.

    Bad input is reported through ``on_error`` (default: a line on stderr) and counted; it
    never stops the batch. ``replace`` lets an article take over an id that an article from
    another file holds. ``dask`` is a scheduler address (``tcp://host:8786``) or ``"local"``
    for a local cluster of ``jobs`` workers. Warnings about kept articles and skipped files
    go to ``on_error`` too ("warning: …", "skipped: …"). ``read_options`` pass on to the
    readers (feed ``since``, the web fetcher, URL list files).

    Bounds, for jobs that must not run unbounded (the dashboard's uploads): at most ``limit``
    articles are read from ``paths``; ``stop()`` is asked before each article is read and
    before each extraction is written, and when it returns True the run ends there. Articles
    already written stay (each batch is a transaction); ``summary.stopped``,
    ``summary.left_out`` and ``summary.not_read`` say what was left out. Resolution still
    runs, so the store is consistent.
    """
    return ingest_items(read_paths(paths, read_options), store, model=model, jobs=jobs,
                        aliases=aliases, progress=progress, replace=replace, dask=dask,
                        on_error=on_error, on_note=on_note, limit=limit, stop=stop)


def ingest_items(
    items: Iterable[Item],
    store: Store,
    *,
    model: str | None = None,
    jobs: int = 1,
    aliases: str | Path | None = None,
    progress: bool = True,
    replace: bool = False,
    dask: str | None = None,
    on_error: Callable[[str], None] | None = None,
    on_note: Callable[[str], None] | None = None,
    limit: int | None = None,
    stop: Callable[[], bool] | None = None,
) -> Summary:
    """:func:`ingest` for items already being read: what a reader of
    :mod:`graph.readers.articles` yields (``read_bytes`` for an upload, ``read_paths``),
    articles, input errors, warnings and skipped files, each reported and counted as
    :func:`ingest` does. ``items`` is consumed lazily, so ``limit`` and ``stop()`` end the
    reading itself; an iterator that has ``close()`` (a reader's generator) is closed when
    reading ends, so a reader left part-way releases its file at once.
    """
    report = on_error or (lambda line: print(line, file=sys.stderr))
    note = on_note or (lambda line: print(line, file=sys.stderr))
    started = time.perf_counter()
    summary = Summary()
    for message in store.messages:
        note(message)
    _import_aliases(store, aliases, note)
    extractor = fingerprint.extractor_version(model_name(model))  # by module: tests replace it
    stop = stop or (lambda: False)
    plan = Plan(items, store, extractor, replace, summary, report, limit, stop)
    try:
        if not stop():
            # reading, parsing and writing interleave: the map stage pulls articles from the
            # plan a few tasks ahead of the writer, so memory is bounded by that, not the input
            write(store, plan, _map(plan.articles(), model, jobs, dask), summary, report,
                   progress, stop)
        if summary.stopped == "stop" or stop():
            summary.stopped = "stop"
            plan.note_where_stopped()
            summary.left_out += plan.fresh - plan.settled
    finally:
        plan.close()
    if store.needs_resolution():
        store.resolve()
        summary.resolved = True
    counts = store.counts()
    summary.actors, summary.relations = counts["actors"], counts["relations"]
    summary.seconds = time.perf_counter() - started
    return summary


def _map(articles: Iterable[Article], model: str | None, jobs: int,
         dask: str | None) -> Iterator[Extraction | InputError]:
    if dask:
        from graph.pipeline.distributed import extract_on_dask  # dask: an optional extra

        return extract_on_dask(articles, model, dask, jobs)
    from graph.pipeline.workers import extract_stream  # imports spaCy

    return extract_stream(articles, model, jobs)


def reresolve(store: Store) -> int:
    """Recompute actors from all stored names and decisions; returns the number of actors."""
    return store.resolve().actors


def _import_aliases(store: Store, path: str | Path | None,
                    note: Callable[[str], None]) -> None:
    """An alias file named with ``--aliases``, or ``aliases.toml`` next to a SQLite database,
    is imported as decisions when it is new or has changed since its last import."""
    path = Path(path) if path else default_aliases_path(store)
    if path is None:
        return
    # the alias-file validator (pydantic, 0.1 s) only when there is an alias file: re-ingesting
    # an unchanged corpus stays cheap
    from graph.curation.decisions import import_aliases_once

    message = import_aliases_once(store, path)
    if message:
        note(message)
