"""PDF documents: text from the text layer (pypdf), title, author and date from the metadata.

Lines repeated in the margins of most pages (running headers and footers) and page numbers
are removed, words hyphenated across line ends are joined, and the cleaning stage unwraps the
lines into paragraphs. A PDF without a text layer (a scan) is refused: OCR it first.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Iterator

from .base import InputError, Item, ReadOptions, Source, make_article

__all__ = ["pdf_text", "read_pdf"]

_MARGIN = 2  # lines at the top and bottom of a page that may be running headers/footers
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:page\s*)?#(?:\s*(?:of|/)\s*#)?[-–—\s]*$", re.I)
_HYPHENATED = re.compile(r"(?<=[^\W\d_])-\n(?=[a-z])")
_JUNK_TITLE = re.compile(r"^(?:microsoft \w+ - |untitled\b)|\.(?:docx?|pdf|odt|rtf|indd)$",
                         re.I)


def read_pdf(src: Source, options: ReadOptions) -> Iterator[Item]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not for users
    try:
        reader = PdfReader(io.BytesIO(src.data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise DependencyError
            except (DependencyError, PyPdfError, NotImplementedError):
                yield InputError(src.origin, "encrypted PDF (needs a password); save an "
                                             "unencrypted copy first")
                return
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        yield InputError(src.origin, f"not a readable PDF ({reason})")
        return
    if not any(p.strip() for p in pages):
        yield InputError(src.origin, "no text layer; OCR it first")
        return
    meta = _metadata(reader)
    yield from make_article({**meta, "url": src.url, "text": pdf_text(pages)}, src.origin,
                            src.stem)


def _metadata(reader) -> dict:  # noqa: ANN001
    try:
        info = reader.metadata
    except Exception:  # noqa: BLE001 — a broken Info dictionary only loses metadata
        return {}
    if not info:
        return {}
    fields = {}
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
