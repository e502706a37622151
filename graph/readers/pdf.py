"""PDF documents: text from the text layer (pypdf), title, author and date from the metadata.

Lines repeated in the margins of most pages (running headers and footers) and page numbers
are removed, words hyphenated across line ends are joined, and the cleaning stage unwraps the
lines into paragraphs. A PDF without a text layer (a scan) is refused: OCR it first.

What a PDF inflates is bounded for the whole document, not only per stream: pypdf's own
limits stop any one stream at 50 MB, every stream pypdf decodes is counted against one
50 MB budget, and so is the text extracted (a form drawn many times yields its text each
time). Past a bound the PDF is refused with one line.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import logging
import re
from collections import Counter
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import date
from typing import TYPE_CHECKING

from graph.core.errors import RelgraphError
from graph.readers.base import InputError, InputWarning, Item, ReadOptions, Source, make_article
from graph.readers.limits import INFLATED_TOO_LARGE, MAX_INFLATED_BYTES, Budget, TooLarge

if TYPE_CHECKING:  # pypdf is imported when the first PDF is read
    from pypdf import PageObject, PdfReader
    from pypdf.generic import StreamObject

__all__ = ["pdf_text", "read_pdf"]

_MARGIN = 2  # lines at the top and bottom of a page that may be running headers/footers
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:page\s*)?#(?:\s*(?:of|/)\s*#)?[-–—\s]*$", re.I)
_HYPHENATED = re.compile(r"(?<=[^\W\d_])-\n(?=[a-z])")
_JUNK_TITLE = re.compile(r"^(?:microsoft \w+ - |untitled\b)|\.(?:docx?|pdf|odt|rtf|indd)$",
                         re.I)
#: The inflation budget of the PDF being read in this thread (None outside :func:`read_pdf`).
_BUDGET: ContextVar[Budget | None] = ContextVar("relgraph_pdf_budget", default=None)
#: pypdf's limit messages that mean a stream inflates too much (others: too many tokens, ...).
_INFLATING = re.compile(r"decompress|decoding|stream length|output length|image size", re.I)
#: What one stream may inflate: half the document's budget, since zlib briefly holds a
#: stream's output twice while it grows (pypdf's defaults are 75 MB).
_STREAM_LIMIT = MAX_INFLATED_BYTES // 2
#: pypdf's per-stream output limits, all set to :data:`_STREAM_LIMIT`.
_STREAM_LIMITS = ("maximum_declared_stream_length", "array_based_stream_maximum_output_length",
                  "jbig2_maximum_output_length", "lzw_maximum_output_length",
                  "run_length_maximum_output_length", "zlib_maximum_output_length",
                  "brotli_maximum_output_length", "image_maximum_buffer_size",
                  "stream_decoding_work_maximum_length", "xfa_decoding_work_maximum_length")
#: Tokens (operators and operands) pypdf parses in one content stream. Each costs ~100 bytes
#: while the page is read: pypdf's default of 2,000,000 let a 25 KB PDF take 210 MB. A page
#: of dense text has ~30,000; a page past this (vector art, or hostile) is skipped.
_MAX_TOKENS = 500_000


class _Encrypted(RelgraphError):
    """An encrypted PDF that the empty password does not open (:func:`read_pdf` turns it into
    an input error: the rest of the batch goes through)."""


def read_pdf(src: Source, options: ReadOptions) -> Iterator[Item]:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not for users
    try:
        pages, meta, skipped = _read(PdfReader, src.data)
    except _Encrypted:
        yield InputError(src.origin, "encrypted PDF (needs a password); save an unencrypted "
                                     "copy first")
        return
    except TooLarge as exc:
        yield InputError(src.origin, str(exc))
        return
    except LimitReachedError as exc:  # one of pypdf's per-stream limits
        reason = str(exc).splitlines()[0] if str(exc) else "a size limit"
        yield InputError(src.origin, INFLATED_TOO_LARGE if _INFLATING.search(reason)
                         else f"not a readable PDF (past pypdf's limits: {reason})")
        return
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        yield InputError(src.origin, f"not a readable PDF ({reason})")
        return
    if not any(p.strip() for p in pages):
        yield InputError(src.origin, "no text layer; OCR it first")
        return
    for number, reason in skipped:
        yield InputWarning(src.origin, f"page {number} not read (past pypdf's limits: "
                                       f"{reason})")
    yield from make_article({**meta, "url": src.url, "text": pdf_text(pages)}, src.origin,
                            src.stem)


def _read(reader_class: type, data: bytes) -> tuple[list[str], dict, list[tuple[int, str]]]:
    """``(text of each page, metadata, pages skipped as (number, reason))``, inflating at most
    :data:`MAX_INFLATED_BYTES` for the whole document. A page past one of pypdf's parsing
    limits is skipped (the document is refused if no page is left). Raises
    :class:`_Encrypted`, :class:`TooLarge` or pypdf's errors."""
    from pypdf.errors import DependencyError, LimitReachedError, PyPdfError

    _count_decoded_streams()
    budget = Budget()
    token = _BUDGET.set(budget)
    try:
        with _stream_limits():
            reader = reader_class(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    if not reader.decrypt(""):
                        raise DependencyError
                except (DependencyError, PyPdfError, NotImplementedError):
                    raise _Encrypted from None

            def count_text(text: str, *_: object) -> None:
                budget.take(len(text))

            # Inflate every page's content first (cheap, and cached for the extraction), so
            # a document past the budget is refused before any slow text extraction.
            for page in reader.pages:
                _decode_contents(page)
            pages, skipped = [], []
            for number, page in enumerate(reader.pages, start=1):
                try:
                    pages.append(page.extract_text(visitor_text=count_text) or "")
                except LimitReachedError as exc:  # too many tokens, ... (not inflation)
                    if _INFLATING.search(str(exc)):
                        raise
                    pages.append("")
                    skipped.append((number, str(exc).splitlines()[0] if str(exc) else ""))
            if skipped and not any(p.strip() for p in pages):
                raise LimitReachedError(skipped[0][1])
            return pages, _metadata(reader), skipped
    finally:
        _BUDGET.reset(token)


def _stream_limits() -> contextlib.AbstractContextManager:
    """pypdf's per-stream limits set to :data:`_STREAM_LIMIT` for this thread, as far as the
    installed pypdf has them (``apply_configuration`` since 6.18; older versions keep their
    fixed 75 MB, and the document-wide count still applies)."""
    try:
        from pypdf import Configuration, apply_configuration
    except ImportError:
        return contextlib.nullcontext()
    known = {field.name for field in dataclasses.fields(Configuration)}
    limits = {name: _STREAM_LIMIT for name in _STREAM_LIMITS if name in known}
    if "stream_parsing_work_maximum_count" in known:
        limits["stream_parsing_work_maximum_count"] = _MAX_TOKENS
    return apply_configuration(None, **limits)  # None: the current configuration


def _decode_contents(page: PageObject) -> None:
    """Decode the page's content streams (pypdf keeps them decoded for the extraction)."""
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    for part in contents if isinstance(contents, list) else [contents]:
        part = part.get_object() if part is not None else None
        if part is not None and hasattr(part, "get_data"):
            part.get_data()


def _count_decoded_streams() -> None:
    """Make pypdf count every stream it decodes against the budget of the PDF being read.

    pypdf limits each stream but not their sum: a PDF of a hundred pages, each a 40 MB
    stream, inflates 4 GB and keeps it (decoded streams are cached). pypdf has no hook or
    setting for a document-wide bound, so its one decoding function
    (``pypdf.filters.decode_stream_data``, looked up at each call by
    ``EncodedStreamObject.get_data``) is wrapped, once per process, by one that counts what
    it returns. Outside :func:`read_pdf` (no budget set) it only passes the data through."""
    from pypdf import filters

    if getattr(filters.decode_stream_data, "counted_by_relgraph", False):
        return
    decode = filters.decode_stream_data

    def counted(stream: StreamObject) -> bytes:
        data = decode(stream)
        budget = _BUDGET.get()
        if budget is not None:
            budget.take(len(data))
        return data

    counted.counted_by_relgraph = True  # type: ignore[attr-defined]  # a marker on the wrapper
    filters.decode_stream_data = counted


def _metadata(reader: PdfReader) -> dict:
    try:
        info = reader.metadata
    except Exception:  # noqa: BLE001 — a broken Info dictionary only loses metadata
        return {}
    if not info:
        return {}
    fields: dict[str, str | date] = {}
    for key, attr in (("title", "title"), ("author", "author")):
        try:
            value = getattr(info, attr)
        except Exception:  # noqa: BLE001
            value = None
        if isinstance(value, str) and value.strip() and not (
                key == "title" and _JUNK_TITLE.search(value.strip())):
            fields[key] = value
    try:
        created = info.creation_date
    except Exception:  # noqa: BLE001 — an unparseable date is no date
        created = None
    if created is not None:
        fields["date"] = created.date()
    return fields


def pdf_text(pages: list[str]) -> str:
    """The text of a document's pages: running headers/footers and page numbers removed,
    hyphenation at line ends undone."""
    lines = [[ln.rstrip() for ln in p.replace("\xad", "").split("\n")] for p in pages]
    repeated = _repeated_margins(lines)
    kept = []
    for page in lines:
        body = [ln for ln in page if ln.strip()]
        top, bottom = 0, len(body)
        while top < min(_MARGIN, bottom) and _margin_junk(body[top], repeated):
            top += 1
        while bottom > max(top, len(body) - _MARGIN) and _margin_junk(body[bottom - 1],
                                                                       repeated):
            bottom -= 1
        kept.append("\n".join(body[top:bottom]))
    return _HYPHENATED.sub("", "\n".join(p for p in kept if p))


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def _margin_junk(line: str, repeated: set[str]) -> bool:
    key = _key(line)
    return key in repeated or bool(_PAGE_NUMBER.match(key))


def _repeated_margins(pages: list[list[str]]) -> set[str]:
    """Keys of lines found in the margins of at least half the pages (at least two)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        body = [ln for ln in page if ln.strip()]
        counts.update({_key(ln) for ln in body[:_MARGIN] + body[-_MARGIN:]})
    needed = max(2, (len(pages) + 1) // 2)
    return {k for k, c in counts.items() if c >= needed}
