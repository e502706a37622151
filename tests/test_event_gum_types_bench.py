"""The GUM typed-relation scorer (bench/event_gum_types.py): its annotation files (split as
bench/gum.py splits GUM, no text of GUM in them), a bad row named by file and line, the name
matching, and one line instead of figures when the GUM copy is absent."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_spec = importlib.util.spec_from_file_location(
    "bench_event_gum_types", ROOT / "bench" / "event_gum_types.py"
)
bench = sys.modules["bench_event_gum_types"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

from bench.gum import split  # noqa: E402


def test_the_sets_are_apart_and_hold_no_text():
    dev, held = bench.read_rows(bench.DEV), bench.read_rows(bench.HELDOUT)
    assert len(dev) >= 200 and len(held) >= 50
    assert sum(len(r.events) for r in dev) >= 40
    assert not {r.doc for r in dev} & {r.doc for r in held}
    for path in (bench.DEV, bench.HELDOUT):
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            assert line.startswith("#") or (len(cols) == 3 and len(cols[2]) < 200)


@pytest.mark.skipif(not (bench.GUM / "articles.jsonl").is_file(), reason="no GUM copy")
def test_the_sets_follow_the_gum_split():
    ids = [
        json.loads(line)["id"]
        for line in (bench.GUM / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    parts = split(ids)
    assert {r.doc for r in bench.read_rows(bench.DEV)} <= set(parts["dev"])
    assert {r.doc for r in bench.read_rows(bench.HELDOUT)} <= set(parts["heldout"])


@pytest.mark.parametrize("spec", ["Ana|Bo|21", "Ana|Bo", "Ana|Bo|04|friendly", "Ana||04", ""])
def test_a_bad_row_is_named_by_file_and_line(tmp_path, spec):
    path = tmp_path / "rows.tsv"
    path.write_text(f"# header\nGUM_news_x\t12\t-\nGUM_news_x\t40\t{spec}\n")
    with pytest.raises(SystemExit, match=r"rows.tsv:3: expected doc, offset, events"):
        bench.read_rows(path)


def test_polarity_defaults_to_the_roots_quad_class(tmp_path):
    path = tmp_path / "rows.tsv"
    path.write_text(
        "GUM_news_x\t0\tAna Silva|Chile|04;Chile|Peru|19;Li Wei|Xinhua|01|cooperative\n"
    )
    events = bench.read_rows(path)[0].events
    assert [e.polarity for e in events] == ["cooperative", "hostile", "cooperative"]


@pytest.mark.parametrize(
    ("label", "want"),
    [
        ("Kwame Mensah", "Mensah"),
        ("Mensah", "Mensah"),
        ("the Daily Courier", "Daily Courier"),
        ("Security Council (Ghana)", "Ghana Security Council"),
        ("Nguyen Van An", None),
        ("Kim Min-jun", None),
        ("Malian", "Mali"),
    ],
)
def test_a_label_stands_for_the_annotated_name_its_words_hold(label, want):
    assert (
        bench.actor(
            label, ["Mensah", "Daily Courier", "Ghana Security Council", "Mali", "Kim Ji-woo"]
        )
        == want
    )


def test_without_the_gum_copy_one_line_and_no_figures(tmp_path, capsys):
    bench.report([bench.DEV], gum=tmp_path / "nowhere")
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith("typed relations on GUM: skipped")


@pytest.mark.skipif(not (bench.GUM / "gold.json").is_file(), reason="no GUM copy")
def test_people_are_kept_by_entity_id_and_named_at_bench_time():
    """No name of a person in an article is stored: a person is ``#N`` (GUM's entity), and the
    scorer names it from the copy's gold.json as the row's sentence does."""
    gold = json.loads((bench.GUM / "gold.json").read_text(encoding="utf-8"))["documents"]
    rows = bench.read_rows(bench.DEV) + bench.read_rows(bench.HELDOUT)
    refs = 0
    for r in rows:
        people = {n.casefold() for e in gold[r.doc]["entities"] if e["type"] == "person"
                  for n in e.get("names", [])}
        for n in (x for e in r.events for x in (e.source, e.target)):
            refs += n.startswith("#")
            assert n.startswith("#") or n.casefold() not in people, (r.line, "a person's name")
    assert refs >= 40
    texts = {r.doc: "" for r in rows}
    from bench.event_gum import read_documents

    texts = {k: d.text for k, d in read_documents(bench.GUM, set(texts)).items()}
    named = bench.named(rows, bench.GUM, texts)
    assert not any(n.startswith("#") for r in named for e in r.events for n in (e.source, e.target))
    assert all(len(a.events) == len(b.events) for a, b in zip(rows, named, strict=True))
