"""The GUM event-date scorer (bench/event_gum.py): its annotation files (split as bench/gum.py
splits GUM, no text of GUM in them), a bad row named by file and line, and one line instead of
figures when the GUM copy is absent."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_spec = importlib.util.spec_from_file_location("bench_event_gum", ROOT / "bench" / "event_gum.py")
bench = sys.modules["bench_event_gum"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

from bench.gum import split  # noqa: E402


def test_the_sets_are_apart_and_hold_no_text():
    dev, held = bench.read_rows(bench.DEV), bench.read_rows(bench.HELDOUT)
    assert len(dev) >= 60 and len(held) >= 15
    assert not {r.doc for r in dev} & {r.doc for r in held}
    for path in (bench.DEV, bench.HELDOUT):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert line.startswith("#") or len(line.split("\t")) == 7  # ids and offsets only


@pytest.mark.skipif(not (bench.GUM / "articles.jsonl").is_file(), reason="no GUM copy")
def test_the_sets_follow_the_gum_split():
    ids = [json.loads(line)["id"] for line in
           (bench.GUM / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    parts = split(ids)
    assert {r.doc for r in bench.read_rows(bench.DEV)} <= set(parts["dev"])
    assert {r.doc for r in bench.read_rows(bench.HELDOUT)} <= set(parts["heldout"])


def test_a_bad_row_is_named_by_file_and_line(tmp_path):
    path = tmp_path / "rows.tsv"
    path.write_text("# header\nGUM_news_x\t12\tmet\t2024-01\tday\texplicit\tno\n")
    with pytest.raises(SystemExit, match=r"rows.tsv:2: expected doc, offset"):
        bench.read_rows(path)


def test_without_the_gum_copy_one_line_and_no_figures(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(bench, "GUM", tmp_path / "nowhere")
    bench.report([bench.DEV])
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith("event dates on GUM: skipped")
