"""A pack's sources page names every article by a title a reader can use: an article stored
without a title (a plain-text file) is listed by its opening words, quoted and marked as
such, never by its file id."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from dated_events import dated_extraction

from graph.briefing.content import build_briefing
from graph.briefing.pages import pages
from graph.briefing.titles import LIMIT, opening_title
from graph.core.hashing import content_hash
from graph.store.store import Store


def _store(path: Path) -> Store:
    """Two articles without titles: one opening with a headline line, one with a long
    first sentence and no line break."""
    headline = dated_extraction(
        "f_91c2ab",
        date(2024, 3, 14),
        [
            (
                "Mara Velund met Tovan Reik on Wednesday.",
                [("Mara Velund", "Tovan Reik", "meet", None)],
            )
        ],
    )
    art = headline.article
    headline = replace(
        headline, article=replace(art, title="", text="Velund and Reik Meet in Dakar\n" + art.text)
    )
    plain = dated_extraction(
        "f_77d0e1",
        date(2024, 3, 20),
        [
            (
                "Tovan Reik praised Ilse Brandtner at length during a ceremony in the capital that "
                "was attended by delegations from eleven neighbouring countries and the press.",
                [("Tovan Reik", "Ilse Brandtner", "praise", None)],
            )
        ],
    )
    plain = replace(plain, article=replace(plain.article, title=""))
    store = Store(path)
    store.save_many([(ex, content_hash(ex.article, "test"), "test") for ex in (headline, plain)])
    store.resolve()
    return store


def test_untitled_articles_are_listed_by_their_opening_words(tmp_path: Path):
    b = build_briefing(_store(tmp_path / "s.db"), top=0)
    titles = {s.article: s.title for s in b.sources}
    assert set(titles) == {"f_91c2ab", "f_77d0e1"}
    assert titles["f_91c2ab"].startswith("“Velund and Reik Meet in Dakar”")
    long = titles["f_77d0e1"]
    assert long.startswith("“Tovan Reik praised Ilse Brandtner") and "… ”" not in long
    assert "…”" in long.replace(" …”", "…”") and len(long) < LIMIT + 40
    for title in titles.values():
        assert "untitled" in title and "f_" not in title
    shown = [row[1] for p in pages(b) if p.kind == "sources" for row in p.rows]
    assert sorted(shown) == sorted(titles.values())


def test_opening_title_falls_back_to_the_id_without_text():
    assert opening_title(None, "f_1") == "f_1"
    assert opening_title("\n  \n", "f_1") == "f_1"
    assert opening_title("One line. Two lines.", "f_1").startswith("“One line.”")
