"""The plan stage of ingest: which articles to (re-)extract and why.

The input is read lazily in windows (one store query per window): each article is new, updated,
unchanged (skipped before any NLP), stale (stored with older extraction rules or another model:
redone from the stored text), a duplicate story, or an id collision with another file. Long
texts are cut into parts here, as they are read. The writer (:mod:`graph.pipeline.writer`)
settles each planned article when it is written or fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from graph.core.batches import chunked
from graph.core.hashing import content_hash
from graph.core.model import Article
from graph.extraction import chunks
from graph.pipeline.same_story import SameStory
from graph.pipeline.summary import Summary
from graph.readers.articles import InputError, InputWarning, Item, Skipped
from graph.store.reads import ArticleState
from graph.store.store import Store

__all__ = ["WINDOW", "WINDOW_CHARS", "Plan", "in_parts"]

#: Input items read and planned ahead of the writer, at most: the plan's store look-ups are
#: one query per window, and memory holds one window, not the input.
WINDOW = 256
#: A window also ends at this many characters of text (long articles and parts).
WINDOW_CHARS = 2_000_000


class Plan:
    """Which articles to (re-)extract, and why: new, updated, then stale (stored with another
    extractor); the rest is counted unchanged, duplicate or failed as it is read.

    :meth:`articles` reads the input lazily, in windows of :data:`WINDOW` articles (one store
    query each), so ingest holds one window and the tasks in flight, never the whole input.
    Each article it yields is entered in ``why`` (id → digest, reason, the origin its errors
    name) until the writer settles it; ``fresh`` counts the articles read from the input to
    extract and ``settled`` those of them written or failed, so a stopped run knows how many
    it left out. Reading ends after ``limit`` articles, or when ``stop()`` says so (see
    :func:`~graph.pipeline.driver.ingest`); ``summary.read`` counts what was read."""

    def __init__(self, items: Iterable[Item], store: Store, extractor: str, replace: bool,
                 summary: Summary, report: Callable[[str], None], limit: int | None,
                 stop: Callable[[], bool]) -> None:
        self.items, self.it = items, in_parts(items)
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


def in_parts(items: Iterable[Item]) -> Iterator[Item]:
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
