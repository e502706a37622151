"""HTML pages: main text, title, author, date and site name, extracted with trafilatura.

A page whose extracted "text" is only its navigation (trafilatura's fallbacks return the menu
when there is no article) is refused. For downloaded pages the article id and URL come from
the page's canonical link, else the URL it was fetched from, so the same page reached by
another link replaces rather than duplicates it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from urllib.parse import urljoin

from graph.readers.base import InputError, Item, ReadOptions, Source, decoded, make_article
from graph.readers.urls import clean_url, url_id

__all__ = ["extract_html", "read_html"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# Elements whose text is site chrome, not article: their words do not count as article text.
_CHROME = ("a", "nav", "header", "footer", "aside", "menu", "button", "form", "select", "label")
_WORD = re.compile(r"\w+")


def read_html(src: Source, options: ReadOptions) -> Iterator[Item]:
    """An HTML file or downloaded page."""
    match = _META_CHARSET.search(src.data[:4096])
    text, notes = decoded(src, declared=match.group(1).decode("ascii") if match else None)
    yield from notes
    if text is None:
        return
    data = extract_html(text)
    if data is None:
        yield InputError(src.origin, "no article text found in HTML")
        return
    canonical = _canonical(text) or data["canonical"]
    if src.url:
        url = clean_url(urljoin(src.url, canonical) if canonical else src.url)
        default_id, location = url_id(url), url
    else:
        url = canonical if canonical.startswith(("http://", "https://")) else ""
        default_id, location = src.stem, ""
    yield from make_article({**data, "url": url}, src.origin, default_id, location=location)


def extract_html(html: str) -> dict | None:
    """Article fields (``title``, ``author``, ``date``, ``source``, ``text``, ``canonical``)
    from an HTML document or fragment, or ``None`` when it holds no article text."""
    import trafilatura

    try:
        result = trafilatura.extract(html, output_format="json", with_metadata=True,
                                     include_comments=False, include_tables=False)
    except (ValueError, TypeError):  # unparseable markup
        result = None
    if not result:
        return None
    data = json.loads(result)
    body = data.get("text") or ""
    if not body.strip() or _only_chrome(html, body):
        return None
    return {
        "title": data.get("title"),
        # trafilatura falls back to guesses (even today's date): trust it only if the page
        # declares one.
        "date": data.get("date") if _declared_date(html) else None,
        "source": data.get("sitename") or data.get("source-hostname") or data.get("hostname"),
        "author": data.get("author"),
        "text": body,
        "canonical": str(data.get("source") or ""),
    }


_CANONICAL = re.compile(r"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b[^>]*>", re.I)
_HREF = re.compile(r"\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)


def _canonical(html: str) -> str:
    """The page's ``<link rel="canonical">`` (possibly relative), or ""."""
    tag = _CANONICAL.search(html[:200_000])
    href = _HREF.search(tag.group(0)) if tag else None
    return next((g for g in href.groups() if g), "").strip() if href else ""


def _declared_date(html: str) -> bool:
    return bool(re.search(r"(date|time|published)[^>]{0,80}\d{4}-\d{2}-\d{2}|<time\b", html, re.I))


def _only_chrome(html: str, text: str) -> bool:
    """True when at least half the extracted words are in lines that are link or navigation
    text of the page (a menu, a list of headlines), i.e. the page has no article."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return False
    chrome = "\n".join(_norm(e.text_content()) for e in tree.iter(*_CHROME))
    total = in_chrome = 0
    for line in text.splitlines():
        key = _norm(line)
        n = len(_WORD.findall(key))
        total += n
        if key and key in chrome:
            in_chrome += n
    return in_chrome * 2 >= total


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
           "section", "article", "pre")


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), one paragraph per block
    element. Too short for trafilatura's page heuristics, so read directly with lxml."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for bad in root.iter("script", "style"):
        bad.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    return "\n\n".join(p.strip() for p in root.text_content().split("\n\n") if p.strip())
