"""Reading a long text stays linear: the publication-date search tries its patterns only where
they can match (the same matches as scanning every character), and paragraphs are joined
without re-copying what they hold so far."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.readers import pubdate
from graph.readers.cleaning import clean_text

# Pieces of text near dates: years, days, months, the words before a year, spaces and
# hyphens of every kind, digits that run into a year, non-ASCII digits.
PIECES = ["in", "In ", " ", "  ", "\n", "\t", "-", "–", "\u00a0", ",", ".", "x", "é", "2013",
          "1899", "2099", "20131", "12", "3", "05", "19", "٢٠١٣", "since", "early", "mid",
          "of", "people", "troops", "born", "Sept", "September", "Sept.", "May", "Mayday",
          "Jun", "Dec.", "fall", "Jan", "Sept 12, 2013", "12 of May 2013", "3 September 2013",
          "May 5,2013", "2024-05-06", "2024-05-067", "1 Jan  1999", "Oct 31,  2020", "in 2013"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=2000, deadline=None)
@given(texts)
def test_the_year_search_finds_what_scanning_every_character_finds(text):
    assert pubdate._years(text) == pubdate._YEAR.findall(text)


@settings(max_examples=2000, deadline=None)
@given(texts)
def test_the_full_date_search_finds_what_scanning_every_character_finds(text):
    starts = (pubdate._MONTH_START, pubdate._DIGIT_RUN, pubdate._DIGIT_RUN)
    for (pattern, _), where in zip(pubdate._FULL, starts, strict=True):
        fast = [(m.span(), m.groups()) for m in pubdate._finditer(pattern, where, text)]
        assert fast == [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _cpu(text: str) -> float:
    started = time.process_time()
    clean_text(text)
    return time.process_time() - started


def test_cleaning_a_text_of_unfinished_lines_is_linear():
    """Long lines that end mid-sentence, each continued in lower case on the next (not hard
    wrapped: too wide): one paragraph, which was rebuilt line by line (4 MB: 6 s, 40 times
    the time of 0.5 MB)."""
    line = "the envoy said the talks on grain and water would go on " * 3
    small, large = ("\n".join([line.strip()] * n) for n in (2_700, 21_600))  # 0.5 and 4 MB
    _cpu(small)  # warm up
    ratio = min(_cpu(large) for _ in range(2)) / max(min(_cpu(small) for _ in range(3)), 1e-3)
    assert ratio < 20, ratio  # 8 times the text; quadratic is 64 times
