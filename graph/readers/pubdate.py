"""An article's publication date from its text, when its metadata gives none.

In order of trust:

1. a stamp: a line "Published 13 September 2023", "Updated: Sept. 13, 2023 10:04 am",
   "Posted on 2023-09-13" ("Published" before "Updated": the first publication is the date);
2. a dateline at the top: "SEOUL, Sept 13 (Reuters) -", "WASHINGTON, Sept. 13, 2023 (AP) —";
   a dateline without its year takes the latest year the text names, if it names one;
3. a full date in the body, only when it is plausibly the publication date: the latest full
   date of the text (articles report what happened before they were written) that is not a
   birth date ("born 12 May 1913") and not far older than the years the text names (a treaty
   "signed on 4 July 1913" in a piece about its centenary in 2013).

Otherwise the article stays undated, and when the text held a date that was not taken the
note says which and why (one line, shown as a warning naming the file).

>>> article_date("SEOUL, Sept 13, 2023 (Reuters) - Officials met.")
(datetime.date(2023, 9, 13), '')
>>> article_date("Ana Petrov, born 12 May 1913 in Split, taught music.")[1]
"undated: the text's only full date, 12 May 1913, is a birth date"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from graph.readers.dates import read_date

__all__ = ["article_date"]

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_STAMP = re.compile(r"^[ \t]*(?P<kind>(?:first\s+)?published|(?:last\s+)?updated|posted|date)"
                    r"(?:\s+on)?\s*:?\s*(?P<value>(?:\d|(?-i:[A-Z])[a-z]{2}).{4,78}?)\s*$",
                    re.I | re.M)
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z .'’-]{{1,40}}(?:,\s*[A-Z][\w .'’-]{{1,30}}?)?,\s*"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}))"
    rf"(?:,?\s+(?P<y>\d{{4}}))?\s*\([^)]{{1,40}}\)\s*[—–-]", re.M)
_FULL = (
    (re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),\s*(\d{{4}})\b"), "mdy"),
    (re.compile(rf"\b(\d{{1,2}})\s+(?:of\s+)?({_MONTH})\s+(\d{{4}})\b"), "dmy"),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)"), "ymd"),
)
#: A year named as one ("in 2013", "since 1998", "2013's"), not a number of things.
_YEAR = re.compile(r"(?:\b(?:in|since|of|until|by|from|during|early|late|mid|year|summer|"
                   r"spring|autumn|winter|fall)[\s-]+|\d{1,2},?\s+|"
                   rf"{_MONTH}\s+)"
                   r"(1[89]\d\d|20\d\d)\b(?!\s*(?:people|troops|soldiers|km|kilometres|"
                   r"miles|tons|tonnes|members))", re.I)
#: Words before a date, in its sentence, that put it ahead: a plan, not the news of the day.
_AHEAD = re.compile(r"\b(?:will|would|shall|scheduled|due|plans?|planned|expected|until|"
                    r"deadline|next)\b[^.!?\n]*$", re.I)
_BIRTH = re.compile(r"\b(?:born|birth|birthday|b\.)\W+(?:\w+\W+){0,3}$", re.I)
#: Where a match of the patterns above can start, found fast (a literal or a digit class, which
#: the regular-expression engine skips to; the patterns themselves start with ``\b`` or an
#: alternation it must try at every character: 6.4 s of the 8 s it took to read a 30 MB text).
#: A year of :data:`_YEAR` (a match ends with one, after at most a word and a run of spaces).
_YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d\b")
#: The start of each run of digits (where a day or a year at ``\b`` can start).
_DIGIT_RUN = re.compile(r"\d+")
#: Where a month name can start (each of its forms starts with one of these, matched case by case).
_MONTH_START = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
#: The longest word of :data:`_YEAR` before its run of spaces ("September.").
_YEAR_WORD = 10
#: How much older than the latest year the text names a body date may be.
_HISTORY_YEARS = 5


def article_date(text: str, today: date | None = None) -> tuple[date | None, str]:
    """``(date, note)``: the publication date the text shows (see the module docstring), and
    when it shows none though it holds dates, why they were not taken. ``today`` bounds the
    years that count as named (plans for later years do not make a date historical)."""
    today = today or date.today()
    stamps = sorted(("updated" in m.group("kind").lower(), m.start(), m.group("value"))
                    for m in _STAMP.finditer(text))
    for _, _, value in stamps:
        day, note = read_date(value)
        if day is not None and not note and day <= today:  # a stamp in the future is no stamp
            return day, ""
    head = text[:400]
    years = [int(y) for y in _years(text) if int(y) <= today.year]
    if m := _DATELINE.search(head):
        month = _month_number(m.group("m1") or m.group("m2"))
        number = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y")) if m.group("y") else max(years, default=0)
        shown = " ".join(m.group(0).split(",", 1)[1].split("(")[0].split())
        if not year:
            return None, f"undated: the dateline's date, {shown}, has no year"
        try:
            return date(year, month, number), ""
        except ValueError:
            return None, f"undated: the dateline's date, {shown}, is no real day"
    return _body_date(text, years, today)


def _body_date(text: str, years: list[int], today: date) -> tuple[date | None, str]:
    found = []
    for (pattern, order), starts in zip(_FULL, (_MONTH_START, _DIGIT_RUN, _DIGIT_RUN),
                                        strict=True):
        for m in _finditer(pattern, starts, text):
            g = m.groups()
            y, mo, d = ((g[0], g[1], g[2]) if order == "ymd" else (g[2], g[1], g[0])
                        if order == "dmy" else (g[2], g[0], g[1]))
            try:
                day = date(int(y), int(mo) if order == "ymd" else _month_number(mo), int(d))
            except ValueError:
                continue
            before = text[max(0, m.start() - 120):m.start()]
            birth = bool(_BIRTH.search(before[-40:]))
            found.append((day, birth, day > today or bool(_AHEAD.search(before)), m.group(0)))
    if not found:
        return None, ""
    usable = [(day, shown) for day, birth, ahead, shown in found if not birth and not ahead]
    if not usable:
        what = "only full date" if len(found) == 1 else "full dates"
        shown = ", ".join(s for *_, s in found[:3])
        if all(birth for _, birth, _, _ in found):
            verb = "is a birth date" if len(found) == 1 else "are birth dates"
        else:
            verb = "looks ahead (a plan)" if len(found) == 1 else "are birth dates or plans"
        return None, f"undated: the text's {what}, {shown}, {verb}"
    day, shown = max(usable)
    latest = max(years, default=day.year)
    if day.year < latest - _HISTORY_YEARS:
        return None, (f"undated: the text's latest full date, {shown}, is far older than "
                      f"{latest}, which the text also names")
    return day, ""


def _finditer(pattern: re.Pattern[str], starts: re.Pattern[str], text: str,
              ) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying ``pattern`` only where ``starts`` finds a place
    every match of it starts at (the same matches: each is the first one from where the last
    ended, as ``finditer`` finds them, and none of these patterns matches an empty string)."""
    pos = 0
    for place in starts.finditer(text):
        if place.start() >= pos and (m := pattern.match(text, place.start())):
            yield m
            pos = m.end()


def _years(text: str) -> list[str]:
    """``_YEAR.findall(text)``, tried only just before each year: a match is a word (at most
    :data:`_YEAR_WORD` characters) or a day, a run of spaces (and hyphens), then the year, so it
    starts in the few characters before that run; a year matched ends the search there, as in
    ``findall``."""
    found, pos = [], 0
    for year in _YEAR_DIGITS.finditer(text):
        at = year.start()
        if at < pos:
            continue
        run = at
        while run > pos and (text[run - 1].isspace() or text[run - 1] == "-"):
            run -= 1
        for start in range(max(pos, run - _YEAR_WORD - 1), at):
            if m := _YEAR.match(text, start):
                found.append(m.group(1))
                pos = m.end()
                break
    return found


def _month_number(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1
