"""Dates from article metadata, in the forms people and systems write them.

Accepted: ISO (``2023-09-13``, with or without a time), ``2023/09/13``, ``20230913``,
``13 September 2023``, ``Sept. 13, 2023`` (with or without a weekday and time), RFC 2822 e-mail
and feed dates (``Wed, 13 Sep 2023 10:00:00 +0200``: the date as the sender wrote it), and
``13.09.2023`` (dotted dates are day first). Slashed or dashed day/month dates
(``16/08/2024``, ``08/16/2024``) use the only possible reading when one is impossible; when
both are possible (``05/06/2024``) the file's own convention decides if another of its dates
shows it (:func:`slash_order`), else the day-first reading is used and the warning says so.

Anything else (including two-digit years and dates without a day) is a bad date: the article
is kept undated with a warning, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from graph.core.errors import InvalidValue

__all__ = ["find_date", "parse_date", "read_date", "slash_order"]

_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_]|\d{2}:)")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})$")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:$|[T\s,])")
_SLASHED = re.compile(r"(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?:$|[T\s,])")
#: Month names and abbreviations, the longer of two forms first ("Sept" before "Sep").
_MONTH_NAMES = (r"January|February|March|April|May|June|July|August|September|October|November|"
                r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_MONTH = rf"({_MONTH_NAMES})\b\.?"
# Dates written out in running text (find_date): case as written, comma after the day.
_DATE_MDY = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}}),\s*(\d{{4}})\b")
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_NAMES})\.?\s+(\d{{4}})\b")
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_DAY_MONTH = re.compile(
    rf"{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b", re.I)
_MONTH_DAY = re.compile(rf"{_WEEKDAY}{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def read_date(value: object, order: str | None = None) -> tuple[date | None, str]:
    """``(date, note)`` for a metadata date. ``note`` is empty when all is well; with a date it
    says which reading of an ambiguous date was used; without one the date was unusable (the
    article is then kept undated). ``order`` (``"dmy"`` or ``"mdy"``) settles ambiguous
    slashed dates, e.g. from :func:`slash_order` over the file's other dates.

    >>> read_date("2023-09-13T10:00:00Z")
    (datetime.date(2023, 9, 13), '')
    >>> read_date("Sept. 13, 2023") == read_date("13.09.2023") == read_date("20230913")
    True
    >>> read_date("Wed, 13 Sep 2023 23:30:00 -0500")  # the date as the sender wrote it
    (datetime.date(2023, 9, 13), '')
    >>> read_date("16/08/2024"), read_date("08/16/2024")  # only one reading is possible
    ((datetime.date(2024, 8, 16), ''), (datetime.date(2024, 8, 16), ''))
    >>> read_date("05/06/2024")  # doctest: +NORMALIZE_WHITESPACE
    (datetime.date(2024, 6, 5), "ambiguous date '05/06/2024' read day first as 5 June 2024
     (not May 6); write 2024-06-05 to be sure")
    >>> read_date("05/06/2024", order="mdy")
    (datetime.date(2024, 5, 6), '')
    >>> read_date("31/02/2024")
    (None, "impossible date '31/02/2024' (no such day); article kept undated")
    >>> read_date("13/09/23")
    (None, "bad date '13/09/23'; article kept undated (use YYYY-MM-DD)")
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ""
    if isinstance(value, datetime):
        return value.date(), ""
    if isinstance(value, date):
        return value, ""
    text = " ".join(str(value).split())
    shown = text if len(text) <= 40 else text[:39] + "…"
    try:
        day, note = _parse(text, order)
    except _Impossible:
        return None, f"impossible date {shown!r} (no such day); article kept undated"
    if day is None:
        return None, f"bad date {shown!r}; article kept undated (use YYYY-MM-DD)"
    return day, note


def parse_date(value: object) -> date | None:
    """A metadata date or ``None`` (empty); raises ``ValueError`` with the reason if unusable.
    Ambiguous day/month dates are read day first.

    >>> parse_date("13 September 2023"), parse_date("05/06/2024"), parse_date("")
    (datetime.date(2023, 9, 13), datetime.date(2024, 6, 5), None)
    >>> parse_date("September 2023")
    Traceback (most recent call last):
    ValueError: bad date 'September 2023'
    """
    day, note = read_date(value)
    if day is None and note:
        raise ValueError(note.split(";")[0])
    return day


def slash_order(values: Iterable[object]) -> str | None:
    """The day/month order the slashed dates among ``values`` show: ``"dmy"`` if one of them
    can only be day first (``16/08/2024``), ``"mdy"`` if one can only be month first, ``None``
    if none says or they contradict each other.

    >>> slash_order(["05/06/2024", "16/08/2024"]), slash_order(["05/06/2024", "08/16/2024"])
    ('dmy', 'mdy')
    >>> slash_order(["05/06/2024"]), slash_order(["16/08/2024", "08/16/2024"])
    (None, None)
    """
    seen = set()
    for value in values:
        m = _SLASHED.match(str(value).strip()) if isinstance(value, str) else None
        if m:
            a, b = int(m.group(1)), int(m.group(3))
            if a > 12 >= b:
                seen.add("dmy")
            elif b > 12 >= a:
                seen.add("mdy")
    return seen.pop() if len(seen) == 1 else None


class _Impossible(InvalidValue):
    """A date with every part in range but no such day (31/02): told apart from a bad one."""


def _make(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise _Impossible from None


def _parse(text: str, order: str | None) -> tuple[date | None, str]:
    if m := _YMD.match(text):
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3))), ""
    if m := _COMPACT.match(text):
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3))), ""
    if m := _DOTTED.match(text):
        return _make(int(m.group(3)), int(m.group(2)), int(m.group(1))), ""
    if m := _SLASHED.match(text):
        return _slashed(int(m.group(1)), int(m.group(3)), int(m.group(4)), text, order)
    if m := _DAY_MONTH.match(text):
        return _make(int(m.group(3)), _month(m.group(2)), int(m.group(1))), ""
    if m := _MONTH_DAY.match(text):
        return _make(int(m.group(3)), _month(m.group(1)), int(m.group(2))), ""
    if re.search(r"\d{1,2}:\d{2}", text):  # RFC 2822 with the weekday or day first
        try:
            return parsedate_to_datetime(text).date(), ""
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    if len(text) <= 60:  # "Published: 13 September 2023"
        found = find_date(text)
        if found:
            return found, ""
    return None, ""


