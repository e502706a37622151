"""Every relation kind of the lexicon reads as English on an image's link and in a pack's key
relations: the past ("broke ties", "withdrew") and the announced form ("will break ties"), with
no kind-name punctuation and no misspelt endings ("break-tiesed", "withdrawed" before)."""

from __future__ import annotations

import re

import pytest

from graph.briefing.wording import past_label, planned_label
from graph.core.tables import load_table
from graph.views.style import kind_label

KINDS = sorted(k for k, spec in load_table("relations").items() if isinstance(spec, dict))


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_reads_as_words(kind: str) -> None:
    done, will = kind_label(kind), planned_label(kind)
    for text in (done, will):
        assert text and not re.search(r"[-_]", text), (kind, text)
    assert past_label(kind) == done
    assert will.startswith("will ") and len(will.split()) == len(done.split()) + 1, (will, done)


@pytest.mark.parametrize(("kind", "done", "will"), [
    ("break-ties", "broke ties", "will break ties"),
    ("cut-aid", "cut aid", "will cut aid"),
    ("restore-ties", "restored ties", "will restore ties"),
    ("ease-sanctions", "eased sanctions", "will ease sanctions"),
    ("withdraw", "withdrew", "will withdraw"),
    ("forgive", "forgave", "will forgive"),
    ("swap", "swapped", "will swap"),
    ("expel", "expelled", "will expel"),
    ("ceasefire", "agreed ceasefire", "will agree ceasefire"),
    ("meet", "met", "will meet"),
    ("supply", "supplied", "will supply"),
    ("co-occurrence", "", ""),
])
def test_kinds_that_were_misspelt(kind: str, done: str, will: str) -> None:
    assert (kind_label(kind), planned_label(kind)) == (done, will)
