"""Checks of the values a callback receives from the page (pure: no Flask, no Dash import).

A value no control of the page can produce (a hand-made request, a page of another version)
raises :class:`graph.core.errors.InvalidValue`; the request guard (:mod:`.guard`) answers it
with a 400 and one line, never a 500 with a traceback. The view modules and the callbacks
import these checks; only :mod:`.guard` knows about HTTP.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from graph.core.choices import IMAGE_FORMATS, SIZES
from graph.core.errors import InvalidValue

__all__ = ["MAX_TEXT", "briefing_options", "choice", "clicks", "day", "image_format", "number",
           "revision", "selection", "strings", "text"]

#: The longest text a field of the page takes (names, titles, subtitles).
MAX_TEXT = 300


def day(value: str | None) -> date | None:
    """The date a control's ``YYYY-MM-DD...`` text names, None for none or no date."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except (ValueError, TypeError):
        return None


def strings(value: object, name: str, allowed: Collection[str] | None = None) -> list[str]:
    """A list of strings (a multi-select, a checklist), each one of ``allowed`` if given;
    None is the empty list."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidValue(f"{name} must be a list of strings")
    if allowed is not None and not set(value) <= set(allowed):
        raise InvalidValue(f"{name}: unknown value(s) {sorted(set(value) - set(allowed))}")
    return value


def number(value: object, name: str, lo: float, hi: float) -> float | None:
    """A number from ``lo`` to ``hi`` (never a boolean), or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not lo <= value <= hi:
        raise InvalidValue(f"{name} must be a number from {lo} to {hi}")
    return value


def text(value: object, name: str) -> str | None:
    """A string, or None."""
    if value is not None and not isinstance(value, str):
        raise InvalidValue(f"{name} must be a string")
    return value


def choice(value: object, name: str, allowed: Collection[str]) -> str | None:
    """One of ``allowed``, or None."""
    if value is not None and (not isinstance(value, str) or value not in allowed):
        raise InvalidValue(f"{name} must be one of {', '.join(allowed)}")
    return value


def clicks(value: object) -> int | None:
    """A button's ``n_clicks``: a whole number or None."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise InvalidValue("n_clicks must be a number")
    return value


def revision(value: object) -> int:
    """The actors revision a view was built on (a decision's base)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValue("the view's revision must be a number")
    return value


def selection(value: object) -> dict | None:
    """A selection sent by the page: a node (``id``) or an edge (``a``, ``b``), node ids as
    strings; or None."""
    if value is None:
        return None
    if not isinstance(value, dict) or value.get("kind") not in ("node", "edge") or not all(
            isinstance(value.get(k), str) for k in (("id",) if value["kind"] == "node"
                                                    else ("a", "b"))):
        raise InvalidValue("selection must name a node or an edge")
    return value


def image_format(value: object) -> str:
    """A briefing image format (one of :data:`graph.core.choices.IMAGE_FORMATS`)."""
    if value not in IMAGE_FORMATS:
        raise InvalidValue(f"format must be one of {', '.join(IMAGE_FORMATS)}")
    return str(value)


def briefing_options(title: object, subtitle: object, size: object, width: object,
                     height: object, sources: object) -> dict:
    """The briefing menu's values, checked, as :func:`graph.views.image.image_bytes` options
    (``sources``: list the articles under the caption)."""
    for value, name in ((title, "title"), (subtitle, "subtitle")):
        if value is not None and (not isinstance(value, str) or len(value) > MAX_TEXT):
            raise InvalidValue(f"{name} must be text of at most {MAX_TEXT} characters")
    if size not in (*SIZES, "custom"):
        raise InvalidValue(f"size must be one of {', '.join(SIZES)} or custom")
    out = {"title": (title or "").strip() or None, "subtitle": (subtitle or "").strip(),
           "sources": bool(sources)}
    if size == "custom":
        for value, name in ((width, "width"), (height, "height")):
            if isinstance(value, bool) or not isinstance(value, int | float) or not (
                    200 <= value <= 10000):
                raise InvalidValue(f"{name} must be a number of pixels from 200 to 10000")
        out.update(width=int(width), height=int(height))
    else:
        out["size"] = size
    return out
