"""Web pages by URL: the URL reader. A page is fetched (:mod:`graph.readers.fetcher`) and read
by content type: HTML pages through the HTML reader (id and URL from the page's canonical
link), feeds, PDFs, Word files, plain text. Fetching is part of the reader stage, so it
happens before any NLP.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from graph.core.errors import FetchError
from graph.core.model import Article
from graph.readers.base import InputError, Item, ReadOptions, Source, is_url
from graph.readers.dispatch import kind_of, looks_like_feed, read_source
from graph.readers.urls import clean_url, url_id

if TYPE_CHECKING:  # the fetcher (httpx, httpcore) loads when the first page is fetched
    from graph.readers.fetcher import Page

__all__ = ["read_url"]

#: Media type → kind of input (see graph.readers.dispatch).
CONTENT_KINDS = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed",
    "application/rdf+xml": "feed", "application/xml": "feed", "text/xml": "feed",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "message/rfc822": "email", "application/mbox": "mbox",
    "text/plain": "text", "text/markdown": "markdown", "text/csv": "csv",
    "application/json": "json", "application/x-ndjson": "jsonl",
}



def read_url(url: str, options: ReadOptions, *, feeds: bool = True) -> Iterator[Item]:
    """Download ``url`` and read what it holds (a page, a feed, a PDF, ...). With
    ``feeds=False`` a feed is not read (an error instead): a feed's entries are read with it,
    so that following a feed's links stops after one level (a feed linking to itself or to
    other feeds would otherwise be fetched without end)."""
    if not is_url(url):
        yield InputError(url, "not an http(s) URL")
        return
    try:
        page = options.get_fetcher().fetch(url)
    except FetchError as exc:
        yield InputError(url, str(exc))
        return
    kind = _kind(page)
    if kind is None:
        yield InputError(url, f"not an article (content type {page.content_type or 'unknown'})")
        return
    if kind == "feed" and not feeds:
        yield InputError(url, "another feed (a feed's links are followed one level only)")
        return
    final = clean_url(page.url)
    for item in read_source(kind, Source(page.data, url, url_id(final), final, page.charset),
                            options):
        # where the id came from: the page's canonical URL (set by the reader), else this one
        yield replace(item, location=final) if isinstance(item, Article) and not \
            item.location else item


def _kind(page: Page) -> str | None:
    head = page.data[:1024].lstrip().lower()
    if looks_like_feed(head):
        return "feed"
    kind = CONTENT_KINDS.get(page.content_type)
    if kind:
        return kind
    if page.data.startswith(b"%PDF"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if page.content_type in ("", "application/octet-stream", "binary/octet-stream"):
        return kind_of(urlsplit(page.url).path)
    return None
