"""Per-article aggregates written next to the raw rows: what graphs are built from.

Pure functions over one article's mentions and relations (name ids already interned):

* mention rows: mentions per (name, surface text, type);
* pair rows: one row of kind ``*`` per name pair with its distinct sentences over every kind
  (a link's weight) and its co-occurrence sentences, and one row per typed kind, direction,
  polarity and event day with that kind's sentences (the event day is what a date range
  filters typed relations by; see :func:`event_day`). (Co-occurrence has no rows of its own:
  it is nearly every sentence of a pair, so its own rows would double the table.)

Rejected relations (an analyst marked them wrong) are left out, so weights and kinds drop.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from graph.core.model import COOCCURRENCE
from graph.store.schema import ALL_KINDS

__all__ = ["ARTICLE_DAY", "PairRow", "event_day", "mention_rows", "pair_rows"]

#: ``pair_stats.day`` of a typed row dated by its article (no event date of its own).
ARTICLE_DAY = 0


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
    day: int = ARTICLE_DAY  # typed rows: the event day (:func:`event_day`)


def event_day(value: str | None) -> int:
    """The day a date range files an event date under: the ordinal of the first day of its
    period, so each event falls in exactly one window of any partition of time (a month or a
    year known to the month or the year counts from its first day). ``ARTICLE_DAY`` (0) for
    none: the article's date.

    >>> event_day("2023-09-13") == date(2023, 9, 13).toordinal()
    True
    >>> event_day("2023-09") == date(2023, 9, 1).toordinal(), event_day("2023") == (
    ...     date(2023, 1, 1).toordinal()), event_day(None)
    (True, True, 0)
    """
    if not value:
        return ARTICLE_DAY
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], *(parts[1:] + [1, 1])[:2]).toordinal()


def mention_rows(mentions: Iterable[tuple[int, int, str, str]]
                 ) -> list[tuple[int, int, str, str, int]]:
    """``(name_id, text_id, type, evidence, count)`` from ``(name_id, text_id, type,
    evidence)`` per mention."""
    counts = Counter(mentions)
    return [(n, t, kind, ev, c) for (n, t, kind, ev), c in sorted(counts.items())]


def pair_rows(relations: Iterable[tuple[int, int, int, str, str, bool, int]]) -> list[PairRow]:
    """Pair rows from ``(sentence, source_id, target_id, kind, polarity, directed, day)``
    tuples of the relations that stand (not rejected). Self-pairs are dropped."""
    every: dict[tuple[int, int], set[int]] = defaultdict(set)
    cooc: dict[tuple[int, int], set[int]] = defaultdict(set)
    typed: dict[tuple[int, int, str, int, str, int], set[int]] = defaultdict(set)
    for sentence, src, tgt, kind, polarity, directed, day in relations:
        if src == tgt:
            continue
        a, b = min(src, tgt), max(src, tgt)
        every[(a, b)].add(sentence)
        if kind == COOCCURRENCE:
            cooc[(a, b)].add(sentence)
        else:
            way = 0 if not directed else (1 if src == a else 2)
            typed[(a, b, kind, way, polarity, day)].add(sentence)
    rows = [PairRow(a, b, ALL_KINDS, 0, "neutral", len(s), len(cooc.get((a, b), ())))
            for (a, b), s in every.items()]
    rows += [PairRow(a, b, kind, way, pol, len(s), 0, day)
             for (a, b, kind, way, pol, day), s in typed.items()]
    return sorted(rows, key=lambda r: (r.a, r.b, r.kind, r.way, r.polarity, r.day))
