"""The ingest loop's check for a story already stored or read under another link."""

from __future__ import annotations

from graph.core.hashing import text_hash
from graph.core.model import Article
from graph.readers.urls import url_id
from graph.store.store import Store

__all__ = ["SameStory"]


class SameStory:
    """Finds an earlier copy of a story reached again by another link: an article with the
    same URL or exactly the same text, earlier in this batch or already stored. Only articles
    read from a link (web pages, feed entries: their id is made from their URL) are checked;
    articles from files keep their own ids even when texts or URLs agree (a record's ``url``
    may be a site's home page)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._batch: dict[str, str] = {}  # url or text digest → id of the first copy

    def first(self, article: Article, *, look_in_store: bool = True) -> str | None:
        """The id of the earlier copy of ``article``'s story, or ``None`` if it is the first
        (a stored article with the same id is the same article, not a copy). ``look_in_store``
        can be off for articles known to be unchanged, to spare the query."""
        keys = [text_hash(article.text)]
        if article.url:
            keys.append(article.url)
        if not article.url or article.id != url_id(article.url):
            for key in keys:  # not itself checked, but a later link may lead to it
                self._batch.setdefault(key, article.id)
            return None
        for key in keys:
            if key in self._batch:
                return self._batch[key]
        found = self.store.same_story(url=article.url, text=article.text) if look_in_store \
            else None
        if found and found != article.id:
            return found
        for key in keys:
            self._batch[key] = article.id
        return None
