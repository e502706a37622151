"""A store written as real news reads in a pack: long headlines, outlets and links, long
names in several naming traditions, long sentences. Invented people and outlets only; for
the tests that check nothing in a pack runs off its slide or page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from dated_events import dated_extraction, saved

from graph.store.store import Store

PEOPLE = [
    "Nguyễn Thị Minh Khai-Trương",
    "Abdulrahman bin Khalid Al-Mansouri",
    "Yekaterina Vladimirovna Sokolova-Ignatyeva",
    "Chukwuemeka Adebayo Okonkwo-Eze",
    "Maria da Conceição Albuquerque Vasconcelos",
    "Park Ji-hoon",
    "Li Xiaoming",
    "Venkataraghavan Subramaniam Iyer",
]
KINDS = ["meet", "visit", "praise", "criticise", "accuse", "break-ties"]


def long_store(path, articles: int = 40) -> Store:
    """``articles`` articles, each a long headline, outlet and link, and three long
    sentences, each with one typed relation between two of the :data:`PEOPLE`."""
    items = []
    for i in range(articles):
        sentences = []
        for j in range(3):
            a, b = PEOPLE[(i + j) % len(PEOPLE)], PEOPLE[(i + 2 * j + 1) % len(PEOPLE)]
            if a == b:
                b = PEOPLE[(i + 5) % len(PEOPLE)]
            kind = KINDS[(i + j) % len(KINDS)]
            text = (
                f"In a statement released late on Tuesday after several hours of talks "
                f"behind closed doors, officials said that {a} had agreed to {kind} "
                f"{b} as part of a broader regional understanding on trade, security "
                f"and the movement of people across the long and disputed border."
            )
            sentences.append((text, [(a, b, kind, None)]))
        ex = dated_extraction(f"n{i:03d}", date(2024, 1, 1) + timedelta(days=3 * i), sentences)
        ex = replace(
            ex,
            article=replace(
                ex.article,
                title=(
                    f"Regional leaders reach a tentative understanding on trade, security and "
                    f"border crossings after marathon talks in the capital, part {i}"
                ),
                source="The Southern Hemisphere Evening Chronicle and Weekly Review",
                url=(
                    f"https://www.southern-hemisphere-evening-chronicle.example/world/"
                    f"asia-pacific/2024/regional-leaders-reach-tentative-understanding-"
                    f"on-trade-security-and-border-crossings-{i}"
                ),
            ),
        )
        items.append(ex)
    return saved(Store(path), items)
