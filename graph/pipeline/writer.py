"""The write stage of ingest: extractions stored in batches, one transaction each.

Only the calling process writes. A batch ends at :data:`WRITE_BATCH` articles or
:data:`WRITE_CHARS` characters of text; a batch that fails is retried article by article, so one
bad article never costs the others. Each written or failed article is settled in the
:class:`~graph.pipeline.plan.Plan` and counted in the :class:`~graph.pipeline.summary.Summary`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from graph.core.model import Extraction
from graph.pipeline.plan import Plan
from graph.pipeline.summary import Summary
from graph.readers.articles import InputError
from graph.store.store import Store

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress

__all__ = ["WRITE_BATCH", "WRITE_CHARS", "ProgressBar", "write"]

WRITE_BATCH = 16  # articles per write transaction
#: Characters of text per write transaction, at most (plus one article): a batch's extractions
#: are held until written, 50-90 times their text for long texts. Far above ``WRITE_BATCH``
#: news articles, so only long texts are cut by it.
WRITE_CHARS = 200_000


def write(store: Store, plan: Plan, extractions: Iterator[Extraction | InputError],
           summary: Summary, report: Callable[[str], None], progress: bool,
           stop: Callable[[], bool] = lambda: False) -> None:
    bar = ProgressBar(progress)
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


class ProgressBar:
    """The ingest progress bar on stderr (rich), shown on a terminal only, so logs, pipes and
    CI output stay clean; gone when the run ends (the summary line says what happened)."""

    def __init__(self, enabled: bool) -> None:
        self._bar: RichProgress | None = None
        if not (enabled and sys.stderr.isatty()):
            return
        # rich (0.05 s) only for a terminal: piped, logged and unchanged runs stay cheap
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        console = Console(stderr=True)
        if console.is_terminal:
            self._bar = RichProgress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
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
