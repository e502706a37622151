"""A pack's sources page names every article by a title a reader can use: an article stored
without a title (a plain-text file) is listed by its opening words, quoted and marked as
such, never by its file id."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from dated_events import dated_extraction, saved

from graph.briefing.content import build_briefing
from graph.briefing.pages import pages
from graph.briefing.titles import LIMIT, opening_title
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
    return saved(Store(path), (headline, plain))


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


@pytest.mark.slow  # the pack drawn in every format
def test_sources_show_links_short_and_link_them_whole(tmp_path: Path):
    from long_store import long_store
    from pptx import Presentation
    from pypdf import PdfReader

    from graph.briefing.pack import write_pack

    store = long_store(tmp_path / "long.db", articles=12)
    b = build_briefing(store, top=0)
    urls = {s.url for s in b.sources}
    assert urls and all(len(u) > 100 for u in urls)
    write_pack(b, tmp_path / "pack")
    shown, linked = [], set()
    for slide in Presentation(str(tmp_path / "pack.pptx")).slides:
        for shape in slide.shapes:
            if shape.has_table and shape.table.cell(0, 0).text == "#":
                for row in list(shape.table.rows)[1:]:
                    cell = row.cells[4]
                    shown.append(cell.text)
                    linked |= {
                        r.hyperlink.address for p in cell.text_frame.paragraphs for r in p.runs
                    }
    assert len(shown) == len(b.sources) and all(len(t) <= 51 for t in shown)
    assert all(t.endswith("…") and "://" not in t for t in shown)
    assert linked == urls
    annots = {
        a.get_object()["/A"]["/URI"]
        for page in PdfReader(str(tmp_path / "pack.pdf")).pages
        for a in page.get("/Annots", [])
    }
    assert urls <= annots
    md = (tmp_path / "pack.md").read_text(encoding="utf-8")
    assert all(f"<{u}>" in md for u in urls)
