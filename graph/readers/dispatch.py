"""The one table of input kinds (file suffix → reader) and reading one source safely."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from pathlib import PurePath

from graph.readers.base import InputError, Item, ReadOptions, Source, blank

__all__ = ["KINDS", "SUFFIXES", "kind_of", "looks_like_feed", "read_bytes", "read_source",
           "unsupported"]

#: File suffix → kind of input.
KINDS: dict[str, str] = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv",
    ".pdf": "pdf", ".docx": "docx", ".eml": "email", ".mbox": "mbox",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
#: Kind → (module in graph.readers, function).
_READERS: dict[str, tuple[str, str]] = {
    "text": ("text", "read_text"), "markdown": ("text", "read_markdown"),
    "html": ("html", "read_html"), "jsonl": ("tabular", "read_jsonl"),
    "json": ("tabular", "read_json"), "csv": ("tabular", "read_csv"),
    "pdf": ("pdf", "read_pdf"), "docx": ("word", "read_docx"),
    "email": ("mail", "read_eml"), "mbox": ("mail", "read_mbox"), "feed": ("feed", "read_feed"),
}
SUFFIXES = tuple(KINDS)


def kind_of(name: str) -> str | None:
    """The kind of input a file name says it holds, or ``None`` if unsupported."""
    return KINDS.get(PurePath(name).suffix.lower())


def unsupported(origin: str, name: str) -> InputError:
    """The one line for a file whose suffix no reader takes."""
    suffix = PurePath(name).suffix.lower()
    return InputError(origin, f"unsupported file type {suffix or '(none)'!r}; use one of "
                              f"{', '.join(SUFFIXES)}")


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of an ``.xml`` file are an RSS/Atom feed (other XML found in a
    directory is skipped, not an error)."""
    return bool(re.search(rb"<(?:rss|feed|rdf:RDF)\b", head[:2048], re.I))


def _reader(kind: str) -> Callable[[Source, ReadOptions], Iterator[Item]]:
    module, func = _READERS[kind]
    return getattr(importlib.import_module(f"{__package__}.{module}"), func)


def read_source(kind: str, src: Source, options: ReadOptions) -> Iterator[Item]:
    """Read ``src`` with the reader for ``kind``. A failure no check foresaw is still one line
    for this source, never the end of the batch."""
    if blank(src.data):
        yield InputError(src.origin, "empty file")
        return
    try:
        yield from _reader(kind)(src, options)
    except Exception as exc:  # noqa: BLE001 — one bad source must not stop the batch
        yield InputError(src.origin, f"could not read ({type(exc).__name__}: {exc})")


def read_bytes(name: str, data: bytes, *, options: ReadOptions | None = None,
               origin: str | None = None, stem: str | None = None) -> Iterator[Item]:
    """Read the articles in ``data``, a file called ``name`` (an upload, an attachment): the
    same readers and messages as for files on disk."""
    origin = origin or name
    kind = kind_of(name)
    if kind is None:
        yield unsupported(origin, name)
        return
    options = options or ReadOptions()
    with options.fetching():
        yield from read_source(kind, Source(data, origin, stem or PurePath(name).stem), options)
