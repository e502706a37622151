"""Placing a time expression in time: :func:`resolve` of :mod:`graph.relations.timex`.

What :func:`graph.relations.timex.parse` reads from one expression (a :class:`Timex`, defined
here so that this module needs nothing of the reader) becomes a representative day, its
precision and basis, from the article's publication date and the tense of the verb it dates:
weekdays and year-less dates take the nearest day on the tense's side of publication, "last
week" the week before, "in the summer" this year's or the next by tense. Kept apart from the
reading so that each stays a module of one concern.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Timex", "resolve", "valid"]


@dataclass(frozen=True)
class Timex:
    """What one time expression says, before it is placed in time.

    ``kind`` is ``"full"`` (a whole date: ``day`` set), ``"daymonth"`` (a day and month without a
    year), ``"monthday"`` (a day of a month not named: "on the 5th"), ``"month"`` (``month``,
    with ``year`` if written), ``"year"``, ``"weekday"`` (``weekday`` 0–6, ``shift`` -1 for
    "last", +1 for "next"), ``"offset"`` (``days`` from the publication date at
    ``precision``), ``"season"``, ``"sameyear"`` (the year last written out:
    "that year", "in March of that year"), ``"span"`` (``unit`` week/month/year/weekend moved by
    ``shift``), or ``"anchored"`` (``days`` from the event told just before, not from
    publication: "the following day", "two days earlier"). ``forward`` marks an expression that
    looks ahead ("next week", "tomorrow").
    """

    kind: str
    year: int = 0
    month: int = 0
    day: int = 0
    weekday: int = 0
    shift: int = 0
    days: int = 0
    unit: str = ""
    precision: str = "day"
    forward: bool = False


def resolve(tx: Timex | None, published: date | None, tense: str,
            anchor: date | None = None) -> tuple[date, str, str, bool] | None:
    """``(date, precision, basis, forward)`` for ``tx`` in an article of ``published`` whose
    verb is in ``tense`` (``"past"``, ``"present"`` or ``"future"``); ``None`` when the
    expression needs a publication date the article lacks. ``date`` is a representative day
    (the first of its month for month precision); basis is ``"explicit"`` for dates written
    out, ``"relative"`` for the rest. An ``"anchored"`` expression is counted from ``anchor``
    (the day of the event told just before); without one it gives ``None``.

    >>> resolve(Timex("daymonth", month=8, day=15), date(2024, 1, 5), "past")
    (datetime.date(2023, 8, 15), 'day', 'explicit', False)
    >>> resolve(Timex("weekday", weekday=1), None, "past") is None
    True
    """
    if tx is None:
        return None
    if tx.kind == "sameyear":  # "that year": ``anchor`` is the year written before it
        return (date(anchor.year, tx.month or 1, 1), tx.precision, "explicit",
                False) if anchor else None
    if tx.kind == "anchored":
        return (anchor + timedelta(days=tx.days), "day", "relative", False) if anchor else None
    if tx.kind == "full":
        return date(tx.year, tx.month, tx.day), "day", "explicit", tx.forward
    if tx.kind == "year":
        return date(tx.year, 1, 1), "year", "explicit", tx.forward
    if tx.kind == "month" and tx.year:
        return date(tx.year, tx.month, 1), "month", "explicit", tx.forward
    if published is None:
        return None
    if tx.kind == "daymonth":
        day = _nearest_year(tx.month, tx.day, published, tense)
        return (day, "day", "explicit", tx.forward) if day else None
    if tx.kind == "month":
        return _month_of(tx, published, tense), "month", "explicit", tx.forward
    if tx.kind == "monthday":
        day = _nearest([date(m // 12, m % 12 + 1, tx.day) for k in (-1, 0, 1) if valid(
            (m := published.year * 12 + published.month - 1 + k) // 12, m % 12 + 1, tx.day)],
            published, tense)
        return (day, "day", "explicit", tx.forward) if day else None
    if tx.kind == "weekday":
        return _weekday_of(tx, published, tense), "day", "relative", tx.forward
    if tx.kind == "offset":
        return published + timedelta(days=tx.days), tx.precision, "relative", tx.forward
    if tx.kind == "season":
        return _season_of(tx, published, tense), "year", "relative", tx.forward
    return _span_of(tx, published, tense), tx.precision, "relative", tx.forward


def _nearest_year(month: int, day: int, published: date, tense: str) -> date | None:
    """The year that puts ``day month`` nearest ``published`` on the side the tense says."""
    return _nearest([date(y, month, day) for y in (published.year - 1, published.year,
                                                   published.year + 1) if valid(y, month, day)],
                    published, tense)


def _nearest(options: list[date], published: date, tense: str) -> date | None:
    """The option nearest ``published`` on the side the tense says (either when none is)."""
    if tense == "past":
        options = [d for d in options if d <= published] or options
    elif tense == "future":
        options = [d for d in options if d >= published] or options
    return min(options, key=lambda d: abs((d - published).days), default=None)


def _month_of(tx: Timex, published: date, tense: str) -> date:
    here = published.year * 12 + published.month - 1
    target = None
    if tx.shift and tx.month == published.month:  # "last March" in a March article
        target = here + tx.shift * 12
    if target is None:
        past = here - (here - (published.year * 12 + tx.month - 1)) % 12
        future = past + 12 if past < here else past
        if tx.shift < 0 or (tense == "past" and not tx.shift):
            target = past
        elif tx.shift > 0 or tense == "future":
            target = future
        else:
            target = past if here - past <= future - here else future
    return date(target // 12, target % 12 + 1, 1)


def _weekday_of(tx: Timex, published: date, tense: str) -> date:
    back = (published.weekday() - tx.weekday) % 7  # days since the most recent such day
    ahead = (tx.weekday - published.weekday()) % 7
    if tx.shift < 0:
        return published - timedelta(days=back or 7)
    if tx.shift > 0:
        return published + timedelta(days=ahead or 7)
    if tense == "future" or (tense == "present" and ahead < back):
        return published + timedelta(days=ahead)
    return published - timedelta(days=back)


def _season_of(tx: Timex, published: date, tense: str) -> date:
    """The year of "last summer", "next spring", "in the autumn" (by tense)."""
    started = published.month > tx.month - 3  # the season has begun (or passed) this year
    shift = tx.shift or {"past": -1, "future": 1}.get(tense, 0)
    if shift < 0:
        year = published.year if published.month > tx.month else published.year - 1
    elif shift > 0 and not tx.shift:  # "in the summer" ahead: this year's unless it is over
        year = published.year if published.month <= tx.month else published.year + 1
    elif shift > 0:
        year = published.year + 1 if started else published.year
    else:
        year = published.year
    return date(year, 1, 1)


def _span_of(tx: Timex, published: date, tense: str) -> date:
    if tx.unit == "weekend":
        back = (published.weekday() - 5) % 7
        ahead = (5 - published.weekday()) % 7
        if tx.shift < 0 or (tx.shift == 0 and tense != "future" and published.weekday() < 5):
            return published - timedelta(days=back or 7)
        if tx.shift == 0 and published.weekday() >= 5:
            return published - timedelta(days=back)
        return published + timedelta(days=ahead or 7)
    if tx.unit == "week":
        monday = published - timedelta(days=published.weekday())
        if tx.shift == 0:  # "this week", "the past week": before publication unless ahead
            return published if tx.forward or tense == "future" else max(
                monday + timedelta(days=published.weekday() // 2), published - timedelta(3))
        return monday + timedelta(days=7 * tx.shift + 3)
    if tx.unit == "month":
        here = published.year * 12 + published.month - 1 + tx.shift
        return date(here // 12, here % 12 + 1, 1)
    if tx.unit == "day":  # "the coming days", "recent days"
        return published + timedelta(days=2 if tx.shift > 0 else 0)
    return date(published.year + tx.shift, 1, 1)


def valid(y: int, m: int, d: int) -> bool:
    """Whether ``y-m-d`` is a day of the calendar (29 February only in leap years)."""
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True
