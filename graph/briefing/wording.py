"""How a key relation is worded on a pack's pages: its verb, done ("met", "broke ties") or
announced ("will visit"), and when it happened (its event dates at their own precision)."""

from __future__ import annotations

from graph.views.style import kind_label, kind_verb

__all__ = ["past_label", "planned_label", "relation_when"]


def relation_when(first: str | None, last: str | None, article: dict) -> str | None:
    """When a key relation happened, as the pack shows it: its event dates in the slice (one
    day, or "first – last" when its events span several), else the quoted article's date.

    >>> relation_when("2023-09-13", "2023-09-13", {})
    '2023-09-13'
    >>> relation_when("2023-09", "2023-10-02", {})
    '2023-09 – 2023-10-02'
    >>> relation_when(None, None, {"date": "2023-09-14"})
    '2023-09-14'
    """
    if first and last:
        return first if first == last else f"{first} – {last}"
    return first or last or article.get("date")


def planned_label(kind: str) -> str:
    """A relation kind as a key relation words it when it is announced, not done: "visit" →
    "will visit", "break-ties" → "will break ties" (see :func:`past_label` for the past)."""
    verb = kind_verb(kind)
    return "will " + verb if verb else ""


def past_label(kind: str) -> str:
    """A relation kind as a key relation words it when done: "meet" → "met", "break-ties"
    → "broke ties", "ease-sanctions" → "eased sanctions" (the image's link verb)."""
    return kind_label(kind)
