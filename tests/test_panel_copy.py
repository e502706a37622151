"""The details panel's words for a link or a path step without typed relations: a plain
sentence, not a "Typed relations" list holding one item that is not a relation."""

from __future__ import annotations

from dashboard.panels import edge_panel, path_panel


def _text(node: object) -> list[str]:
    """Every string in a tree of Dash components, in order."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, list | tuple):
        return [t for child in node for t in _text(child)]
    children = getattr(node, "children", None)
    return [f"<{type(node).__name__}>", *_text(children)] if children is not None else []


def _step(relations: list[dict]) -> dict:
    return {
        "step": 1,
        "from": "Thandiwe Mokoena",
        "to": "Nguyen Van Minh",
        "weight": 2,
        "polarity": "neutral",
        "relations": relations,
        "evidence": [],
        "evidence_total": 0,
    }


def test_a_step_without_typed_relations_says_so_plainly():
    text = _text(path_panel([_step([])], ("Thandiwe Mokoena", "Nguyen Van Minh")))
    assert "None: only named together in the same sentences." in text
    assert "co-occurrence only" not in text
    at = text.index("Typed relations")
    assert "<Li>" not in text[at:]  # no list item that is not a relation


def test_a_link_without_typed_relations_says_so_plainly():
    d = {
        "pair": ("Thandiwe Mokoena", "Nguyen Van Minh"),
        "ids": ("a", "b"),
        "evidence_total": 0,
        "polarity": "neutral",
        "kinds": ["co-occurrence"],
        "relations": [],
        "evidence": [],
    }
    text = _text(edge_panel(d))
    assert "None: only named together in the same sentences." in text


def test_typed_relations_are_listed():
    rel = {
        "source": "Thandiwe Mokoena",
        "target": "Nguyen Van Minh",
        "kind": "meet",
        "count": 2,
        "polarity": "cooperative",
    }
    text = _text(path_panel([_step([rel])], ("Thandiwe Mokoena", "Nguyen Van Minh")))
    assert "Thandiwe Mokoena → Nguyen Van Minh: meet ×2 (cooperative)" in text
    assert not any(t.startswith("None:") for t in text)
