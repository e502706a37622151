"""``relgraph brief``: the deck opened with python-pptx, the PDF with pypdf, the Markdown read
as text — same pages, titles, a quoted sentence and a stored source behind every relation row,
citations that resolve, the graph as a vector page in the PDF, the typography rules on the
pack's picture, curation respected; all on a synthetic store of invented actors."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader
from pypdf.generic import IndirectObject
from svg_boxes import font_sizes, overlaps, page_width
from synthetic_store import synthetic_store

from graph.briefing.content import build_briefing, key_relations
from graph.briefing.pages import pages
from graph.cli.main import main
from graph.core.choices import DEFAULT_TOP
from graph.core.model import GraphSlice
from graph.store.store import Store

pytestmark = pytest.mark.slow  # real stores, every pack format drawn


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("brief") / "syn.db"
    synthetic_store(path)
    return path


@pytest.fixture(scope="module")
def pack(store_path, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("pack") / "week"
    assert main(["brief", "--db", str(store_path), "-o", str(out), "--title", "Synthetic week",
                 "--subtitle", "Invented actors", "--until", "2024-02-15"]) == 0
    return {"stem": out, "pptx": Presentation(str(out) + ".pptx"),
            "pdf": PdfReader(str(out) + ".pdf"),
            "md": Path(str(out) + ".md").read_text(encoding="utf-8")}


def slide_texts(slide) -> list[str]:  # noqa: ANN001
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame and shape.text_frame.text:
            out.append(shape.text_frame.text)
    return out


def tables(slide) -> list[list[list[str]]]:  # noqa: ANN001
    return [[[cell.text for cell in row.cells] for row in shape.table.rows]
            for shape in slide.shapes if shape.has_table]


def test_deck_and_pdf_have_the_same_titled_pages(pack, store_path):
    deck, pdf = pack["pptx"], pack["pdf"]
    b = build_briefing(Store(store_path), GraphSlice(until=date(2024, 2, 15)),
                       title="Synthetic week")
    titles = [p.title for p in pages(b)]
    assert len(deck.slides) == len(pdf.pages) == len(titles) >= 5
    assert titles[0] == "Synthetic week" and "Actors" in titles
    assert titles[-1].startswith("Sources")
    assert any(t.startswith("Key relations") for t in titles)
    assert "Timeline, … – 2024-02-15" in titles  # the slice has a period
    for slide, page, title in zip(deck.slides, pdf.pages, titles, strict=True):
        assert slide_texts(slide)[0] == title  # editable text, not a picture of it
        assert title in page.extract_text()
    first = slide_texts(deck.slides[0])
    assert "Invented actors" in first and any("showing 25 of" in t for t in first)
    notes = deck.slides[0].notes_slide.notes_text_frame.text
    assert notes.startswith("How this was made: relgraph") and "revision" in notes
    assert pdf.metadata.title == "Synthetic week" and deck.core_properties.title == (
        "Synthetic week")


def test_the_graph_is_a_vector_page_in_the_pdf_and_a_sharp_picture_in_the_deck(pack):
    page = pack["pdf"].pages[0]
    text = page.extract_text()
    assert "Relation types (CAMEO root)" in text and "Node size: mentions" in text
    assert not page.images  # vector: the legend and names are text, nothing is a bitmap
    # the picture is a form XObject drawn from the page's own content streams, each of them
    # a reference (a stream written inline in the array blanked the page in PDF viewers)
    contents = page.raw_get("/Contents")
    assert all(isinstance(part, IndirectObject) for part in contents.get_object())
    forms = page["/Resources"]["/XObject"]
    assert any(form.get_object()["/Subtype"] == "/Form" for form in forms.values())
    pictures = [s for s in pack["pptx"].slides[0].shapes if s.shape_type == 13]
    assert len(pictures) == 1 and pictures[0].width == pack["pptx"].slide_width
    # sharp when projected: at least a 1080p projector's pixels per slide inch (1,920 px
    # across 13.33 in), and no more than the 3,333 px that took three times as long to draw
    across = pictures[0].image.size[0] / (pictures[0].width / 914400)
    assert 144 <= across <= 200


def test_every_relation_row_quotes_a_stored_sentence_and_cites_a_stored_source(
        pack, store_path):
    store = Store(store_path)
    deck = pack["pptx"]
    sources = {}
    for slide in deck.slides:
        for table in tables(slide):
            if table[0][0] == "#":
                for number, title, outlet, day, link in table[1:]:
                    sources[number.strip("[]")] = (title, outlet, day, link)
    stored = {a["title"]: a for a in store.articles()}
    assert sources and all(s[0] in stored for s in sources.values())
    rows = [row for slide in deck.slides for table in tables(slide)
            if table[0][0] == "Who" for row in table[1:]]
    assert len(rows) == 10
    for who, did, whom, when, evidence in rows:
        m = re.fullmatch(r"“(.+)” \[(\d+)\] \((\d+) sentences?\)", evidence)
        assert m, evidence
        sentence, number = m.group(1), m.group(2)
        assert number in sources  # the citation resolves to the sources page
        art = stored[sources[number][0]]
        text = " ".join(store.article_text(art["id"]).split())
        for piece in sentence.split("…"):  # the quote's words are the article's
            assert piece.strip() in text
        # "when" is the relation's event dates (these sentences name no date: their
        # articles' dates), so the quoted article's date lies within it
        first, _, last = when.partition(" – ")
        assert first <= art["date"][:len(first)] and art["date"][:len(last or first)] <= (
            last or first), (when, art["date"])
        assert who in sentence and whom in sentence
        assert re.match(r"\w+ .*\(\w+: \d\d [A-Z].*; (cooperative|hostile|neutral)\)", did)


def test_markdown_has_the_same_sections_and_citation_links(pack):
    md = pack["md"]
    assert md.startswith("# Synthetic week\n") and "*Invented actors*" in md
    assert f"]({pack['stem'].name}.svg)" in md
    assert Path(str(pack["stem"]) + ".svg").exists()
    for heading in ("## Key relations", "## Actors", "## Sources"):
        assert heading in md
    cited = set(re.findall(r"\]\(#source-(\d+)\)", md))
    anchors = set(re.findall(r'<a id="source-(\d+)"></a>', md))
    assert cited and cited <= anchors


def test_the_packs_picture_keeps_the_slide_rules(store_path):
    from graph.briefing.pack import picture  # the test's own choice of internals
    from graph.views.image import figure_bytes

    b = build_briefing(Store(store_path))
    svg = figure_bytes(picture(b), "svg")
    width = page_width(svg)
    assert width == 1600  # the slide's full width: px × 13.333 in / width = points
    assert min(px for _, px in font_sizes(svg)) * 13.333 * 72 / width >= 11.95
    assert overlaps(svg) == []


def test_curation_is_respected_a_hidden_actor_nowhere_a_retyped_one_corrected(
        store_path, tmp_path):
    db = tmp_path / "curated.db"
    # SQLite's backup API, not a file copy: the module's store may still hold pages in its
    # write-ahead log, which a copy of the main file alone would lose (an empty store)
    src, dst = sqlite3.connect(store_path), sqlite3.connect(db)
    src.backup(dst)
    src.close()
    dst.close()
    store = Store(db)
    b = build_briefing(store)
    hidden = b.relations[0].source
    retyped = next(a for a in b.actors if a.type == "person" and a.label != hidden)
    assert any(hidden in r.sentence for r in b.relations)
    assert main(["hide", hidden, "--db", str(db)]) == 0
    assert main(["retype", retyped.label, "organisation", "--db", str(db)]) == 0
    out = tmp_path / "curated"
    assert main(["brief", "--db", str(db), "-o", str(out)]) == 0
    deck = Presentation(str(out) + ".pptx")
    everything = "\n".join(
        [t for s in deck.slides for t in slide_texts(s)]
        + [c for s in deck.slides for tb in tables(s) for row in tb for c in row]
        + [deck.slides[0].notes_slide.notes_text_frame.text]
        + [p.extract_text() for p in PdfReader(str(out) + ".pdf").pages]
        + [Path(str(out) + ".md").read_text(encoding="utf-8")])
    assert hidden not in everything
    actor_rows = [row for s in deck.slides for tb in tables(s) if tb[0][0] == "Actor"
                  for row in tb[1:]]
    assert [row[1] for row in actor_rows if row[0] == retyped.label] == ["Organisation"]


def test_key_relations_are_the_strongest_typed_ones(store_path):
    b = build_briefing(Store(store_path), relations=4)
    counts = [r.count for r in b.relations]
    assert counts == sorted(counts, reverse=True) and len(counts) == 4
    every = key_relations(b.graph, 1000)
    assert counts[0] == max(c for *_, c, _ in every)
    assert len(b.graph) == DEFAULT_TOP


def test_bad_use_is_one_line(store_path, tmp_path, capsys):
    out = tmp_path / "none"
    assert main(["brief", "--db", str(store_path), "-o", str(out), "--since",
                 "2030-01-01"]) == 2
    err = capsys.readouterr().err
    assert "nothing to brief" in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())
    blocked = tmp_path / "file"
    blocked.write_text("x")
    assert main(["brief", "--db", str(store_path), "-o", str(blocked / "pack"), "-f",
                 "md"]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_the_dashboards_briefing_pack_is_the_views_pack(store_path):
    import io
    import zipfile

    from dashboard.downloads import pack_payload  # the dashboard, above graph/: local
    from dashboard.filters import Filters
    from dashboard.viewdata import ViewData

    data = ViewData(Store(store_path))
    f = Filters.of(until="2024-02-15")
    name, payload = pack_payload(data, f, "Desk pack", "From the page")
    assert name == "relgraph-desk-pack.zip"
    files = zipfile.ZipFile(io.BytesIO(payload))
    assert sorted(files.namelist()) == sorted(f"relgraph-desk-pack.{x}"
                                              for x in ("pptx", "pdf", "md", "svg"))
    deck = Presentation(io.BytesIO(files.read("relgraph-desk-pack.pptx")))
    assert slide_texts(deck.slides[0])[:2] == ["Desk pack", "From the page"]
    shown = {d["label"] for _, d in data.graph(f).nodes(data=True)}
    actors = [row[0] for s in deck.slides for tb in tables(s) if tb[0][0] == "Actor"
              for row in tb[1:]]
    assert actors and set(actors) <= shown
    assert len(PdfReader(io.BytesIO(files.read("relgraph-desk-pack.pdf"))).pages) == len(
        deck.slides)


def test_a_slice_with_a_period_has_its_key_events_in_date_order(pack):
    deck = pack["pptx"]
    events = [row for slide in deck.slides for table in tables(slide)
              if table[0][0] == "When" for row in table[1:]]
    relations = [row for slide in deck.slides for table in tables(slide)
                 if table[0][0] == "Who" for row in table[1:]]
    assert len(events) == len(relations) == 10
    assert [e[0] for e in events] == sorted(e[0] for e in events)
    assert sorted((e[0], e[2]) for e in events) == sorted(
        (r[3], re.search(r"\[(\d+)\]", r[4]).group(0)) for r in relations)
    assert "## Timeline" in pack["md"]
