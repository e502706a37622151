"""Batch ingest: files → articles → spaCy → :func:`graph.extract.extract` → store → resolution.

Unchanged articles (same content hash) are skipped before any NLP. Parsing and extraction run
in ``jobs`` worker processes (each loads the model once) and only small ``Extraction`` objects
come back; each article is then stored in its own transaction.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .articles import InputError, InputWarning, ReadOptions, SameStory, Skipped, read_paths
from .extract import extract
from .model import Article, Extraction
from .nlp import load, model_name
from .resolve import UserAliases, resolve
from .store import Store, content_hash

__all__ = ["EXTRACTOR_VERSION", "Summary", "default_aliases_path", "ingest", "reresolve"]

#: Bump when extraction rules change, so re-ingesting re-extracts everything.
EXTRACTOR_VERSION = "1"
CHUNK = 8  # articles per task sent to a worker process


@dataclass
class Summary:
    """What an ingest run did."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    duplicates: int = 0  # the same story reached by another link, stored once
    actors: int = 0
    relations: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # articles kept, with a note
    skipped: list[str] = field(default_factory=list)  # files not read

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def lines(self) -> list[str]:
        return [
            f"articles: {self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.failed} failed"
            + (f", {self.duplicates} duplicate{'s' * (self.duplicates > 1)}"
               if self.duplicates else "")
            + (f", {len(self.warnings)} warning{'s' * (len(self.warnings) > 1)}"
               if self.warnings else "")
            + (f"; {len(self.skipped)} skipped" if self.skipped else ""),
            f"store: {self.actors} actors, {self.relations} relations",
            f"time: {self.seconds:.2f} s, {self.words:,} words parsed "
            f"({self.words_per_second:,.0f} words/s)",
        ]


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
    on_error: Callable[[str], None] | None = None,
    read_options: ReadOptions | None = None,
) -> Summary:
    """Ingest every article under ``paths`` into ``store`` and re-resolve actors if needed.

    Bad input, warnings and skipped files are reported through ``on_error`` (default: a line
    on stderr) and counted; they never stop the batch. ``read_options`` pass on to the readers
    (feed ``since``, the web fetcher, URL list files).
    """
    report = on_error or (lambda line: print(line, file=sys.stderr))
    started = time.perf_counter()
    summary = Summary()
    user = UserAliases.load(aliases if aliases is not None else default_aliases_path(store))
    extractor = f"{model_name(model)}:{EXTRACTOR_VERSION}"
    known = store.hashes()
    todo: list[tuple[Article, str]] = []
    seen: dict[str, str] = {}
    stories = SameStory(store)
    for item in read_paths(paths, read_options):
        if isinstance(item, InputWarning):
            summary.warnings.append(str(item))
            report(f"warning: {item}")
            continue
        if isinstance(item, Skipped):
            summary.skipped.append(str(item))
            report(f"skipped: {item}")
            continue
        if isinstance(item, InputError):
            summary.failed += 1
            summary.errors.append(str(item))
            report(f"error: {item}")
            continue
        digest = content_hash(item, extractor)
        first = stories.first(item, look_in_store=known.get(item.id) != digest)
        if first:  # the same story reached by another link
            summary.duplicates += 1
            line = f"{item.origin}: same story as article {first!r}; stored once"
            summary.warnings.append(line)
            report(f"warning: {line}")
            continue
        if item.id in seen:
            summary.failed += 1
            line = f"{item.origin}: duplicate article id {item.id!r} (first in {seen[item.id]})"
            summary.errors.append(line)
            report(f"error: {line}")
            continue
        seen[item.id] = item.origin
        if known.get(item.id) == digest:
            summary.unchanged += 1
        else:
            todo.append((item, digest))
    if todo:
        bar = _progress(len(todo), progress)
        digests = {a.id: d for a, d in todo}
        for extraction in _extract_all([a for a, _ in todo], model, jobs):
            if isinstance(extraction, InputError):
                summary.failed += 1
                summary.errors.append(str(extraction))
                report(f"error: {extraction}")
                bar.update(1)
                continue
            aid = extraction.article.id
            try:
                store.save(extraction, digests[aid])
            except Exception as exc:  # a database error for one article must not stop the batch
                summary.failed += 1
                line = f"{extraction.article.origin}: could not store article ({exc})"
                summary.errors.append(line)
                report(f"error: {line}")
            else:
                if aid in known:
                    summary.updated += 1
                else:
                    summary.new += 1
                summary.words += extraction.article.words
            bar.update(1)
        bar.close()
    if summary.new or summary.updated or _aliases_changed(store, user):
        reresolve(store, user)
    counts = store.counts()
    summary.actors, summary.relations = counts["actors"], counts["relations"]
    summary.seconds = time.perf_counter() - started
    return summary


def reresolve(store: Store, user: UserAliases | None = None) -> int:
    """Recompute actors from all stored names (after ingest or an alias-file change)."""
    defs = resolve(store.name_stats(), store.acronyms(), user)
    store.set_actors(defs)
    _remember_aliases(store, user)
    return len(defs)


def _aliases_fingerprint(user: UserAliases | None) -> str:
    u = user or UserAliases()
    text = repr((sorted(u.merge.items()), sorted(u.rename.items()), sorted(u.retype.items()),
                 sorted(u.ignore)))
    return hashlib.sha256(text.encode()).hexdigest()


def _aliases_changed(store: Store, user: UserAliases) -> bool:
    return store.get_meta("aliases") != _aliases_fingerprint(user)


def _remember_aliases(store: Store, user: UserAliases | None) -> None:
    store.set_meta("aliases", _aliases_fingerprint(user))


def _extract_all(articles: list[Article], model: str | None,
                 jobs: int) -> Iterator[Extraction | InputError]:
    if jobs <= 1 or len(articles) <= CHUNK:
        nlp = load(model)
        for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
            yield _safe_extract(article, doc)
        return
    chunks = [articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK)]
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(jobs, initializer=_worker_init, initargs=(model,)) as pool:
        for batch in pool.imap(_worker_extract, chunks):
            yield from batch


_WORKER_MODEL: list[str | None] = []


def _worker_init(model: str | None) -> None:
    _WORKER_MODEL[:] = [model]
    load(model)


def _worker_extract(chunk: list[Article]) -> list[Extraction | InputError]:
    nlp = load(_WORKER_MODEL[0] if _WORKER_MODEL else None)
    return [_safe_extract(a, doc) for a, doc in zip(chunk, nlp.pipe(a.text for a in chunk),
                                                    strict=True)]


def _safe_extract(article: Article, doc) -> Extraction | InputError:  # noqa: ANN001
    try:
        return extract(article, doc)
    except Exception as exc:  # one article's failure is reported, never fatal to the batch
        return InputError(article.origin, f"extraction failed ({type(exc).__name__}: {exc})")


def _progress(total: int, enabled: bool):  # noqa: ANN202
    from tqdm import tqdm

    # disable=None: shown on a terminal only, so logs and CI output stay clean.
    return tqdm(total=total, unit="article", desc="ingest", disable=None if enabled else True,
                file=sys.stderr, leave=False)
