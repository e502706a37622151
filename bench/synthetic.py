"""Synthetic stores for the benchmarks, written through the real write path.

Each synthetic article is an :class:`~graph.core.model.Extraction` as the extractor would produce
it (a Zipf-like cast of 3,000 actors, 20 sentences of three actors each, a typed relation in
about a third of them), saved with ``Store.save_many`` in batches (names interned, aggregates
computed, one transaction per batch), then resolved with ``Store.resolve``: the same code an
ingest runs after parsing, without the spaCy time.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.core.model import (  # noqa: E402
    Article,
    EventDate,
    Extraction,
    Mention,
    Relation,
    Sentence,
)
from graph.store.store import Store  # noqa: E402

KINDS = [("meet", "cooperative"), ("visit", "neutral"), ("accuse", "hostile"),
         ("supply", "cooperative"), ("criticise", "hostile")]
CAST = ([(f"Person {i}", "person") for i in range(2000)]
        + [(f"Org {i}", "organisation") for i in range(700)]
        + [(f"Country {i}", "place") for i in range(300)])
WEIGHTS = [1 / (i + 1) ** 0.9 for i in range(len(CAST))]
START = date(2020, 1, 1)


def event_date(rng: random.Random, day: date | None) -> EventDate | None:
    """An event date as the dating of relations gives them, in a mix like wire copy's: half
    none (the article's date), then days before the article ("on Tuesday"), last month, last
    year, a background year, a planned visit next week. Drawn from its own ``rng`` so the
    articles themselves stay those of earlier runs."""
    x = rng.random()
    if day is None or x < 0.5:
        return None
    if x < 0.8:
        return EventDate((day - timedelta(days=rng.randint(1, 7))).isoformat(), "day",
                         "relative")
    if x < 0.88:
        return EventDate((day.replace(day=1) - timedelta(days=1)).isoformat()[:7], "month",
                         "relative")
    if x < 0.94:
        return EventDate(str(day.year - 1), "year", "relative")
    if x < 0.97:
        return EventDate(str(rng.randint(2010, 2019)), "year", "explicit")
    return EventDate((day + timedelta(days=7)).isoformat(), "day", "relative", planned=True)


def article(i: int, seed: int = 7, cast: list[tuple[str, str]] = CAST) -> Extraction:
    """Synthetic article number ``i`` (deterministic); its typed relations carry event dates
    (:func:`event_date`)."""
    rng = random.Random(seed * 1_000_003 + i)
    weights = WEIGHTS if cast is CAST else [1 / (k + 1) ** 0.9 for k in range(len(cast))]
    people = sorted({c for c in rng.choices(cast, weights, k=12)})
    sents, ments, rels = [], [], []
    for j in range(20):
        text = f"Sentence {j} of synthetic article {i}."
        sents.append(Sentence(j, j * 60, j * 60 + len(text), text))
        here = rng.sample(people, min(3, len(people)))
        for name, kind in here:
            ments.append(Mention(j, j * 60, j * 60 + 8, name, name, kind, "PERSON"))
        for x in range(len(here)):
            for y in range(x + 1, len(here)):
                a, b = sorted((here[x][0], here[y][0]))
                rels.append(Relation(j, a, b, "co-occurrence"))
        if len(here) > 1 and rng.random() < 0.3:
            kind, pol = rng.choice(KINDS)
            rels.append(Relation(j, here[0][0], here[1][0], kind, pol, True, kind))
    day = START + timedelta(days=rng.randrange(1500)) if rng.random() > 0.05 else None
    art = Article(f"syn-{i}", "word " * 400, f"Synthetic article {i}", day, "Bench Wire")
    dating = random.Random(seed * 1_000_033 + i)
    rels = [replace(r, when=event_date(dating, day)) if r.directed else r for r in rels]
    return Extraction(art, sents, ments, rels)


def add_articles(store: Store, first: int, count: int, batch: int = 200,
                 cast: list[tuple[str, str]] = CAST) -> float:
    """Write articles ``first`` .. ``first + count - 1`` and resolve; returns seconds."""
    t0 = time.perf_counter()
    for start in range(first, first + count, batch):
        items = [article(i, cast=cast) for i in range(start, min(start + batch,
                                                                 first + count))]
        store.save_many([(ex, f"syn-{ex.article.id}", "synthetic") for ex in items])
    store.resolve()
    return time.perf_counter() - t0


def named_cast(seed: int = 3) -> list[tuple[str, str]]:
    """A cast with name-like names (syllables) and a tenth of them spelled two ways
    ("Kareyev" / "Karejev"), for benchmarks of name matching."""
    rng = random.Random(seed)
    syll = ["ka", "ri", "mo", "sel", "van", "dor", "ek", "li", "ha", "sun", "bel", "tor",
            "na", "gu", "ye", "ov", "an", "mi", "ra", "zo"]

    def word(parts: int) -> str:
        return "".join(rng.choice(syll) for _ in range(parts)).capitalize()
    people = []
    for _ in range(2000):
        first, last = word(2), word(3)
        people.append((f"{first} {last}", "person"))
        if rng.random() < 0.1:
            people.append((f"{first} {last.replace('ov', 'ow').replace('ye', 'je')}i",
                           "person"))
    orgs = [(f"{word(2)} {rng.choice(['Group', 'Bank', 'Party', 'Institute'])}",
             "organisation") for _ in range(700)]
    return people + orgs + [(word(2) + "ia", "place") for _ in range(300)]


def synthetic_store(path: Path, n: int, cast: list[tuple[str, str]] = CAST) -> Store:
    """A store of ``n`` synthetic articles at ``path`` (reused if it already has them)."""
    store = Store(path)
    have = store.counts()["articles"]
    if have < n:
        seconds = add_articles(store, have, n - have, cast=cast)
        print(f"wrote {n - have:,} synthetic articles in {seconds:.1f} s "
              f"({(n - have) / seconds:,.0f} articles/s)", flush=True)
    return store
