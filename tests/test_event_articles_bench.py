"""The whole-article event-date scorer (bench/event_articles.py): its file format (gold tags
placed on the text without them), its two parts kept apart, bad input named by file and line,
and a real scoring run on a small file."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "bench_event_articles",
    Path(__file__).resolve().parent.parent / "bench" / "event_articles.py")
bench = sys.modules["bench_event_articles"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_gold_tags_are_removed_and_point_at_their_sentence(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("# comment\n=== x1 2024-03-14\nJapan met Korea on Tuesday.{{2024-03-12 day}}"
                    " Rain fell.\n\nChina will visit Peru in May.{{2024-05 month planned}}\n")
    (art,) = bench.read_articles(path)
    assert art.id == "x1" and art.published == date(2024, 3, 14)
    assert "{{" not in art.text
    first, second = art.gold
    assert art.text[first.offset] == "." and art.text[:first.offset + 1].endswith("Tuesday.")
    assert (first.date, first.precision, first.planned, first.line) == (
        "2024-03-12", "day", False, 3)
    assert art.text[:second.offset + 1].endswith("in May.") and second.planned
    assert second.line == 5


def test_the_parts_are_read_and_kept_apart():
    dev, held = bench.read_articles(bench.DEV), bench.read_articles(bench.HELDOUT)
    assert len(dev) >= 30 and len(held) >= 10
    assert not {a.id for a in dev} & {a.id for a in held}
    assert not {a.text for a in dev} & {a.text for a in held}
    assert sum(len(a.gold) for a in dev) >= 100


@pytest.mark.parametrize("text,message", [
    ("Japan met Korea.\n", "text before the first"),
    ("=== x1 14/03/2024\nJapan met Korea.\n", "expected '=== <id> <YYYY-MM-DD>'"),
    ("=== x1 2024-03-14\nJapan met Korea.{{2024-03 day}}\n", "not at precision day"),
    ("=== x1 2024-03-14\nJapan met Korea.{{2024-03-12 week}}\n", "malformed gold tag"),
])
def test_bad_input_is_named_by_file_and_line(tmp_path, text, message):
    path = tmp_path / "bad.txt"
    path.write_text(text)
    with pytest.raises(SystemExit, match=rf"bad.txt:\d+: .*{message}"):
        bench.read_articles(path)


def test_a_follow_up_is_scored_against_its_gold(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("=== x1 2024-01-31\nSomalia's president met Egyptian President Abdel "
                    "Wahid-Fahmy in Cairo on Sunday.{{2024-01-28 day}}\n\nWahid-Fahmy warned "
                    "Ethiopia against threatening Somalia.{{2024-01-28 day}}\n")
    got = bench.score(bench.read_articles(path))
    assert got["gold"] == 2 and got["scored"] == 2
    assert got["accuracy"] == 1.0 and got["baseline"] == 0.0 and got["planned"] == 1.0
