"""Read articles from files, directories, URLs and feeds: the public entry points of the reader
stage (formats live in :mod:`graph.readers`).

:func:`read_paths` reads what the command line names (files, directories, http(s) URLs, files
of URLs); :func:`read_bytes` reads an upload given as a name and its bytes. Both yield
:class:`~graph.core.model.Article` objects and, for anything a user should hear about,
:class:`InputError` (not ingested), :class:`InputWarning` (kept, with a note) or
:class:`Skipped` (not read) — never an exception for bad input, so one bad file, line or URL
is reported and the rest of the batch goes on. Downloads happen here, before any NLP.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain
from pathlib import Path

from graph.core.model import Article
from graph.readers.base import (
    InputError,
    InputWarning,
    Item,
    ReadOptions,
    Skipped,
    Source,
    display,
    is_url,
    make_article,
)
from graph.readers.dates import parse_date
from graph.readers.dispatch import (
    SUFFIXES,
    kind_of,
    looks_like_feed,
    read_bytes,
    read_source,
    unsupported,
)
from graph.readers.tabular import stream_jsonl
from graph.readers.urls import clean_url
from graph.readers.web import read_url as _read_url

__all__ = ["SUFFIXES", "Article", "InputError", "InputWarning", "Item", "ReadOptions",
           "Skipped", "find_files", "is_url", "make_article", "parse_date",
           "read_bytes", "read_file", "read_paths", "read_url"]


#: Names (before the first dot, any case) of the files that describe a directory or its terms
#: rather than hold articles: README, README.md, LICENSE.txt, COPYING, ... A directory walk
#: leaves them out silently, as it does hidden files; a file named on the command line is read.
DIRECTORY_DOCS = frozenset({"readme", "license", "licence", "copying", "notice", "authors",
                            "contributors", "changelog", "contributing", "code_of_conduct"})


def find_files(paths: Iterable[str | Path]) -> Iterator[Path | str | InputError | Skipped]:
    """Expand ``paths`` into what to read: files (directories recursively, hidden entries and
    the directories' own documentation files (:data:`DIRECTORY_DOCS`) left out, sorted) and
    URLs (as strings). Files of unsupported types and unreadable directories found on the
    way come back as :class:`Skipped`."""
    for raw in paths:
        if is_url(raw):
            yield raw
            continue
        scheme = re.match(r"([a-z][a-z0-9+.-]*)://", str(raw), re.I)
        if scheme and not Path(raw).exists():
            yield InputError(str(raw), f"cannot fetch {scheme.group(1)}:// URLs; only http(s)")
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        else:
            yield InputError(str(path), "no such file or directory")


def _walk(root: Path) -> Iterator[Path | Skipped]:
    unreadable: list[Skipped] = []

    def note(exc: OSError) -> None:
        unreadable.append(Skipped(exc.filename or str(root),
                                  f"unreadable directory: {exc.strerror or exc}"))

    found: list[Path | Skipped] = []
    for top, dirs, files in os.walk(root, onerror=note):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or name.split(".", 1)[0].lower() in DIRECTORY_DOCS:
                continue
            child = Path(top, name)
            if not kind_of(name):
                found.append(Skipped(str(child), "unsupported type"))
            elif child.suffix.lower() == ".xml" and not _feed_file(child):
                found.append(Skipped(str(child), "unsupported type: XML, not an RSS/Atom feed"))
            else:
                found.append(child)
    found.extend(unreadable)
    yield from sorted(found, key=lambda f: str(f.origin if isinstance(f, Skipped) else f))


def _feed_file(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return looks_like_feed(f.read(2048))
    except OSError:
        return True  # let the reader report why it cannot be read


def read_paths(paths: Iterable[str | Path], options: ReadOptions | None = None,
               ) -> Iterator[Item]:
    """Read every article found under ``paths`` (and in the URL files of ``options``).
    A URL named twice is read once."""
    options = options or ReadOptions()
    seen_urls: set[str] = set()
    with options.fetching():
        for item in chain(find_files(paths), _url_files(options.url_files)):
            if isinstance(item, Path):
                yield from read_file(item, options)
            elif isinstance(item, str):
                key = clean_url(item)
                if key in seen_urls:
                    yield Skipped(item, "URL named twice; read once")
                    continue
                seen_urls.add(key)
                yield from read_url(item, options)
            else:
                yield item


def _url_files(files: Iterable[str | Path]) -> Iterator[str | InputError]:
    """The URLs listed in each file, one per line (blank lines and ``#`` comments ignored)."""
    for name in files:
        try:
            text = Path(name).read_text(encoding="utf-8-sig", errors="replace")
        except OSError as exc:
            yield InputError(str(name), f"cannot read URL list ({exc.strerror or exc})")
            continue
        for n, line in enumerate(text.split("\n"), start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            yield line if is_url(line) else InputError(f"{name}:{n}", "not an http(s) URL")


def read_url(url: str, options: ReadOptions | None = None) -> Iterator[Item]:
    """Download one URL and read what it holds (a page, a feed, a PDF, ...)."""

    yield from _read_url(url, options or ReadOptions())


def read_file(path: Path, options: ReadOptions | None = None) -> Iterator[Item]:
    """Read the articles in one file, choosing the reader by suffix."""
    origin = display(path)
    kind = kind_of(path.name)
    if kind is None:
        yield unsupported(origin, path.name)
        return
    where = display(path.resolve())  # where ids from file names came from
    try:
        # a large JSON Lines file streams from disk; anything else is read whole
        streamed = stream_jsonl(path, origin) if kind == "jsonl" else None
        items = streamed or read_source(kind, Source(path.read_bytes(), origin, path.stem),
                                        options or ReadOptions())
        for item in items:
            yield replace(item, location=where) if isinstance(item, Article) and not \
                item.location else item
    except OSError as exc:
        yield InputError(origin, f"cannot read file ({exc.strerror or exc})")

