"""RSS and Atom feeds (files or URLs), parsed with feedparser.

Each entry becomes an article: the linked page's text when it can be fetched, else the entry's
own content (with a warning saying why). Links are followed one level: a link that leads to a
feed (the feed itself, another one) is not read as a feed, and the entry's own text is used.
``ReadOptions.since`` leaves out entries dated before it (entries without a date are kept); how
many were left out is one ``skipped`` line.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterator
from datetime import date

from graph.core.model import Article
from graph.readers.base import (
    InputError,
    InputWarning,
    Item,
    ReadOptions,
    Skipped,
    Source,
    is_url,
    make_article,
)
from graph.readers.dates import read_date
from graph.readers.html import fragment_text
from graph.readers.urls import clean_url, url_id
from graph.readers.web import read_url

__all__ = ["read_feed"]


def read_feed(src: Source, options: ReadOptions) -> Iterator[Item]:
    import feedparser

    headers = {"content-location": src.url} if src.url else None
    # A stream, never the bytes: feedparser opens bytes that name a file as that file (an
    # upload holding "/dev/zero" or the path of a feed on the server would be read from disk).
    parsed = feedparser.parse(io.BytesIO(src.data), response_headers=headers)
    if not parsed.entries:
        if parsed.get("version"):
            yield InputWarning(src.origin, "the feed has no entries")
        else:
            reason = str(parsed.get("bozo_exception") or "").split("\n")[0]
            at = re.match(r"<unknown>:(\d+):\d+: (.*)", reason)
            reason = f"XML {at.group(2)} at line {at.group(1)}" if at else reason
            yield InputError(src.origin, "not an RSS or Atom feed" + (f" ({reason})" if reason
                                                                      else ""))
        return
    source = parsed.feed.get("title") or ""
    older = 0
    for n, entry in enumerate(parsed.entries, start=1):
        day = _entry_date(entry)
        if options.since and day and day < options.since:
            older += 1
            continue
        yield from _entry(entry, n, day, source, src, options)
    if older and options.since:  # entries are older only when there is a since
        yield Skipped(src.origin, f"{older} entr{'y' if older == 1 else 'ies'} dated before "
                                  f"{options.since.isoformat()}")


def _entry_date(entry: dict) -> date | None:
    for key in ("published", "updated", "created"):
        day, _ = read_date(entry.get(key))
        if day:
            return day
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _entry(entry: dict, n: int, day: date | None, source: str, src: Source,
           options: ReadOptions) -> Iterator[Item]:

    origin = f"{src.origin}[{n}]"
    link = str(entry.get("link") or "")
    title, author = entry.get("title") or "", entry.get("author") or ""
    reason = "the entry has no link"
    if is_url(link):
        items = list(read_url(link, options, feeds=False))
        if any(isinstance(i, Article) for i in items):
            for item in items:
                if isinstance(item, Article):  # the page's own metadata first, then the feed's
                    item = dataclasses.replace(item, date=item.date or day,
                                               title=item.title or title,
                                               author=item.author or author)
                yield item
            return
        errors = [i.message for i in items if isinstance(i, InputError)]
        reason = f"the linked page was not read: {errors[0] if errors else 'no article'}"
    contents = entry.get("content") or []
    html = (contents[0].get("value") if contents else "") or entry.get("summary") or ""
    text = fragment_text(html)
    if not text.strip():
        yield InputError(origin, f"no article text ({reason}, and the entry has no text)")
        return
    if is_url(link):
        yield InputWarning(origin, f"{reason}; the feed's own text is used")
        url = clean_url(link)
        default_id = url_id(url)
    else:
        url, default_id = "", f"{src.stem}-{n}"
    fields = {"title": title, "author": author, "date": day, "source": source, "url": url,
              "text": text}
    yield from make_article(fields, origin, default_id, location=url)
