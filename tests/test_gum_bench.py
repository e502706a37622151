"""The GUM benchmark's fixed development / held-out split and its guard on error lists."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "bench_gum", Path(__file__).resolve().parent.parent / "bench" / "gum.py")
gum = sys.modules["bench_gum"] = importlib.util.module_from_spec(_spec)  # dataclasses need it
_spec.loader.exec_module(gum)
split = gum.split


def test_every_fifth_sorted_document_is_held_out() -> None:
    ids = [f"GUM_news_{c}" for c in "jihgfedcba"]  # unsorted on purpose
    parts = split(ids)
    assert parts["heldout"] == ["GUM_news_e", "GUM_news_j"]
    assert len(parts["dev"]) == 8
    assert not set(parts["dev"]) & set(parts["heldout"])


def test_no_details_for_the_held_out_part(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="development part only"):
        gum.score_part(tmp_path, "heldout", ["GUM_news_e"], details=tmp_path / "d.txt")
