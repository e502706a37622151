"""A synthetic store with a few hundred invented actors, written through the real write path
(``Store.save_many`` then ``Store.resolve``, as an ingest does after parsing), for tests that
need a slice bigger than the seeds: image typography on a ~300-actor slice, briefing packs.

Names are invented from syllables (no real person's name); sentences name their actors, so
evidence sentences can be quoted and shortened around them.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from graph.core.model import Article, Extraction, Mention, Relation, Sentence
from graph.store.store import Store

SYLLABLES = ["ka", "ri", "mo", "sel", "van", "dor", "ek", "li", "ha", "sun", "bel", "tor",
             "na", "gu", "ye", "ov", "an", "mi", "ra", "zo"]
KINDS = [("meet", "cooperative"), ("visit", "neutral"), ("accuse", "hostile"),
         ("supply", "cooperative"), ("criticise", "hostile")]
VERBS = {"meet": "met", "visit": "visited", "accuse": "accused", "supply": "supplied arms to",
         "criticise": "criticised"}


def cast(n: int = 330, seed: int = 5) -> list[tuple[str, str]]:
    """``n`` invented actors: persons (two words), organisations and places."""
    rng = random.Random(seed)

    def word(parts: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    names: dict[str, str] = {}
    while len(names) < n:
        kind = rng.random()
        if kind < 0.6:
            names.setdefault(f"{word(2)} {word(3)}", "person")
        elif kind < 0.85:
            names.setdefault(f"{word(2)} {rng.choice(['Group', 'Bank', 'Party'])}",
                             "organisation")
        else:
            names.setdefault(word(2) + "ia", "place")
    return list(names.items())


def extraction(i: int, actors: list[tuple[str, str]], rng: random.Random) -> Extraction:
    """Synthetic article ``i``: 12 sentences naming two or three actors each."""
    weights = [1 / (k + 1) ** 0.8 for k in range(len(actors))]
    sents, ments, rels = [], [], []
    offset = 0
    for j in range(12):
        here = list(dict.fromkeys(rng.choices(actors, weights, k=3)))
        typed = len(here) > 1 and rng.random() < 0.4
        kind, pol = rng.choice(KINDS)
        if typed:
            here = here[:2]
            text = (f"On that day {here[0][0]} {VERBS[kind]} {here[1][0]} during a long "
                    f"round of talks that observers described as difficult.")
        else:
            text = "Officials said " + " and ".join(n for n, _ in here) + " were present."
        for name, kind_ in here:
            at = offset + text.index(name)
            ments.append(Mention(j, at, at + len(name), name, name, kind_,
                                 "PERSON" if kind_ == "person" else "ORG"))
        for x in range(len(here)):
            for y in range(x + 1, len(here)):
                a, b = sorted((here[x][0], here[y][0]))
                rels.append(Relation(j, a, b, "co-occurrence"))
        if typed:
            rels.append(Relation(j, here[0][0], here[1][0], kind, pol, True, kind))
        sents.append(Sentence(j, offset, offset + len(text), text))
        offset += len(text) + 1
    day = date(2024, 1, 1) + timedelta(days=i % 60)
    text = " ".join(s.text for s in sents)
    art = Article(f"syn-{i}", text, f"Synthetic report {i}", day, "Test Wire",
                  url=f"https://example.org/syn-{i}")
    return Extraction(art, sents, ments, rels)


def synthetic_store(path: Path, articles: int = 160, actors: int = 330) -> Store:
    """A store at ``path`` with ``articles`` synthetic articles over ``actors`` actors."""
    store = Store(path, create=True)
    rng = random.Random(11)
    people = cast(actors)
    items = [extraction(i, people, rng) for i in range(articles)]
    store.save_many([(ex, f"syn-{ex.article.id}", "synthetic") for ex in items])
    store.resolve()
    return store
