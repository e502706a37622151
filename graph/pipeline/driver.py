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
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graph.core.batches import chunked
from graph.core.hashing import content_hash
from graph.core.model import Article, Extraction
from graph.extraction import chunks, fingerprint
from graph.extraction.nlp import model_name
from graph.pipeline.same_story import SameStory
from graph.readers.articles import (
    InputError,
    InputWarning,
    Item,
    ReadOptions,
    Skipped,
    read_paths,
)
from graph.store.reads import ArticleState
from graph.store.store import Store

if TYPE_CHECKING:
    from rich.progress import Progress

__all__ = ["Summary", "default_aliases_path", "ingest", "ingest_items", "reresolve"]

WRITE_BATCH = 16  # articles per write transaction
#: Characters of text per write transaction, at most (plus one article): a batch's extractions
#: are held until written, 50-90 times their text for long texts. Far above ``WRITE_BATCH``
#: news articles, so only long texts are cut by it.
WRITE_CHARS = 200_000


@dataclass
class Summary:
    """What an ingest run did."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    reextracted: int = 0
    failed: int = 0
    duplicates: int = 0  # the same story reached by another link, stored once
    actors: int = 0
    relations: int = 0
    words: int = 0
    seconds: float = 0.0
    resolved: bool = False  # actors were resolved again
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # articles kept, with a note
    skipped: list[str] = field(default_factory=list)  # files not read
    read: int = 0  # articles read from the input (what ``limit`` counts)
    stopped: str = ""  # "limit" or "stop" when a bound ended the run early
    left_out: int = 0  # articles read but not stored because the run stopped
    not_read: str = ""  # where reading stopped (an item's origin), if it did not finish

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def lines(self) -> list[str]:
        redone = (f", {self.reextracted} re-extracted (extraction rules or model changed)"
                  if self.reextracted else "")
        return [
            f"articles: {self.new} new, {self.updated} updated, {self.unchanged} unchanged"
            f"{redone}, {self.failed} failed"
            + (f", {self.duplicates} duplicate{'s' * (self.duplicates > 1)}"
               if self.duplicates else "")
            + (f", {len(self.warnings)} warning{'s' * (len(self.warnings) > 1)}"
               if self.warnings else "")
            + (f"; {len(self.skipped)} skipped" if self.skipped else ""),
            f"store: {self.actors:,} actors, {self.relations:,} relations",
            f"time: {self.seconds:.2f} s, {self.words:,} words parsed "
            f"({self.words_per_second:,.0f} words/s)",
        ]


#: Input items read and planned ahead of the writer, at most: the plan's store look-ups are
#: one query per window, and memory holds one window, not the input.
WINDOW = 256
#: A window also ends at this many characters of text (long articles and parts).
WINDOW_CHARS = 2_000_000


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
    plan = _Plan(items, store, extractor, replace, summary, report, limit, stop)
    try:
        if not stop():
            # reading, parsing and writing interleave: the map stage pulls articles from the
            # plan a few tasks ahead of the writer, so memory is bounded by that, not the input
            _write(store, plan, _map(plan.articles(), model, jobs, dask), summary, report,
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


class _Plan:
    """Which articles to (re-)extract, and why: new, updated, then stale (stored with another
    extractor); the rest is counted unchanged, duplicate or failed as it is read.

    :meth:`articles` reads the input lazily, in windows of :data:`WINDOW` articles (one store
    query each), so ingest holds one window and the tasks in flight, never the whole input.
    Each article it yields is entered in ``why`` (id → digest, reason, the origin its errors
    name) until the writer settles it; ``fresh`` counts the articles read from the input to
    extract and ``settled`` those of them written or failed, so a stopped run knows how many
    it left out. Reading ends after ``limit`` articles, or when ``stop()`` says so (see
    :func:`ingest`); ``summary.read`` counts what was read."""

    def __init__(self, items: Iterable[Item], store: Store, extractor: str, replace: bool,
                 summary: Summary, report: Callable[[str], None], limit: int | None,
                 stop: Callable[[], bool]) -> None:
        self.items, self.it = items, _in_parts(items)
        self.store, self.extractor, self.replace = store, extractor, replace
        self.summary, self.report, self.limit, self.stop = summary, report, limit, stop
        self.why: dict[str, tuple[str, str, str]] = {}
        self.fresh = self.settled = 0
        self.seen: dict[str, str] = {}  # id → origin of every article read (duplicate ids)
        self.stories = SameStory(store)
        self.closed = False

    def articles(self) -> Iterator[Article]:
        summary = self.summary
        while window := self._window():
            states = self.store.article_states(a.id for a in window if isinstance(a, Article))
            todo = []
            for item in window:  # planned as a whole: a stopped run counts what it read
                planned = _plan_item(item, states, self.stories, self.seen, self.extractor,
                                     self.replace, summary, self.report)
                if planned and isinstance(item, Article):
                    self.why[item.id] = (*planned, item.origin or item.id)
                    self.fresh += 1
                    todo.append(item)
            yield from todo
        self.close()
        if summary.stopped:
            return
        stale = [i for i in self.store.stale_ids(self.extractor) if i not in self.seen]
        if self.limit is not None:  # stored articles to redo count against the bound too
            stale = stale[:max(self.limit - summary.read, 0)]
        for part in chunked(stale, WINDOW):
            for article in self.store.stored_articles(part):
                self.why[article.id] = (content_hash(article, self.extractor), "stale",
                                        article.origin or article.id)
                yield article

    def _window(self) -> list[Item]:
        """The next items of the input, up to :data:`WINDOW` articles; ``[]`` when reading
        ends (the input is done, or ``limit``/``stop()`` ended it: ``summary`` says where)."""
        window: list[Item] = []
        summary, articles, chars = self.summary, 0, 0
        if summary.stopped or self.closed:
            return window
        for item in self.it:
            if isinstance(item, Article) and self.limit is not None \
                    and summary.read >= self.limit:
                summary.stopped, summary.not_read = "limit", item.origin or item.id
                break
            if self.stop():
                summary.stopped, summary.not_read = "stop", getattr(item, "origin", "")
                break
            window.append(item)
            if isinstance(item, Article):
                summary.read += 1
                articles += 1
                chars += len(item.text)
                if articles >= WINDOW or chars >= WINDOW_CHARS:
                    break
        return window

    def note_where_stopped(self) -> None:
        """After ``stop()``: name the first item not read (if reading had not ended)."""
        if self.summary.not_read or self.closed:
            return
        item = next(self.it, None)
        if item is not None:
            self.summary.not_read = getattr(item, "origin", "") or getattr(item, "id", "")

    def close(self) -> None:
        """A reader left part-way (a bound) releases its file now."""
        if not self.closed:
            self.closed = True
            getattr(self.items, "close", lambda: None)()

    def settle(self, article_id: str) -> tuple[str, str, str]:
        """The writer is done with this article: ``(digest, why, origin)``."""
        got = self.why.pop(article_id)
        if got[1] != "stale":
            self.settled += 1
        return got

    def failed(self, error: InputError) -> None:
        """An extraction error: settle the article it names (the oldest in flight with that
        origin; engines report failures by origin, not id)."""
        found = next((i for i, v in self.why.items() if v[2] == error.origin), None)
        if found is not None:
            self.settle(found)


def _in_parts(items: Iterable[Item]) -> Iterator[Item]:
    """``items`` with every article longer than :data:`~graph.extraction.chunks.PART`
    characters replaced by its parts (sliced as they are read), after a warning naming its
    file: ingest then holds the text and a few parts, not the extraction of the whole text."""
    for item in items:
        if not isinstance(item, Article) or len(item.text) <= chunks.PART:
            yield item
            continue
        n, parts = chunks.parts(item)
        yield InputWarning(item.origin or item.id,
                           f"text of {len(item.text):,} characters, longer than one article "
                           f"({chunks.PART:,}): stored as {n} articles, {item.id}~1 to "
                           f"{item.id}~{n}")
        yield from parts


def _plan_item(item: Item, states: dict[str, ArticleState], stories: SameStory,
               seen: dict[str, str], extractor: str, replace: bool, summary: Summary,
               report: Callable[[str], None]) -> tuple[str, str] | None:
    """``(digest, why)`` if ``item`` is an article to extract; otherwise report or count it."""

    def fail(line: str) -> None:
        summary.failed += 1
        summary.errors.append(line)
        report(f"error: {line}")

    if isinstance(item, InputWarning):
        summary.warnings.append(str(item))
        report(f"warning: {item}")
        return None
    if isinstance(item, Skipped):
        summary.skipped.append(str(item))
        report(f"skipped: {item}")
        return None
    if isinstance(item, InputError):
        fail(str(item))
        return None
    state = states.get(item.id)
    digest = content_hash(item, extractor)
    first = stories.first(item, look_in_store=state is None or state.hash != digest)
    if first:  # the same story reached by another link
        summary.duplicates += 1
        line = f"{item.origin}: same story as article {first!r}; stored once"
        summary.warnings.append(line)
        report(f"warning: {line}")
        return None
    if item.id in seen:
        fail(f"{item.origin}: duplicate article id {item.id!r} (first in {seen[item.id]})")
        return None
    seen[item.id] = item.origin
    if (state and not replace and not item.explicit_id and state.location
            and item.location and state.location != item.location):
        fail(f"{item.origin}: article id {item.id!r} is already used by {state.origin} "
             "(give the article an explicit id, or use --replace to let it take over)")
        return None
    if state is None:
        return digest, "new"
    if state.hash == digest:
        summary.unchanged += 1
        return None
    if content_hash(item, state.extractor) == state.hash:
        return digest, "stale"
    return digest, "updated"


def _map(articles: Iterable[Article], model: str | None, jobs: int,
         dask: str | None) -> Iterator[Extraction | InputError]:
    if dask:
        from graph.pipeline.distributed import extract_on_dask  # dask: an optional extra

        return extract_on_dask(articles, model, dask, jobs)
    from graph.pipeline.workers import extract_stream  # imports spaCy

    return extract_stream(articles, model, jobs)


def _write(store: Store, plan: _Plan, extractions: Iterator[Extraction | InputError],
           summary: Summary, report: Callable[[str], None], progress: bool,
           stop: Callable[[], bool] = lambda: False) -> None:
    bar = _Progress(progress)
    batch: list[Extraction] = []
    chars = 0

    def flush() -> None:
        nonlocal chars
        for ex, error in _save(store, batch, plan.why, plan.extractor):
            reason = plan.settle(ex.article.id)[1]
            if error:
                summary.failed += 1
                line = f"{ex.article.origin or ex.article.id}: could not store article ({error})"
                summary.errors.append(line)
                report(f"error: {line}")
                continue
            if reason == "new":
                summary.new += 1
            elif reason == "updated":
                summary.updated += 1
            else:
                summary.reextracted += 1
            summary.words += ex.article.words
        bar.update(len(batch))
        batch.clear()
        chars = 0

    try:
        for extraction in extractions:
            if stop():
                summary.stopped = "stop"
                break
            if isinstance(extraction, InputError):
                summary.failed += 1
                summary.errors.append(str(extraction))
                report(f"error: {extraction}")
                plan.failed(extraction)
                bar.update(1)
                continue
            batch.append(extraction)
            chars += len(extraction.article.text)
            del extraction  # written, it is not kept while the next one is made
            if len(batch) >= WRITE_BATCH or chars >= WRITE_CHARS:
                flush()
        flush()
    finally:
        getattr(extractions, "close", lambda: None)()  # ends worker processes, if any
        bar.close()


def _save(store: Store, batch: list[Extraction], why: dict[str, tuple[str, str, str]],
          extractor: str) -> list[tuple[Extraction, str]]:
    """Write a batch in one transaction; if it fails, each article on its own."""
    if not batch:
        return []
    try:
        store.save_many([(ex, why[ex.article.id][0], extractor) for ex in batch])
        return [(ex, "") for ex in batch]
    except Exception:  # noqa: BLE001 — find which article it was
        out = []
        for ex in batch:
            try:
                store.save(ex, why[ex.article.id][0], extractor)
                out.append((ex, ""))
            except Exception as exc:  # noqa: BLE001 — a database error for one article
                out.append((ex, f"{type(exc).__name__}: {str(exc).splitlines()[0]}"))
        return out


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


class _Progress:
    """The ingest progress bar on stderr (rich), shown on a terminal only, so logs, pipes and
    CI output stay clean; gone when the run ends (the summary line says what happened)."""

    def __init__(self, enabled: bool) -> None:
        self._bar: Progress | None = None
        if not (enabled and sys.stderr.isatty()):
            return
        # rich (0.05 s) only for a terminal: piped, logged and unchanged runs stay cheap
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        console = Console(stderr=True)
        if console.is_terminal:
            self._bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("articles"), TimeRemainingColumn(),
                                 console=console, transient=True)
            self._task = self._bar.add_task("ingest", total=None)  # the input is streamed
            self._bar.start()

    def update(self, done: int) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
