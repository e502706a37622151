"""Read articles from files, directories (and, through :mod:`graph.readers`, other sources).

This is the public entry point of the reader stage: :func:`read_paths` for paths named on the
command line, :func:`read_bytes` for uploads. Both yield :class:`~graph.model.Article` objects
and, for anything a user should hear about, :class:`InputError` (not ingested),
:class:`InputWarning` (kept, with a note) or :class:`Skipped` (not read) — never an exception
for bad input, so one bad file or line is reported and the rest of the batch goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Article
from .readers.base import (
    InputError,
    InputWarning,
    Item,
    ReadOptions,
    Skipped,
    Source,
    display,
    make_article,
)
from .readers.dates import parse_date
from .readers.dispatch import SUFFIXES, kind_of, read_bytes, read_source

__all__ = ["SUFFIXES", "Article", "InputError", "InputWarning", "Item", "ReadOptions",
           "Skipped", "find_files", "make_article", "parse_date", "read_bytes", "read_file",
           "read_paths"]


def find_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError | Skipped]:
    """Expand files and directories (recursively, hidden entries left out) into the files to
    read, sorted; files of unsupported types and unreadable directories come back as
    :class:`Skipped`."""
    for raw in paths:
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
            if name.startswith("."):
                continue
            child = Path(top, name)
            found.append(child if kind_of(name) else Skipped(str(child), "unsupported type"))
    found.extend(unreadable)
    yield from sorted(found, key=lambda f: str(f.origin if isinstance(f, Skipped) else f))


def read_paths(paths: Iterable[str | Path], options: ReadOptions | None = None,
               ) -> Iterator[Item]:
    """Read every article found under ``paths``."""
    options = options or ReadOptions()
    for item in find_files(paths):
        if isinstance(item, Path):
            yield from read_file(item, options)
        else:
            yield item


def read_file(path: Path, options: ReadOptions | None = None) -> Iterator[Item]:
    """Read the articles in one file, choosing the reader by suffix."""
    origin = display(path)
    kind = kind_of(path.name)
    if kind is None:
        suffix = path.suffix.lower()
        yield InputError(origin, f"unsupported file type {suffix or '(none)'!r}; "
                                 f"use one of {', '.join(SUFFIXES)}")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(origin, f"cannot read file ({exc.strerror or exc})")
        return
    yield from read_source(kind, Source(data, origin, path.stem), options or ReadOptions())
