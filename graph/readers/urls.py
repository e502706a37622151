"""Web addresses as article identity: the cleaned URL stored with an article and the readable
id derived from it, so a page reached again (or by another link to the same canonical page)
replaces rather than duplicates its article. No network code here."""

from __future__ import annotations

import contextlib
import hashlib
import re
from urllib.parse import unquote, urldefrag, urlsplit

__all__ = ["clean_url", "url_id"]


def clean_url(url: str) -> str:
    """``url`` without its fragment and tracking parameters (``utm_*``, ``fbclid``, ...), so
    links to the same page compare equal.

    >>> clean_url("https://example.org/news/talks?utm_source=feed&id=7#comments")
    'https://example.org/news/talks?id=7'
    >>> clean_url("https://Example.org/a/?fbclid=abc") == clean_url("https://example.org/a/")
    True
    """
    from courlan import normalize_url

    with contextlib.suppress(ValueError, TypeError, AttributeError):
        url = normalize_url(url)
    return urldefrag(url).url


def url_id(url: str) -> str:
    """A stable, readable article id for a web page: host and path, e.g.
    ``example.org/news/2024/talks-in-berlin`` (long ones shortened with a hash).

    >>> url_id("https://www.example.org/news/talks-in-berlin/?page=2#top")
    'example.org/news/talks-in-berlin?page=2'
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port:
        host += f":{parts.port}"
    ident = host + unquote(parts.path).rstrip("/") + (f"?{parts.query}" if parts.query else "")
    ident = re.sub(r"[^\w.~:/?=&%+-]+", "-", ident)
    if len(ident) > 120:
        ident = ident[:100].rstrip("-/") + "~" + hashlib.sha256(url.encode()).hexdigest()[:10]
    return ident
