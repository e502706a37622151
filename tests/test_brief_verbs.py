"""Key relations worded as English: multi-word kinds ("break-ties") as "broke ties" or "will
break ties", never "break-tiesed"; a kind an older lexicon stored (no CAMEO entry now) is
briefed with its verb and no category instead of stopping the pack."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from dated_events import dated_extraction, saved

from graph.briefing.content import build_briefing
from graph.briefing.wording import past_label, planned_label
from graph.core.model import EventDate
from graph.store.store import Store


@pytest.mark.parametrize(
    ("kind", "past", "planned"),
    [
        ("break-ties", "broke ties", "will break ties"),
        ("cut-aid", "cut aid", "will cut aid"),
        ("ease-sanctions", "eased sanctions", "will ease sanctions"),
        ("restore-ties", "restored ties", "will restore ties"),
        ("meet", "met", "will meet"),
        ("supply", "supplied", "will supply"),
    ],
)
def test_verbs(kind: str, past: str, planned: str):
    assert past_label(kind) == past
    assert planned_label(kind) == planned


def test_pack_words_multiword_and_unknown_kinds(tmp_path: Path):
    ex = dated_extraction(
        "v1",
        date(2024, 4, 2),
        [
            (
                "Oluwaseun Adeyemi broke ties with Tran Thi Mai on Monday.",
                [
                    (
                        "Oluwaseun Adeyemi",
                        "Tran Thi Mai",
                        "break-ties",
                        EventDate("2024-04-01", "day", "relative"),
                    )
                ],
            ),
            (
                "Oluwaseun Adeyemi will provide aid to Tran Thi Mai.",
                [("Oluwaseun Adeyemi", "Tran Thi Mai", "provide_aid", None)],
            ),
        ],
    )
    store = saved(Store(tmp_path / "s.db"), [ex])
    rows = {r.kind: r for r in build_briefing(store, top=0).relations}
    assert rows["break-ties"].verb == "broke ties"
    assert rows["provide_aid"].verb == "provided aid"
    assert rows["provide_aid"].category == "no CAMEO category"
