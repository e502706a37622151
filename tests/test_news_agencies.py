"""News agencies named bare in wire copy ("told Yonhap", "Xinhua reported", "according to
KCNA") are organisations, one actor with their full name, never people: the model often tags
the object of "told" as a person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.pipeline.driver import ingest
from graph.store.store import Store

pytestmark = pytest.mark.slow  # parses its articles with the spaCy model


def test_bare_agency_names_are_organisations_on_one_node(tmp_path: Path):
    src = tmp_path / "wire.jsonl"
    texts = [
        "Minister Ri Song-chol told Yonhap on Monday that the talks would resume. "
        "Ri Song-chol later met Chinese officials, Xinhua reported.",
        "The Yonhap News Agency said the delegation arrived in Beijing. "
        "Pak Hye-jin told Kyodo that Japan was watching closely.",
        "According to KCNA, Pak Hye-jin inspected a factory in Wonsan.",
    ]
    src.write_text("".join(json.dumps({"id": f"w{i}", "title": f"Wire {i}", "date": "2024-05-0"
                                       f"{i + 1}", "text": t}) + "\n"
                           for i, t in enumerate(texts)), encoding="utf-8")
    store = Store(tmp_path / "s.db")
    summary = ingest([src], store, progress=False)
    assert summary.failed == 0, summary.errors
    actors = {a["label"]: a["type"] for a in store.actor_table()}
    for label in ("Yonhap News Agency", "Xinhua News Agency", "Kyodo News",
                  "Korean Central News Agency"):
        assert actors.get(label) == "organisation", actors
    assert not {"Yonhap", "Xinhua", "Kyodo", "KCNA"} & set(actors), actors
    assert actors.get("Ri Song-chol") == "person" and actors.get("Pak Hye-jin") == "person"
