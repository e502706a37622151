"""Very long articles: parsed in paragraph-bounded pieces, so memory stays bounded and spaCy's
``max_length`` never stops a batch.

:func:`pieces` cuts a text at paragraph breaks (then line breaks, sentence ends, spaces) into
pieces of at most ``limit`` characters; :func:`join` puts the extractions of the pieces back
together as one article's, with sentence numbers and character offsets shifted. Names are
resolved within each piece (a piece is as long as a short book), then across the corpus as
usual.
"""

from __future__ import annotations

from dataclasses import replace

from graph.core.model import Article, Extraction

__all__ = ["LIMIT", "join", "pieces"]

#: Longest piece parsed at once (characters). spaCy's default ``max_length`` is 1,000,000;
#: the parser needs about 1 GB per 100,000 words, so pieces stay well below.
LIMIT = 100_000
_CUTS = ("\n\n", "\n", ". ", " ")


def pieces(text: str, limit: int = LIMIT) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text`` in order, each at most ``limit`` chars."""
    if len(text) <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            for cut in _CUTS:
                at = text.rfind(cut, start + limit // 2, end)
                if at > start:
                    end = at + len(cut)
                    break
        out.append((start, text[start:end]))
        start = end
    return out


def join(article: Article, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One extraction for ``article`` from the extractions of its pieces (``(offset, ex)``
    in text order)."""
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
