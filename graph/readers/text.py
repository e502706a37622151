"""Plain text and Markdown with optional ``---`` front matter."""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.readers.base import InputError, Item, ReadOptions, Source, decoded, make_article

__all__ = ["read_markdown", "read_text"]

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_MD_SYNTAX = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links → their text
    (re.compile(r"^#{1,6}\s*", re.M), ""),  # headings
    (re.compile(r"^\s*>\s?", re.M), ""),  # quotes
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # italics
]


def read_text(src: Source, options: ReadOptions) -> Iterator[Item]:
    """A ``.txt`` file: front matter if present, then the text as it is."""
    yield from _read(src, markdown=False)


def read_markdown(src: Source, options: ReadOptions) -> Iterator[Item]:
    """A Markdown file: front matter, then the text with Markdown syntax removed."""
    yield from _read(src, markdown=True)


def _read(src: Source, markdown: bool) -> Iterator[Item]:
    text, notes = decoded(src)
    yield from notes
    if text is None:
        return
    meta: dict = {"url": src.url} if src.url else {}
    lines: dict[str, int] = {}
    match = _FRONT.match(text)
    if match:
        try:
            meta.update(_front_matter(match.group(1), lines))
        except ValueError as exc:
            yield InputError(src.origin, f"bad front matter: {exc}")
            return
        text = text[match.end():]
    if markdown:
        for pattern, repl in _MD_SYNTAX:
            text = pattern.sub(repl, text)
    date_origin = f"{src.origin}:{lines['date']}" if "date" in lines else None
    yield from make_article({**meta, "text": text}, src.origin, src.stem,
                            date_origin=date_origin)


def _front_matter(block: str, lines: dict[str, int]) -> dict:
    """Parse simple ``key: value`` front matter (the YAML subset articles use); ``lines``
    receives the line number of each key."""
    meta = {}
    for n, line in enumerate(block.split("\n"), start=2):  # not splitlines: \x1e, \u2028
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise ValueError(f"line {n}: expected 'key: value'")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        meta[key.strip().lower()] = value
        lines[key.strip().lower()] = n
    return meta
