"""Read articles from files: plain text, Markdown with front matter, HTML, JSON Lines/JSON, CSV.

Readers yield :class:`~graph.model.Article` objects or :class:`InputError` values (never raise
for bad input), so one bad file or line is reported and the rest of the batch goes on.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from .cleaning import clean_text, find_date
from .model import Article

__all__ = ["SUFFIXES", "InputError", "find_files", "parse_date", "read_paths"]

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".json", ".csv")
FIELDS = ("id", "title", "date", "source", "url", "author", "text")


@dataclass(frozen=True)
class InputError:
    """A bad file or record: where it is and what is wrong, as one line."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def find_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Expand files and directories (recursively) into readable article files, sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (child.is_file() and child.suffix.lower() in SUFFIXES
                        and not any(p.startswith(".") for p in child.relative_to(path).parts)):
                    yield child
        elif path.is_file():
            yield path
        else:
            yield InputError(str(path), "no such file or directory")


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Read every article found under ``paths``."""
    for item in find_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            where = str(item.resolve())
            for found in read_file(item):
                yield replace(found, location=where) if isinstance(found, Article) else found


def read_file(path: Path) -> Iterator[Article | InputError]:
    """Read the articles in one file, choosing the reader by suffix."""
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield InputError(origin, f"unsupported file type {suffix or '(none)'!r}; "
                                 f"use one of {', '.join(SUFFIXES)}")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(origin, f"cannot read file ({exc.strerror or exc})")
        return
    if b"\x00" in data[:8192]:
        yield InputError(origin, "binary file, not text")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield InputError(origin, f"not UTF-8 text (bad byte 0x{data[exc.start]:02x} "
                                 f"at offset {exc.start})")
        return
    if not text.strip():
        yield InputError(origin, "empty file")
        return
    if suffix in (".jsonl", ".json"):
        yield from _read_json(text, path)
    elif suffix == ".csv":
        yield from _read_csv(text, path)
    elif suffix in (".html", ".htm"):
        yield _read_html(text, path)
    else:
        yield _read_text(text, path, markdown=suffix != ".txt")


def parse_date(value: object) -> date | None:
    """Parse an ISO date or datetime (or a ``date``); ``None``/empty means undated.

    Raises ``ValueError`` with a readable message for anything else.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
    except ValueError:
        found = find_date(text)
        if found and len(text) <= 40:
            return found
        raise ValueError(f"bad date {text!r} (use YYYY-MM-DD)") from None


def make_article(fields: dict, origin: str, default_id: str) -> Article | InputError:
    """Validate raw fields into an :class:`Article`: clean text, id, date (metadata or text)."""
    raw_text = fields.get("text")
    if not isinstance(raw_text, str) or not raw_text.strip():
        return InputError(origin, "missing article text")
    try:
        day = parse_date(fields.get("date"))
    except ValueError as exc:
        return InputError(origin, str(exc))
    title = _str(fields.get("title"))
    cleaned = clean_text(raw_text, title=title)
    if not cleaned.text.strip():
        return InputError(origin, "article has no text left after removing boilerplate")
    article_id = _str(fields.get("id")) or default_id
    return Article(
        id=article_id,
        text=cleaned.text,
        title=title or cleaned.title,
        date=day or find_date(cleaned.text),
        source=_str(fields.get("source")),
        url=_str(fields.get("url")),
        author=_str(fields.get("author")) or cleaned.author,
        origin=origin,
        explicit_id=bool(_str(fields.get("id"))),
    )


def _str(value: object) -> str:
    return "" if value is None else str(value).strip()


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_MD_SYNTAX = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links → their text
    (re.compile(r"^#{1,6}\s*", re.M), ""),  # headings
    (re.compile(r"^\s*>\s?", re.M), ""),  # quotes
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # italics
]


def _read_text(text: str, path: Path, markdown: bool) -> Article | InputError:
    meta: dict = {}
    match = _FRONT.match(text)
    if match:
        try:
            meta = _front_matter(match.group(1))
        except ValueError as exc:
            return InputError(str(path), f"bad front matter: {exc}")
        text = text[match.end():]
    if markdown:
        for pattern, repl in _MD_SYNTAX:
            text = pattern.sub(repl, text)
    return make_article({**meta, "text": text}, str(path), path.stem)


def _front_matter(block: str) -> dict:
    """Parse simple ``key: value`` front matter (the YAML subset articles use)."""
    meta = {}
    for n, line in enumerate(block.splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise ValueError(f"line {n}: expected 'key: value'")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        meta[key.strip().lower()] = value
    return meta


def _read_html(text: str, path: Path) -> Article | InputError:
    import trafilatura

    result = trafilatura.extract(text, output_format="json", with_metadata=True,
                                 include_comments=False, include_tables=False)
    if not result:
        return InputError(str(path), "no article text found in HTML")
    data = json.loads(result)
    body = data.get("text") or ""
    fields = {
        "id": None,
        "title": data.get("title"),
        "date": data.get("date") if _declared_date(text) else None,
        "source": data.get("sitename") or data.get("source-hostname") or data.get("hostname"),
        "url": data.get("source") if str(data.get("source") or "").startswith("http") else "",
        "author": data.get("author"),
        "text": body,
    }
    return make_article(fields, str(path), path.stem)


def _declared_date(html: str) -> bool:
    # trafilatura falls back to guesses (even today's date); trust it only if the page has one.
    return bool(re.search(r"(date|time|published)[^>]{0,80}\d{4}-\d{2}-\d{2}|<time\b", html, re.I))


def _read_json(text: str, path: Path) -> Iterator[Article | InputError]:
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" and stripped.startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            if stripped.startswith("{") and "\n{" in text:
                yield from _read_lines(text, path)  # a .json file holding JSON Lines
                return
            yield InputError(f"{path}:{exc.lineno}", f"malformed JSON ({exc.msg})")
            return
        records = data if isinstance(data, list) else [data]
        for n, record in enumerate(records, start=1):
            yield _record(record, f"{path}[{n}]", f"{path.stem}-{n}" if len(records) > 1
                          else path.stem)
        return
    yield from _read_lines(text, path)


def _read_lines(text: str, path: Path) -> Iterator[Article | InputError]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(origin, f"malformed JSON line ({exc.msg})")
            continue
        yield _record(record, origin, f"{path.stem}-{n}")


def _record(record: object, origin: str, default_id: str) -> Article | InputError:
    if not isinstance(record, dict):
        return InputError(origin, "expected a JSON object with a 'text' field")
    return make_article({k.lower(): v for k, v in record.items() if isinstance(k, str)},
                        origin, default_id)


def _read_csv(text: str, path: Path) -> Iterator[Article | InputError]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "text" not in header:
        found = ", ".join(h for h in header if h) or "none"
        yield InputError(f"{path}:1", f"CSV has no 'text' column (expected columns: "
                                      f"{', '.join(FIELDS)}; found: {found})")
        return
    reader.fieldnames = header
    try:
        for row in reader:
            origin = f"{path}:{reader.line_num}"
            if None in row:
                yield InputError(origin, "more fields than the header has")
                continue
            yield make_article(row, origin, f"{path.stem}-{reader.line_num}")
    except csv.Error as exc:
        yield InputError(f"{path}:{reader.line_num}", f"malformed CSV ({exc})")

