"""Calendar windows over a date range: what the dashboard's time slider steps through and what
"compare two periods" picks from.

A window is a calendar week (Monday to Sunday, ISO 8601), month, quarter or year
(:data:`graph.core.choices.WINDOW_SIZES`); the windows of a range are every window touching
it, in order, the first and last cut to the range. :func:`default_size` picks the shortest
size that covers the range in at most :data:`MOST_FRAMES` steps, so a slider over ten months
steps by month and one over four years by quarter. Pure functions of dates.

>>> [w.label for w in windows(date(2024, 2, 5), date(2024, 4, 20), "month")]
['Feb 2024', 'Mar 2024', 'Apr 2024']
>>> default_size(date(2024, 2, 5), date(2024, 11, 21))
'month'
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from graph.core.choices import WINDOW_SIZES
from graph.core.errors import InvalidValue

__all__ = ["MOST_FRAMES", "Window", "default_size", "span_windows", "window_at", "windows"]

#: A slider of more steps than this is too long to watch: the default size is the shortest
#: one giving at most this many windows (a range too long even by year gets years).
MOST_FRAMES = 24
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Window:
    """One step of the slider: its first and last day (both included) and how it reads
    ("week of 5 Feb 2024", "Feb 2024", "Q1 2024", "2024")."""

    since: date
    until: date
    label: str

    @property
    def key(self) -> str:
        """The window's first day as ISO text: how the URL names it."""
        return self.since.isoformat()


def _start(day: date, size: str) -> date:
    """The first day of the ``size`` window holding ``day``."""
    if size == "week":
        return day - timedelta(days=day.weekday())
    if size == "month":
        return day.replace(day=1)
    if size == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return date(day.year, 1, 1)


def _next(start: date, size: str) -> date:
    """The first day of the window after the one starting on ``start``."""
    if size == "week":
        return start + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[size]
    m = start.month - 1 + months
    return date(start.year + m // 12, m % 12 + 1, 1)


def _label(start: date, size: str) -> str:
    if size == "week":
        return f"week of {start.day} {_MONTHS[start.month - 1]} {start.year}"
    if size == "month":
        return f"{_MONTHS[start.month - 1]} {start.year}"
    if size == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return str(start.year)


def _check(size: str) -> None:
    if size not in WINDOW_SIZES:
        raise InvalidValue(f"window size must be one of {', '.join(WINDOW_SIZES)} "
                           f"(got {size!r})")


def windows(first: date, last: date, size: str) -> list[Window]:
    """Every ``size`` window touching ``first`` .. ``last``, in order; the first starts on
    ``first`` and the last ends on ``last`` (a slice's range is never widened)."""
    _check(size)
    if last < first:
        return []
    out = []
    start = _start(first, size)
    while start <= last:
        after = _next(start, size)
        out.append(Window(max(start, first), min(after - timedelta(days=1), last),
                          _label(start, size)))
        start = after
    return out


def _count(first: date, last: date, size: str) -> int:
    if size == "week":
        return (_start(last, size) - _start(first, size)).days // 7 + 1
    months = {"month": 1, "quarter": 3, "year": 12}[size]
    a, b = _start(first, size), _start(last, size)
    return ((b.year - a.year) * 12 + b.month - a.month) // months + 1


def default_size(first: date, last: date) -> str:
    """The shortest window size covering ``first`` .. ``last`` in at most
    :data:`MOST_FRAMES` windows."""
    for size in WINDOW_SIZES:
        if _count(first, last, size) <= MOST_FRAMES:
            return size
    return WINDOW_SIZES[-1]


def span_windows(days: list[date], since: date | None, until: date | None,
                 size: str | None) -> tuple[str, list[Window]]:
    """The windows of a slice: over the range ``since`` .. ``until``, an open end taken from
    ``days`` (the dates of the corpus' dated articles, any order); ``size`` None: the
    :func:`default_size` of that range. Returns (the size used, its windows); no windows
    when there is no date to start or end at. Only the slice's own range cuts a window: an
    end taken from the articles keeps its whole calendar window (an article of 5 February
    reporting a meeting of 3 February: the meeting is in February's window)."""
    first = since or (min(days) if days else None)
    last = until or (max(days) if days else None)
    if first is None or last is None or last < first:
        return size or WINDOW_SIZES[1], []
    size = size or default_size(first, last)
    ws = windows(first, last, size)
    if since is None:
        ws[0] = replace(ws[0], since=_start(first, size))
    if until is None:
        ws[-1] = replace(ws[-1], until=_next(_start(last, size), size) - timedelta(days=1))
    return size, ws


def window_at(ws: list[Window], key: str | None) -> int:
    """The index of the window whose :attr:`~Window.key` (first day) is ``key``, else of
    the window holding that day, else 0 (an unknown or missing key: the first window)."""
    if not key or not ws:
        return 0
    for i, w in enumerate(ws):
        if w.key == key:
            return i
    try:
        day = date.fromisoformat(key)
    except ValueError:
        return 0
    return next((i for i, w in enumerate(ws) if w.since <= day <= w.until), 0)
