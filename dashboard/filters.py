"""The view state: filters, their URL form, and the controls that edit them.

Pure functions (no Dash import), tested with plain pytest. :class:`Filters` is the whole view
state; it round-trips through the URL query so a link (and the Back button) reproduces a view.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from urllib.parse import parse_qs, urlencode

from graph.core.cameo import expand_kinds
from graph.core.model import ACTOR_TYPES, GraphSlice
from graph.views.rules import COLOR_BY, SIZE_BY

from . import ids
from .guard import InvalidInput

__all__ = ["CONTROLS", "CYTO_LAYOUTS", "Filters", "canonical", "controls_to_filters",
           "filters_from_query", "filters_to_controls", "filters_to_query", "to_slice"]

#: "preset" is the seeded networkx layout (same as the image export); the rest are cytoscape's.
CYTO_LAYOUTS = ("preset", "cose", "fcose", "cola", "concentric", "circle", "breadthfirst")


@dataclass(frozen=True)
class Filters:
    """The whole view state; serialised into the URL so a link reproduces the view. ``focus``,
    ``source`` and ``target`` are node ids (today the actor's name; later a stable id)."""

    articles: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    undated: bool = True
    types: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    min_weight: int = 1
    hide_isolated: bool = False
    top: int = 60
    focus: str | None = None
    depth: int = 1
    source: str | None = None
    target: str | None = None
    layout: str = "preset"
    size_by: str = "mentions"
    color_by: str = "type"

    @property
    def path(self) -> tuple[str, str] | None:
        return (self.source, self.target) if self.source and self.target else None


#: Every filter control and the property holding its value, in one order.
CONTROLS = [(ids.ARTICLES, "value"), (ids.DATES, "start_date"), (ids.DATES, "end_date"),
            (ids.UNDATED, "value"), (ids.TYPES, "value"), (ids.KINDS, "value"),
            (ids.MIN_WEIGHT, "value"), (ids.HIDE_ISOLATED, "value"), (ids.TOP, "value"),
            (ids.FOCUS, "value"), (ids.DEPTH, "value"), (ids.SOURCE, "value"),
            (ids.TARGET, "value"), (ids.LAYOUT, "value"), (ids.SIZE_BY, "value"),
            (ids.COLOR_BY, "value")]
_TUPLES = {"articles", "types", "kinds"}
_INTS = {"min_weight": (1, 1000), "top": (1, 2000), "depth": (1, 3)}
_CHOICES = {"layout": CYTO_LAYOUTS, "size_by": SIZE_BY, "color_by": COLOR_BY}


def filters_to_query(f: Filters) -> str:
    """URL query string holding only what differs from the defaults."""
    default = Filters()
    pairs: list[tuple[str, str]] = []
    for name, value in asdict(f).items():
        if value == getattr(default, name) or value in (None, ()):
            continue
        if name in _TUPLES:
            pairs.extend((name, v) for v in value)
        elif isinstance(value, bool):
            pairs.append((name, "1" if value else "0"))
        else:
            pairs.append((name, str(value)))
    return urlencode(pairs)


def filters_from_query(query: str) -> Filters:
    """Parse a URL query (with or without "?"); unknown or malformed values are ignored."""
    raw = parse_qs((query or "").lstrip("?"), keep_blank_values=False)
    values: dict = {}
    for fld in fields(Filters):
        got = raw.get(fld.name)
        if not got:
            continue
        if fld.name in _TUPLES:
            values[fld.name] = tuple(got)
        elif fld.name in _INTS:
            lo, hi = _INTS[fld.name]
            try:
                values[fld.name] = min(max(int(got[0]), lo), hi)
            except ValueError:
                continue
        elif fld.name in ("undated", "hide_isolated"):
            values[fld.name] = got[0] in ("1", "true", "yes")
        elif fld.name in ("since", "until"):
            if _iso(got[0]):
                values[fld.name] = got[0]
        elif fld.name in _CHOICES:
            if got[0] in _CHOICES[fld.name]:
                values[fld.name] = got[0]
        else:
            values[fld.name] = got[0]
    if "types" in values:
        values["types"] = tuple(t for t in values["types"] if t in ACTOR_TYPES)
    return replace(Filters(), **values)


def canonical(query: str) -> str:
    """The query a view writes for the view ``query`` asks for (same view, same text)."""
    return filters_to_query(filters_from_query(query))


def _iso(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except (ValueError, TypeError):
        return None


def to_slice(f: Filters) -> GraphSlice:
    """The store slice a view asks for."""
    return GraphSlice(articles=f.articles, since=_iso(f.since), until=_iso(f.until),
                      include_undated=f.undated, types=f.types,
                      kinds=expand_kinds(f.kinds) if f.kinds else (),
                      min_weight=f.min_weight)


def _strings(value: object, name: str, allowed: tuple[str, ...] | None = None) -> None:
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidInput(f"{name} must be a list of strings")
    if allowed is not None and not set(value) <= set(allowed):
        raise InvalidInput(f"{name}: unknown value(s) {sorted(set(value) - set(allowed))}")


def _number(value: object, name: str, lo: float, hi: float) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not lo <= value <= hi:
        raise InvalidInput(f"{name} must be a number from {lo} to {hi}")


def _text(value: object, name: str, allowed: tuple[str, ...] | None = None) -> None:
    if value is None:
        return
    if not isinstance(value, str) or (allowed is not None and value not in allowed):
        raise InvalidInput(f"{name} must be " + (f"one of {', '.join(allowed)}" if allowed
                                                  else "a string"))


def check_controls(values: list) -> None:
    """Raise :class:`InvalidInput` for values the page's controls cannot produce."""
    if not isinstance(values, list) or len(values) != len(CONTROLS):
        raise InvalidInput("wrong number of control values")
    (arts, since, until, undated, types, kinds, weight, isolated, top, focus, depth, src, tgt,
     lay, size_by, color_by) = values
    _strings(arts, "articles")
    for day, name in ((since, "start date"), (until, "end date")):
        _text(day, name)
        if day and not _iso(day):
            raise InvalidInput(f"{name} must be a date (YYYY-MM-DD)")
    _strings(undated, "undated", ("on",))
    _strings(types, "types", ACTOR_TYPES)
    _strings(kinds, "kinds")
    _number(weight, "min weight", 1, 10**6)
    _strings(isolated, "hide isolated", ("on",))
    _number(top, "top", 1, 2000)
    _number(depth, "depth", 1, 3)
    for value, name in ((focus, "focus"), (src, "path from"), (tgt, "path to")):
        _text(value, name)
    _text(lay, "layout", CYTO_LAYOUTS)
    _text(size_by, "size by", SIZE_BY)
    _text(color_by, "colour by", COLOR_BY)


def controls_to_filters(values: list) -> Filters:
    """Component values (in CONTROLS order) → Filters; raises :class:`InvalidInput` for
    values no control can produce (answered with 400)."""
    check_controls(values)
    (arts, since, until, undated, types, kinds, weight, isolated, top, focus, depth, src, tgt,
     lay, size_by, color_by) = values
    return Filters(
        articles=tuple(arts or ()), since=since[:10] if since else None,
        until=until[:10] if until else None, undated=bool(undated),
        types=() if set(types or ()) >= set(ACTOR_TYPES) else tuple(types or ()),
        kinds=tuple(kinds or ()), min_weight=int(weight or 1), hide_isolated=bool(isolated),
        top=int(top) if top else Filters.top, focus=focus or None, depth=int(depth or 1),
        source=src or None, target=tgt or None, layout=lay or "preset",
        size_by=size_by or "mentions", color_by=color_by or "type")


def filters_to_controls(f: Filters) -> list:
    """Filters → component values (in CONTROLS order)."""
    return [list(f.articles), f.since, f.until, ["on"] if f.undated else [],
            list(f.types or ACTOR_TYPES), list(f.kinds), f.min_weight,
            ["on"] if f.hide_isolated else [], f.top, f.focus, f.depth, f.source, f.target,
            f.layout, f.size_by, f.color_by]