def find_date(text: str) -> date | None:
    """The first explicit full date in ``text`` ("September 13, 2023", "13 Sept 2023",
    "2023-09-13"), or ``None``."""
    best: tuple[int, date] | None = None
    for pattern, order in ((_DATE_MDY, "mdy"), (_DATE_DMY, "dmy"), (_DATE_ISO, "ymd")):
        for m in pattern.finditer(text):
            try:
                if order == "mdy":
                    d = date(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
                elif order == "dmy":
                    d = date(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
                else:
                    d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except (ValueError, KeyError):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), d)
            break
    return best[1] if best else None



def _month(name: str) -> int:
    return next(i for i, m in enumerate(_MONTHS, start=1) if m.lower().startswith(
        name[:3].lower()))


def _slashed(a: int, b: int, year: int, text: str, order: str | None) -> tuple[date, str]:
    if a > 12 or b > 12 or a == b:
        day, month = (a, b) if a > 12 or a == b else (b, a)
        return _make(year, month, day), ""
    if order == "mdy":
        return _make(year, a, b), ""
    read = _make(year, b, a)
    if order == "dmy":
        return read, ""
    return read, (f"ambiguous date {text!r} read day first as {a} {_MONTHS[b - 1]} {year} "
                  f"(not {_MONTHS[a - 1]} {b}); write {read.isoformat()} to be sure")
