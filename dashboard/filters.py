"""The view state: the slice a view shows and how, its URL form, and the controls that edit it.

Pure functions (no Dash import), tested with plain pytest. :class:`Filters` is the whole view
state: the :class:`~graph.core.model.GraphSlice` of the store it shows (the type the CLI and
the Python API use) plus the view's own options (top N, focus, path, layout, colours). It is
built in one place, :meth:`Filters.of`, from named values as the controls and the URL name
them, and round-trips through the URL query so a link (and the Back button) reproduces a view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from urllib.parse import parse_qs, urlencode

from dashboard import ids
from dashboard import validate as check
from graph.core.cameo import expand_kinds
from graph.core.choices import COLOR_BY, DEFAULT_TOP, SIZE_BY
from graph.core.errors import InvalidValue
from graph.core.model import ACTOR_TYPES, GraphSlice

__all__ = ["CONTROLS", "CYTO_LAYOUTS", "Filters", "canonical", "filters_from_controls",
           "filters_from_query", "filters_to_controls", "filters_to_query"]

#: "preset" is the seeded networkx layout (same as the image export); the rest are cytoscape's.
CYTO_LAYOUTS = ("preset", "cose", "fcose", "cola", "concentric", "circle", "breadthfirst")


@dataclass(frozen=True)
class Filters:
    """The whole view state; serialised into the URL so a link reproduces the view.

    ``slice``: the part of the store shown (its ``kinds`` expanded: a CAMEO root or a
    QuadClass stands for its kinds); ``kind_choices``: the kinds as chosen on the page
    (``root:NN``, ``quad:NAME`` or a kind), which the URL and the control keep. ``focus``,
    ``source`` and ``target`` are node ids; ``expand``: actors whose neighbours are added to
    the view (double-click on the page); ``drop``: actors taken out of the view, ``only``:
    the view cut to these actors (a selection's "hide" and "show only these"). Build one
    with :meth:`of`.
    """

    slice: GraphSlice = GraphSlice()
    kind_choices: tuple[str, ...] = ()
    hide_isolated: bool = False
    top: int = DEFAULT_TOP
    focus: str | None = None
    depth: int = 1
    source: str | None = None
    target: str | None = None
    layout: str = "preset"
    size_by: str = "mentions"
    color_by: str = "type"
    expand: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    only: tuple[str, ...] = ()

    @classmethod
    def of(cls, *, articles: tuple[str, ...] = (), since: str | date | None = None,
           until: str | date | None = None, undated: bool = False,
           types: tuple[str, ...] = (), kinds: tuple[str, ...] = (), min_weight: int = 1,
           **view: object) -> Filters:
        """A view state from named values (the names of the URL and of :data:`CONTROLS`):
        dates as dates or ``YYYY-MM-DD`` text, kinds as chosen. The one place a view's
        :class:`~graph.core.model.GraphSlice` is built. ``undated``: undated articles are
        kept in a date range too (without a range they always are)."""
        sl = GraphSlice(articles=tuple(articles), since=_date(since), until=_date(until),
                        include_undated=True if undated else None, types=tuple(types),
                        kinds=expand_kinds(kinds), min_weight=int(min_weight))
        return cls(sl, tuple(kinds), **view)  # type: ignore[arg-type]

    def named(self) -> dict[str, object]:
        """The named values :meth:`of` takes (dates as text), in :data:`CONTROLS` order."""
        sl = self.slice
        return {"articles": sl.articles, "since": _text(sl.since), "until": _text(sl.until),
                "undated": bool(sl.include_undated and (sl.since or sl.until)),
                "types": sl.types, "kinds": self.kind_choices,
                "min_weight": sl.min_weight,
                **{f.name: getattr(self, f.name) for f in fields(self)[2:]}}

    @property
    def path(self) -> tuple[str, str] | None:
        return (self.source, self.target) if self.source and self.target else None


def _date(value: str | date | None) -> date | None:
    return value if isinstance(value, date) or value is None else check.day(value)


def _text(day: date | None) -> str | None:
    return day.isoformat() if day else None


#: Every filter control by name: the component and the property holding its value (the
#: callbacks' ``controls`` group, in the order the page sends them).
CONTROLS: dict[str, tuple[str, str]] = {
    "articles": (ids.ARTICLES, "value"), "since": (ids.DATES, "start_date"),
    "until": (ids.DATES, "end_date"), "undated": (ids.UNDATED, "value"),
    "types": (ids.TYPES, "value"), "kinds": (ids.KINDS, "value"),
    "min_weight": (ids.MIN_WEIGHT, "value"), "hide_isolated": (ids.HIDE_ISOLATED, "value"),
    "top": (ids.TOP, "value"), "focus": (ids.FOCUS, "value"), "depth": (ids.DEPTH, "value"),
    "source": (ids.SOURCE, "value"), "target": (ids.TARGET, "value"),
    "layout": (ids.LAYOUT, "value"), "size_by": (ids.SIZE_BY, "value"),
    "color_by": (ids.COLOR_BY, "value"), "expand": (ids.EXPAND, "data"),
    "drop": (ids.DROP, "data"), "only": (ids.ONLY, "data")}
_TUPLES = {"articles", "types", "kinds", "expand", "drop", "only"}
MAX_PICKED = 2000  # actors a view drops or is cut to (a view shows at most 2,000)
MAX_EXPANDED = 50  # actors expanded in one view (each adds at most EXPAND_LIMIT neighbours)
_INTS = {"min_weight": (1, 1000), "top": (1, 2000), "depth": (1, 3)}
_CHOICES = {"layout": CYTO_LAYOUTS, "size_by": SIZE_BY, "color_by": COLOR_BY}


def filters_to_query(f: Filters) -> str:
    """URL query string holding only what differs from the defaults."""
    default = Filters().named()
    pairs: list[tuple[str, str]] = []
    for name, value in f.named().items():
        if value == default[name] or value in (None, ()):
            continue
        if name in _TUPLES:
            pairs.extend((name, v) for v in value)  # type: ignore[union-attr]
        elif isinstance(value, bool):
            pairs.append((name, "1" if value else "0"))
        else:
            pairs.append((name, str(value)))
    return urlencode(pairs)


def filters_from_query(query: str) -> Filters:
    """Parse a URL query (with or without "?"); unknown or malformed values are ignored."""
    raw = parse_qs((query or "").lstrip("?"), keep_blank_values=False)
    values: dict = {}
    for name in CONTROLS:
        got = raw.get(name)
        if not got:
            continue
        if name in _TUPLES:
            values[name] = tuple(got)
        elif name in _INTS:
            lo, hi = _INTS[name]
            try:
                values[name] = min(max(int(got[0]), lo), hi)
            except ValueError:
                continue
        elif name in ("undated", "hide_isolated"):
            values[name] = got[0] in ("1", "true", "yes")
        elif name in ("since", "until"):
            if check.day(got[0]):
                values[name] = got[0]
        elif name in _CHOICES:
            if got[0] in _CHOICES[name]:
                values[name] = got[0]
        else:
            values[name] = got[0]
    if "types" in values:
        values["types"] = tuple(t for t in values["types"] if t in ACTOR_TYPES)
    if "expand" in values:
        values["expand"] = tuple(dict.fromkeys(values["expand"]))[:MAX_EXPANDED]
    for name in ("drop", "only"):
        if name in values:
            values[name] = tuple(dict.fromkeys(values[name]))[:MAX_PICKED]
    return Filters.of(**values)


def canonical(query: str) -> str:
    """The query a view writes for the view ``query`` asks for (same view, same text)."""
    return filters_to_query(filters_from_query(query))


def filters_from_controls(values: Mapping[str, object]) -> Filters:
    """The controls' values by name (see :data:`CONTROLS`) → Filters; raises
    :class:`~graph.core.errors.InvalidValue` for values no control can produce (answered
    with 400)."""
    if not isinstance(values, Mapping) or set(values) != set(CONTROLS):
        raise InvalidValue("the filter controls' values are missing or unknown")
    days = {}
    for name, label in (("since", "start date"), ("until", "end date")):
        days[name] = check.text(values[name], label)
        if days[name] and not check.day(days[name]):
            raise InvalidValue(f"{label} must be a date (YYYY-MM-DD)")
    types = check.strings(values["types"], "types", ACTOR_TYPES)
    top = check.number(values["top"], "top", 1, 2000)
    return Filters.of(
        articles=tuple(check.strings(values["articles"], "articles")),
        since=days["since"], until=days["until"],
        undated=bool(check.strings(values["undated"], "undated", ("on",))),
        types=() if set(types) >= set(ACTOR_TYPES) else tuple(types),
        kinds=tuple(check.strings(values["kinds"], "kinds")),
        min_weight=int(check.number(values["min_weight"], "min weight", 1, 10**6) or 1),
        hide_isolated=bool(check.strings(values["hide_isolated"], "hide isolated", ("on",))),
        top=int(top) if top else Filters.top,
        focus=check.text(values["focus"], "focus") or None,
        depth=int(check.number(values["depth"], "depth", 1, 3) or 1),
        source=check.text(values["source"], "path from") or None,
        target=check.text(values["target"], "path to") or None,
        layout=check.choice(values["layout"], "layout", CYTO_LAYOUTS) or Filters.layout,
        size_by=check.choice(values["size_by"], "size by", SIZE_BY) or Filters.size_by,
        color_by=check.choice(values["color_by"], "colour by", COLOR_BY) or Filters.color_by,
        expand=tuple(dict.fromkeys(check.strings(values["expand"], "expanded actors")))[
            :MAX_EXPANDED],
        drop=tuple(dict.fromkeys(check.strings(values["drop"], "hidden actors")))[:MAX_PICKED],
        only=tuple(dict.fromkeys(check.strings(values["only"], "actors shown")))[:MAX_PICKED])


def filters_to_controls(f: Filters) -> dict[str, object]:
    """Filters → the controls' values by name (see :data:`CONTROLS`)."""
    v = f.named()
    return {**v, "articles": list(f.slice.articles),
            "undated": ["on"] if v["undated"] else [],
            "types": list(f.slice.types or ACTOR_TYPES), "kinds": list(f.kind_choices),
            "expand": list(f.expand), "drop": list(f.drop), "only": list(f.only),
            "hide_isolated": ["on"] if f.hide_isolated else []}

