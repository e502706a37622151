"""Per-article aggregates written next to the raw rows: what graphs are built from.

Pure functions over one article's mentions and relations (name ids already interned):

* mention rows: mentions per (name, surface text, type);
* pair rows: one row of kind ``*`` per name pair with its distinct sentences over every kind
  (a link's weight) and its co-occurrence sentences, and one row per typed kind, direction and
  polarity with that kind's sentences. (Co-occurrence has no rows of its own: it is nearly
  every sentence of a pair, so its own rows would double the table.)

Rejected relations (an analyst marked them wrong) are left out, so weights and kinds drop.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from graph.core.model import COOCCURRENCE
from graph.store.schema import ALL_KINDS

__all__ = ["PairRow", "mention_rows", "pair_rows"]


@dataclass(frozen=True)
class PairRow:
    """Sentences linking name ``a`` and name ``b`` (``a < b``) in one article, of one kind."""

    a: int
    b: int
    kind: str
    way: int  # 0 undirected, 1 a → b, 2 b → a
    polarity: str
    sentences: int
    cooc: int = 0  # on ``*`` rows: sentences where the pair co-occurs


def mention_rows(mentions: Iterable[tuple[int, int, str, str]]
                 ) -> list[tuple[int, int, str, str, int]]:
    """``(name_id, text_id, type, evidence, count)`` from ``(name_id, text_id, type,
    evidence)`` per mention."""
    counts = Counter(mentions)
    return [(n, t, kind, ev, c) for (n, t, kind, ev), c in sorted(counts.items())]


def pair_rows(relations: Iterable[tuple[int, int, int, str, str, bool]]) -> list[PairRow]:
    """Pair rows from ``(sentence, source_id, target_id, kind, polarity, directed)`` tuples of
    the relations that stand (not rejected). Self-pairs are dropped."""
    every: dict[tuple[int, int], set[int]] = defaultdict(set)
    cooc: dict[tuple[int, int], set[int]] = defaultdict(set)
    typed: dict[tuple[int, int, str, int, str], set[int]] = defaultdict(set)
    for sentence, src, tgt, kind, polarity, directed in relations:
        if src == tgt:
            continue
        a, b = min(src, tgt), max(src, tgt)
        every[(a, b)].add(sentence)
        if kind == COOCCURRENCE:
            cooc[(a, b)].add(sentence)
        else:
            way = 0 if not directed else (1 if src == a else 2)
            typed[(a, b, kind, way, polarity)].add(sentence)
    rows = [PairRow(a, b, ALL_KINDS, 0, "neutral", len(s), len(cooc.get((a, b), ())))
            for (a, b), s in every.items()]
    rows += [PairRow(a, b, kind, way, pol, len(s))
             for (a, b, kind, way, pol), s in typed.items()]
    return sorted(rows, key=lambda r: (r.a, r.b, r.kind, r.way, r.polarity))
