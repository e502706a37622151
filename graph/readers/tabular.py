"""Record formats: JSON Lines, JSON (a list, an object, or JSON Lines in a ``.json`` file) and
CSV with a header row. Each record is one article; a bad record is one line naming the file
and the line where the record starts, and the rest of the file is read.

A large JSON Lines file on disk is streamed (:func:`stream_jsonl`): read line by line, twice
(the dates first, to settle the file's day/month order, then the records), so reading a
100,000-article file holds one line at a time, not the file, its text and every record.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.readers.base import FIELDS, InputError, Item, ReadOptions, Source, decoded, make_article
from graph.readers.dates import slash_order

__all__ = ["STREAM_BYTES", "read_csv", "read_json", "read_jsonl", "stream_jsonl"]

#: JSON Lines files from this size on are streamed from disk; smaller ones are read whole
#: (one pass instead of two; their memory does not matter).
STREAM_BYTES = 1 << 20
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE,
              codecs.BOM_UTF16_BE)

# Article texts are long; the csv module's default limit (128 KiB per field) would refuse them.
# Raising it is process-wide but only loosens a limit.
csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))


def read_json(src: Source, options: ReadOptions) -> Iterator[Item]:
    """A ``.json`` file: a list of records, one record, or JSON Lines."""
    text, notes = decoded(src)
    yield from notes
    if text is None:
        return
    stripped = text.lstrip()
    if not stripped.startswith(("[", "{")):
        yield from _lines(text, src)
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if stripped.startswith("{") and "\n{" in text:
            yield from _lines(text, src)  # a .json file holding JSON Lines
            return
        yield InputError(f"{src.origin}:{exc.lineno}", f"malformed JSON ({exc.msg})")
        return
    except RecursionError:
        yield InputError(src.origin, "JSON nested too deeply")
        return
    records = data if isinstance(data, list) else [data]
    order = slash_order(r.get("date") for r in records if isinstance(r, dict))
    for n, record in enumerate(records, start=1):
        yield from _record(record, f"{src.origin}[{n}]",
                           f"{src.stem}-{n}" if len(records) > 1 else src.stem, order)


def read_jsonl(src: Source, options: ReadOptions) -> Iterator[Item]:
    """A JSON Lines file: one record per line."""
    text, notes = decoded(src)
    yield from notes
    if text is not None:
        yield from _lines(text, src)


def _lines(text: str, src: Source) -> Iterator[Item]:
    # split("\n"), not splitlines(): U+2028 and \x1c-\x1e are legal inside JSON strings.
    parsed = list(_parse(enumerate(text.split("\n"), start=1), src.origin))
    order = slash_order(r.get("date") for _, r in parsed if isinstance(r, dict))
    yield from _records(parsed, src.origin, src.stem, order)


def _parse(lines: Iterable[tuple[int, str]], origin: str,
           ) -> Iterator[tuple[int, object | InputError]]:
    """``(line number, record or error)`` for every non-blank line."""
    for n, line in lines:
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, InputError(f"{origin}:{n}", f"malformed JSON line ({exc.msg})")
        except RecursionError:
            yield n, InputError(f"{origin}:{n}", "JSON nested too deeply")


def _records(parsed: Iterable[tuple[int, object | InputError]], origin: str, stem: str,
             order: str | None) -> Iterator[Item]:
    for n, record in parsed:
        if isinstance(record, InputError):
            yield record
        else:
            yield from _record(record, f"{origin}:{n}", f"{stem}-{n}", order)


def stream_jsonl(path: Path, origin: str) -> Iterator[Item] | None:
    """The items of the JSON Lines file at ``path``, read from disk a line at a time (the same
    items, messages and day/month order as :func:`read_jsonl` of the whole file), or ``None``
    when it must be read whole: smaller than :data:`STREAM_BYTES`, not UTF-8 (the whole-file
    decoder detects legacy encodings and reports them), or holding no record. The first pass
    (this call) checks the encoding and gathers the dates; the items come from a second."""
    if path.stat().st_size < STREAM_BYTES:
        return None
    state = {"utf8": True, "records": 0}
    order = slash_order(r.get("date") for _, r in _parse(_disk_lines(path, state), origin)
                        if isinstance(r, dict))
    if not state["utf8"] or not state["records"]:
        return None
    return _records(_parse(_disk_lines(path, {}), origin), origin, path.stem, order)


def _disk_lines(path: Path, state: dict) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` of the file's lines as UTF-8; on bytes that are not UTF-8 (or a
    UTF-16/32 byte-order mark, a NUL) ``state["utf8"]`` becomes False and the lines end."""
    with path.open("rb") as f:
        for n, raw in enumerate(f, start=1):
            if n == 1:
                if raw.startswith(_WIDE_BOMS):
                    state["utf8"] = False
                    return
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if b"\x00" in raw:
                state["utf8"] = False
                return
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                state["utf8"] = False
                return
            if line.strip():
                state["records"] = state.get("records", 0) + 1
            yield n, line.removesuffix("\n")


def _record(record: object, origin: str, default_id: str, order: str | None) -> Iterator[Item]:
    if not isinstance(record, dict):
        yield InputError(origin, "expected a JSON object with a 'text' field")
        return
    yield from make_article({k.lower(): v for k, v in record.items() if isinstance(k, str)},
                            origin, default_id, date_order=order)


def read_csv(src: Source, options: ReadOptions) -> Iterator[Item]:
    """A CSV file with a header row naming the fields (``text`` is required)."""
    text, notes = decoded(src)
    yield from notes
    if text is None:
        return
    rows = list(_rows(text, src.origin))
    if not rows:
        yield InputError(src.origin, "empty file")
        return
    if isinstance(rows[0][1], InputError):
        yield rows[0][1]
        return
    header = [h.strip().lower() for h in rows[0][1]]
    if "text" not in header:
        found = ", ".join(h for h in header if h) or "none"
        yield InputError(f"{src.origin}:{rows[0][0]}", f"CSV has no 'text' column (expected "
                                                       f"columns: {', '.join(FIELDS)}; found: "
                                                       f"{found})")
        return
    records = [(n, dict(zip(header, row, strict=False)) if isinstance(row, list) else row,
                isinstance(row, list) and len(row) > len(header)) for n, row in rows[1:]]
    order = slash_order(r.get("date") for _, r, _ in records if isinstance(r, dict))
    for n, record, too_long in records:
        origin = f"{src.origin}:{n}"
        if isinstance(record, InputError):
            yield record
        elif too_long:
            yield InputError(origin, "more fields than the header has")
        else:
            yield from make_article(record, origin, f"{src.stem}-{n}", date_order=order)


def _rows(text: str, origin: str) -> Iterator[tuple[int, list[str] | InputError]]:
    """``(line where the record starts, fields or error)`` for every non-blank record. Strict
    parsing: an unterminated or stray quote is an error, not a field swallowing the rest."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "end of data" in str(exc):
                message = "unterminated quote: the record starting here runs to the end of " \
                          "the file"
            else:
                end = reader.line_num
                where = f"; the record runs to line {end}, a quote not closed?" if end > start \
                    else ""
                message = f"malformed CSV record ({exc}{where})"
            yield start, InputError(f"{origin}:{start}", message)
            continue
        if row and any(cell.strip() for cell in row):
            yield start, row
