"""The event-date scorer (bench/event_dates.py): its comparison at the gold precision, its
files, and a bad row named by file and line."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from graph.core.model import EventDate

_spec = importlib.util.spec_from_file_location(
    "bench_event_dates", Path(__file__).resolve().parent.parent / "bench" / "event_dates.py")
bench = sys.modules["bench_event_dates"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


@pytest.mark.parametrize("when,gold,precision,expected", [
    (EventDate("2023-09-13", "day", "relative"), "2023-09-13", "day", True),
    (EventDate("2023-09-13", "day", "relative"), "2023-09", "month", True),  # finer is cut
    (EventDate("2023-09", "month", "relative"), "2023-09-13", "day", False),  # coarser: wrong
    (EventDate("2023-09-12", "day", "relative"), "2023-09-13", "day", False),
    (None, None, "-", True),  # nothing can date it, and nothing did
    (EventDate("2023", "year", "explicit"), None, "-", False),
    (None, "2023", "year", False),
])
def test_right_at_the_gold_precision(when, gold, precision, expected):
    assert bench.right(when, gold, precision) is expected


def test_the_sets_are_read_and_kept_apart():
    dev, held = bench.read_rows(bench.DEV), bench.read_rows(bench.HELDOUT)
    assert len(dev) >= 120 and len(held) >= 40
    assert not {r.sentence for r in dev} & {r.sentence for r in held}
    assert all(r.published is None or isinstance(r.published, date) for r in dev + held)
    assert any("\n" in r.sentence for r in dev)  # several paragraphs in one row


def test_a_bad_row_is_named_by_file_and_line(tmp_path):
    path = tmp_path / "rows.tsv"
    path.write_text("# header\n2024-01-10\tJapan met Korea.\t2024-01-10\tweek\tno\n")
    with pytest.raises(SystemExit, match=r"rows.tsv:2: expected published"):
        bench.read_rows(path)
