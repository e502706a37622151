"""``relgraph brief --periods``: the pack gains the network over time, a small multiples
page and, for two periods, a "what changed" page, in the deck, the PDF and the Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest
from period_corpus import build
from pptx import Presentation
from pypdf import PdfReader
from svg_boxes import font_sizes, overlaps, page_width

from graph.cli.main import main

HALVES = "2024-01:2024-06,2024-07:2024-12"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("brief-periods") / "b.db"
    build(path)
    return path


def test_pack_has_over_time_and_what_changed_pages(db, tmp_path, capsys):
    stem = tmp_path / "pack"
    assert main(["brief", "--db", str(db), "-o", str(stem), "--periods", HALVES]) == 0
    assert "2 pages over time" in capsys.readouterr().out
    over = "Over time: 2024-01 – 2024-06 | 2024-07 – 2024-12"
    changed = "What changed: 2024-01 – 2024-06 → 2024-07 – 2024-12"
    slides = list(Presentation(str(stem.with_suffix(".pptx"))).slides)
    titles = [s.shapes[0].text_frame.text for s in slides]
    assert titles[1:3] == [over, changed]
    for slide in slides[1:3]:
        assert any(sh.shape_type == 13 for sh in slide.shapes)  # a picture
    pdf = [p.extract_text() for p in PdfReader(stem.with_suffix(".pdf")).pages]
    assert len(pdf) == len(slides)
    assert pdf[1].startswith(over) and "2024-07 – 2024-12 · 3 articles" in pdf[1]
    assert pdf[2].startswith(changed) and "Gone link (5)" in pdf[2]
    md = stem.with_suffix(".md").read_text()
    assert "](pack-1.svg)" in md and "](pack-2.svg)" in md
    names = {"Mara Velund", "Tovan Reik", "Ilse Brandtner", "Jonas Okafor", "Edvin Dorsan"}
    for svg in (tmp_path / "pack-1.svg", tmp_path / "pack-2.svg"):
        data = svg.read_bytes()
        width = page_width(data)
        sizes = font_sizes(data)
        for text, px in sizes:  # the picture spans the 13.33 in slide
            pt = px * 13.333 * 72 / width
            assert pt >= 11.95, (svg.name, text, pt)
            if text in names:
                assert pt >= 13.95, (svg.name, text, pt)
        assert names <= {t for t, _ in sizes}, svg.name
        assert overlaps(data) == [], svg.name


def test_three_periods_give_no_what_changed_page(db, tmp_path, capsys):
    stem = tmp_path / "three"
    assert main(["brief", "--db", str(db), "-o", str(stem), "-f", "md", "--periods",
                 "2024-01:2024-04,2024-05:2024-08,2024-09:"]) == 0
    assert "1 page over time" in capsys.readouterr().out
    md = stem.with_suffix(".md").read_text()
    assert r"## Over time: 2024-01 – 2024-04 \| 2024-05 – 2024-08 \| from 2024-09" in md
    assert "What changed" not in md and not (tmp_path / "three-2.svg").exists()


def test_bad_periods_in_brief_are_one_line_and_write_nothing(db, tmp_path, capsys):
    stem = tmp_path / "bad"
    assert main(["brief", "--db", str(db), "-o", str(stem), "--periods",
                 "2024-06:2024-01,2024"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "relgraph: error: bad period '2024-06:2024-01': it ends before it starts"]
    assert list(tmp_path.iterdir()) == []
