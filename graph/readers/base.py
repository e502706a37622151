"""What every reader yields, and the one place raw fields become an :class:`Article`.

Readers never raise for bad input: they yield :class:`InputError` (the article is not
ingested), :class:`InputWarning` (the article is kept; something about it is worth knowing) or
:class:`Skipped` (a file or directory not read), each naming where it came from, so one bad file
or record is one line and the rest of the batch goes on.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from graph.core.model import Article
from graph.readers.cleaning import clean_text, normalise, one_line
from graph.readers.dates import read_date
from graph.readers.decode import NotText, decode
from graph.readers.pubdate import article_date

if TYPE_CHECKING:
    from graph.readers.fetcher import Fetcher

__all__ = ["FIELDS", "InputError", "InputWarning", "Item", "ReadOptions", "Skipped", "Source",
           "blank", "decoded", "display", "is_url", "make_article"]

#: Metadata fields every record-based format understands.
FIELDS = ("id", "title", "date", "source", "url", "author", "text")


def is_url(text: object) -> bool:
    """Whether ``text`` is an http(s) URL (rather than a path)."""
    return isinstance(text, str) and bool(re.match(r"https?://[^\s/]", text, re.I))


def display(origin: object) -> str:
    """``origin`` as one printable line. File names that are not valid UTF-8 arrive with
    surrogate escapes; those bytes show as U+FFFD instead of breaking the output."""
    text = str(origin)
    # Lone surrogates that are no escaped bytes fail to encode; one_line drops them.
    with contextlib.suppress(UnicodeEncodeError):
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return one_line(text)


@dataclass(frozen=True)
class InputError:
    """A bad file or record, not ingested: where it is and what is wrong, as one line."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{display(self.origin)}: {one_line(self.message)}"


@dataclass(frozen=True)
class InputWarning:
    """Something about a kept article worth knowing (encoding used, a date dropped)."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{display(self.origin)}: {one_line(self.message)}"


@dataclass(frozen=True)
class Skipped:
    """A file or directory that was not read (unsupported type, unreadable directory)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{display(self.origin)} ({one_line(self.reason)})"


#: Everything a reader yields.
Item = Article | InputError | InputWarning | Skipped


@dataclass
class ReadOptions:
    """How to read: ``since`` keeps feed entries from that date on; ``fetcher`` downloads web
    pages, for every reader that follows a link (a default
    :class:`~graph.readers.fetcher.Fetcher` is made on first use: it refuses local and private
    addresses, so what a server reads for its users fetches nothing of its own network);
    ``url_files`` are files listing URLs, one per line; ``fetch_options`` are the keyword
    arguments of the fetcher made on first use (the command line, fetching for its own user,
    passes ``timeout`` and ``public_only=False``)."""

    since: date | None = None
    fetcher: Fetcher | None = None
    url_files: tuple[str, ...] = ()
    fetch_options: dict[str, Any] = field(default_factory=dict)

    def get_fetcher(self) -> Fetcher:
        if self.fetcher is None:
            # httpx and httpcore (0.1 s) only when something is fetched: reading files and
            # re-ingesting an unchanged corpus never pay for them
            from graph.readers.fetcher import Fetcher

            self.fetcher = Fetcher(**self.fetch_options)
        return self.fetcher

    @contextlib.contextmanager
    def fetching(self) -> Iterator[None]:
        """Close a fetcher made on demand inside this block (one given by the caller is the
        caller's to close)."""
        given = self.fetcher is not None
        try:
            yield
        finally:
            if not given and self.fetcher is not None:
                self.fetcher.close()
                self.fetcher = None


@dataclass(frozen=True)
class Source:
    """One thing to read: its bytes, where it came from (for messages), the default article
    id, and for downloads the URL and the charset the server declared."""

    data: bytes
    origin: str
    stem: str
    url: str = ""
    charset: str | None = None


def decoded(src: Source, declared: str | None = None) -> tuple[str | None, list[Item]]:
    """The source's text (``None`` if it is not text) and the note or error to report."""
    try:
        text, note = decode(src.data, declared or src.charset)
    except NotText as exc:
        return None, [InputError(src.origin, str(exc))]
    if blank(text):
        return None, [InputError(src.origin, "empty file")]
    return text, [InputWarning(src.origin, note)] if note else []


def blank(text: str | bytes) -> bool:
    """``not text.strip()``, without the copy ``strip`` makes of a long text."""
    return not text or text.isspace()


def make_article(fields: dict, origin: str, default_id: str, *, date_order: str | None = None,
                 date_origin: str | None = None, location: str = "",
                 ) -> Iterator[Article | InputError | InputWarning]:
    """Validate raw fields into an :class:`Article`, normalising the text and every metadata
    field (so no reader can let a control character or lone surrogate through).

    A bad date keeps the article, undated, with a warning (naming ``date_origin`` if the date
    has its own line); ``date_order`` settles ambiguous day/month dates. ``location`` is where
    the id came from when a reader knows better than the file (a web page's URL). Missing text
    is an error.
    """
    origin = display(origin)
    raw_text = fields.get("text")
    if not isinstance(raw_text, str) or blank(raw_text):
        yield InputError(origin, "missing article text")
        return
    text, broken = normalise(raw_text)
    notes = []  # reported only if the article is kept
    if broken:
        notes.append(InputWarning(origin, f"{broken} invalid character{'s' * (broken > 1)} "
                                          "(lone surrogates) removed from the text"))
    day, note = read_date(fields.get("date"), order=date_order)
    if note:
        notes.append(InputWarning(display(date_origin or origin), note))
    elif day is None:  # no metadata date: a stamp, a dateline, or a plausible body date
        day, why = article_date(text)
        if why:
            notes.append(InputWarning(origin, why))
    title = _field(fields.get("title"))
    cleaned = clean_text(text, title=title)
    if blank(cleaned.text):
        yield InputError(origin, "article has no text left after removing boilerplate")
        return
    yield from notes
    given_id = _field(fields.get("id"))
    yield Article(
        id=given_id or display(default_id),
        text=cleaned.text,
        title=title or cleaned.title,
        date=day,  # a bad metadata date: undated
        source=_field(fields.get("source")),
        url=_field(fields.get("url")),
        author=_field(fields.get("author")) or cleaned.author,
        origin=origin,
        location=location,
        explicit_id=bool(given_id),
    )


def _field(value: object) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return one_line(str(value))
