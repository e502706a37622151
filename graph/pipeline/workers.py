"""The map stage of ingest: articles → extractions, in this process, a process pool, or Dask.

Every engine maps the same pure function, :func:`extract_batch` (parse with spaCy, extract,
long texts in pieces), and hands back small :class:`~graph.core.model.Extraction` objects; only the
caller writes to the store. A failure is contained to its article: an exception becomes an
:class:`~graph.readers.articles.InputError`; a worker that dies (a crash, the out-of-memory killer)
is
replaced, its articles retried one by one, and an article that kills a worker twice is reported
and skipped.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING

from graph.core.model import Article, Extraction
from graph.extraction.article import extract, preload_tables
from graph.extraction.chunks import LIMIT, join, pieces
from graph.extraction.nlp import load
from graph.extraction.partial import parse
from graph.readers.articles import InputError

if TYPE_CHECKING:  # annotations only
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["CHUNK", "TASK_CHARS", "batches", "extract_batch", "extract_stream", "stream_batches"]

CHUNK = 8  # articles per task sent to a worker
TAIL = 2  # articles per task at the end of the input
#: Tasks per worker submitted ahead of the one whose results are awaited: enough that no
#: worker waits for work, few enough that memory is bounded by the tasks in flight, not by
#: the input (an iterator of articles is read only as far as the tasks in flight need).
IN_FLIGHT = 2
#: Characters of text per task, at most (an article longer than that is a task of its own):
#: far above ``CHUNK`` news articles, so only long texts are cut by it.
TASK_CHARS = 200_000


def batches(articles: list[Article], workers: int) -> list[list[Article]]:
    """``articles`` in tasks of ``CHUNK``, except the last ``workers * CHUNK``, in tasks of
    ``TAIL``: the workers then finish within about one article of each other instead of one
    idling while another parses a whole last task (measured: ~0.3 s of a 10 s ingest on two
    workers). The parse itself is as fast in batches of 2 as of 8 (spaCy batches within a
    task). A task also ends before it passes :data:`TASK_CHARS` of text (long articles: a
    task's extractions are held until it is written)."""
    if workers <= 1:
        return list(_tasks(articles, CHUNK))
    head = max(len(articles) - workers * CHUNK, 0)
    head -= head % CHUNK
    return [*_tasks(articles[:head], CHUNK), *_tasks(articles[head:], TAIL)]


def _tasks(articles: list[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive tasks of at most ``size`` articles and :data:`TASK_CHARS` characters (an
    article longer than that alone)."""
    task: list[Article] = []
    chars = 0
    for article in articles:
        n = _chars(article)
        if task and (len(task) >= size or chars + n > TASK_CHARS):
            yield task
            task, chars = [], 0
        task.append(article)
        chars += n
    if task:
        yield task


def _chars(article: Article) -> int:
    return len(getattr(article, "text", ""))  # what has no text (the tests' ints) weighs 0


def stream_batches(articles: Iterable[Article], workers: int) -> Iterator[list[Article]]:
    """:func:`batches` of an iterable read lazily: tasks of ``CHUNK`` while more than
    ``workers`` tasks' worth of articles (or of :data:`TASK_CHARS`) are still ahead, then the
    tail of ``TAIL``-article tasks; at most ``(workers + 1) * CHUNK`` articles, or about
    ``(workers + 1) * TASK_CHARS`` characters, are held here."""
    ahead: list[Article] = []
    chars = 0
    most = (workers + 1) * CHUNK if workers > 1 else CHUNK
    for article in articles:
        ahead.append(article)
        chars += _chars(article)
        while ahead and (len(ahead) >= most or chars > (max(workers, 1) + 1) * TASK_CHARS):
            task = next(_tasks(ahead, CHUNK))
            yield task
            del ahead[:len(task)]
            chars -= sum(_chars(a) for a in task)
    yield from batches(ahead, workers)


def extract_batch(articles: list[Article], model: str | None) -> list[Extraction | InputError]:
    """Parse and extract ``articles`` (the unit of work of every engine); the parser runs only
    on the sentences extraction reads (:mod:`graph.extraction.partial`)."""

    nlp = load(model)
    short = [a for a in articles if len(a.text) <= LIMIT]
    done: dict[str, Extraction | InputError] = {}
    for article, doc in zip(short, parse(nlp, [a.text for a in short]), strict=True):
        done[article.id] = _safe(extract, article, doc)
    for article in articles:
        if len(article.text) > LIMIT:
            done[article.id] = _extract_long(article, nlp, extract)
    return [done[a.id] for a in articles]


def _safe(extract: Callable[[Article, Doc], Extraction], article: Article,
          doc: Doc) -> Extraction | InputError:
    try:
        return extract(article, doc)
    except Exception as exc:  # one article's failure is reported, never fatal to the batch
        return InputError(article.origin or article.id,
                          f"extraction failed ({type(exc).__name__}: {exc})")


def _extract_long(article: Article, nlp: Language,
                  extract: Callable[[Article, Doc], Extraction]) -> Extraction | InputError:
    """An article over the piece limit, parsed piece by piece (one Doc in memory at a time),
    each piece's extraction added to the article's as soon as it is made."""
    parts = pieces(article.text, LIMIT)
    failed: list[InputError] = []

    def extracted() -> Iterator[tuple[int, Extraction]]:
        docs = parse(nlp, (text for _, text in parts), batch_size=1)  # one piece at a time
        for (offset, text), doc in zip(parts, docs, strict=True):
            piece = Article(id=article.id, text=text, origin=article.origin, date=article.date)
            got = _safe(extract, piece, doc)
            if isinstance(got, InputError):
                failed.append(got)
                return
            yield offset, got

    whole = join(article, extracted())
    return failed[0] if failed else whole


def extract_stream(articles: Iterable[Article], model: str | None,
                   jobs: int = 1) -> Iterator[Extraction | InputError]:
    """Extractions for ``articles`` in input order, using ``jobs`` local processes.
    ``articles`` is read lazily, a few tasks ahead of the results (memory is bounded however
    long the input)."""
    if jobs <= 1:
        for chunk in stream_batches(articles, 1):
            yield from extract_batch(chunk, model)
        return
    it = iter(articles)
    first = list(islice(it, CHUNK + 1))
    if len(first) <= CHUNK:  # one task: not worth starting processes
        yield from extract_batch(first, model) if first else ()
        return
    yield from _pooled(chain(first, it), model, jobs)


def _pooled(articles: Iterable[Article], model: str | None,
            jobs: int) -> Iterator[Extraction | InputError]:
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    if ctx.get_start_method() == "fork":
        preload_tables()  # loaded once here, the tables are shared by the forked workers
    chunks = stream_batches(articles, jobs)
    pool = cf.ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init, initargs=(model,))
    running: deque[tuple[list[Article], cf.Future]] = deque()
    try:
        for chunk in islice(chunks, jobs * (IN_FLIGHT + 1)):
            running.append((chunk, pool.submit(extract_batch, chunk, model)))
        while running:
            chunk, future = running.popleft()
            try:
                got = future.result()
            except cf.process.BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                yield from _one_by_one(chunk, model, ctx)
                waiting = [a for c, _ in running for a in c]  # their pool is gone too
                running.clear()
                rest = chain(waiting, (a for c in chunks for a in c))
                yield from _pooled(rest, model, jobs)
                return
            nxt = next(chunks, None)
            if nxt is not None:
                running.append((nxt, pool.submit(extract_batch, nxt, model)))
            yield from got
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _one_by_one(chunk: list[Article], model: str | None,
                ctx: BaseContext) -> Iterator[Extraction | InputError]:
    """Retry the articles of a chunk whose worker died, each in a fresh process (twice)."""
    for article in chunk:
        result: list | None = None
        for _ in range(2):
            with cf.ProcessPoolExecutor(1, mp_context=ctx) as solo:
                try:
                    result = solo.submit(extract_batch, [article], model).result()
                    break
                except cf.process.BrokenProcessPool:
                    continue
        yield from result or [InputError(article.origin or article.id,
                                         "extraction crashed its worker process twice; "
                                         "article skipped")]


def _init(model: str | None) -> None:
    load(model)
    preload_tables()
