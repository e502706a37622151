"""Very long texts in bounded memory: parsed in paragraph-bounded pieces, stored in parts.

:func:`pieces` cuts a text at paragraph breaks (then line breaks, sentence ends, spaces) into
pieces of at most ``limit`` characters; :func:`join` puts the extractions of the pieces back
together as one article's, with sentence numbers and character offsets shifted. Names are
resolved within each piece, then across the corpus as usual.

The extraction of one article (its mentions, relations and sentences, then the rows written
for them) takes about 50-90 times its text in memory, so an article is at most :data:`PART`
characters: :func:`parts` cuts a longer text (a book, a 30 MB file) the same way into
consecutive articles ``<id>~1``, ``<id>~2``, … that are read, parsed and written one after
another, so ingest needs the text itself and a few parts' worth, however long the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from graph.core.model import Article, Extraction

__all__ = ["LIMIT", "PART", "cuts", "join", "parts", "pieces"]

#: Longest piece parsed at once (characters). spaCy's default ``max_length`` is 1,000,000;
#: the parser needs about 1 GB per 100,000 words, so pieces stay well below.
LIMIT = 100_000
#: Longest text stored as one article (characters): spaCy's own default ``max_length``, about
#: 170,000 words (a long book). A longer text is stored as consecutive parts (:func:`parts`).
PART = 1_000_000
_CUTS = ("\n\n", "\n", ". ", " ")


def cuts(text: str, limit: int) -> list[int]:
    """The end offsets of the pieces of at most ``limit`` characters that cover ``text``, cut
    at the last paragraph break (else line break, sentence end, space) in a piece's second
    half; the last offset is ``len(text)``. Offsets only: the pieces are sliced when needed."""
    ends: list[int] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            for cut in _CUTS:
                at = text.rfind(cut, start + limit // 2, end)
                if at > start:
                    end = at + len(cut)
                    break
        ends.append(end)
        start = end
    return ends or [0]


def pieces(text: str, limit: int = LIMIT) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text`` in order, each at most ``limit`` chars."""
    if len(text) <= limit:
        return [(0, text)]
    ends = cuts(text, limit)
    return [(start, text[start:end]) for start, end in zip([0, *ends], ends, strict=False)]


def parts(article: Article, limit: int | None = None) -> tuple[int, Iterator[Article]]:
    """How many articles ``article`` is stored as (1 if its text is at most ``limit``, default
    :data:`PART`, characters), and those articles, sliced one at a time as they are read:
    ``<id>~1`` … ``<id>~n``, each with the article's metadata and ``(part k of n)`` after its
    title and its origin (errors name the part; the ingest driver tells articles in flight
    apart by origin)."""
    limit = limit or PART
    if len(article.text) <= limit:
        return 1, iter([article])
    ends = cuts(article.text, limit)

    def sliced() -> Iterator[Article]:
        for k, (start, end) in enumerate(zip([0, *ends], ends, strict=False), start=1):
            part = f"(part {k} of {len(ends)})"
            yield replace(article, id=f"{article.id}~{k}", text=article.text[start:end],
                          title=f"{article.title} {part}" if article.title else "",
                          origin=f"{article.origin or article.id} {part}")

    return len(ends), sliced()


def join(article: Article, parts: Iterable[tuple[int, Extraction]]) -> Extraction:
    """One extraction for ``article`` from the extractions of its pieces (``(offset, ex)``
    in text order), read one at a time: a piece's extraction can be dropped once added."""
    whole = Extraction(article=article)
    acronyms: dict[str, str] = {}
    for offset, ex in parts:
        n = len(whole.sentences)
        whole.sentences.extend(replace(s, index=s.index + n, start=s.start + offset,
                                       end=s.end + offset) for s in ex.sentences)
        whole.mentions.extend(replace(m, sentence=m.sentence + n, start=m.start + offset,
                                      end=m.end + offset) for m in ex.mentions)
        whole.relations.extend(replace(r, sentence=r.sentence + n) for r in ex.relations)
        for short, full in ex.aliases:
            acronyms.setdefault(short, full)
    whole.aliases = sorted(acronyms.items())
    return whole
