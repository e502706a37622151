"""Article dates that hold: metadata first, then a stamp or a dateline, then a body date only
when it is plausibly the publication date; otherwise undated, with the reason as one warning
line naming the file. Read through the real readers (``read_bytes``)."""

from datetime import date

import pytest

from graph.readers.articles import Article, InputWarning, read_bytes
from graph.readers.pubdate import article_date


def read(name: str, text: str) -> tuple[Article, list[str]]:
    items = list(read_bytes(name, text.encode("utf-8")))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 1, items
    return articles[0], [str(i) for i in items if isinstance(i, InputWarning)]


OBITUARY = """Ingrid Halvorsen, composer

Ingrid Halvorsen, born 12 May 1913 in Bergen, wrote more than forty choral works.

She studied in Oslo and Vienna and taught at the conservatory from 1946 until 1983.

Halvorsen died on 3 March 2013 at her home in Bergen, her family said. She was 99.
"""


def test_an_obituary_is_dated_by_its_news_not_the_birth_date():
    article, warnings = read("obituary.txt", OBITUARY)
    assert article.date == date(2013, 3, 3)
    assert warnings == []


def test_a_birth_date_alone_leaves_the_article_undated_and_says_why():
    text = ("Ingrid Halvorsen, composer\n\nIngrid Halvorsen, born 12 May 1913 in Bergen, wrote "
            "more than forty choral works.\n\nShe taught at the conservatory for decades.\n")
    article, warnings = read("profile.txt", text)
    assert article.date is None
    assert warnings == ["profile.txt: undated: the text's only full date, 12 May 1913, is a "
                        "birth date"]


def test_a_historical_date_far_from_the_years_named_is_not_the_publication_date():
    text = ("The treaty was signed on 4 July 1913 in the town hall.\n\nIn 2013 the town "
            "marked its centenary with a concert.\n")
    article, warnings = read("centenary.txt", text)
    assert article.date is None
    assert warnings == ["centenary.txt: undated: the text's latest full date, 4 July 1913, is "
                        "far older than 2013, which the text also names"]


def test_metadata_comes_first():
    article, warnings = read("meta.md", "---\ndate: 2013-03-05\n---\n" + OBITUARY)
    assert article.date == date(2013, 3, 5) and warnings == []


@pytest.mark.parametrize("top,expected", [
    ("Published 13 September 2023\n\n", date(2023, 9, 13)),
    ("Updated: Sept. 14, 2023 10:04 am\nPublished: Sept. 13, 2023 08:00 am\n\n",
     date(2023, 9, 13)),  # the first publication, not the update
    ("Posted on 2023-09-12\n\n", date(2023, 9, 12)),
])
def test_a_stamp_dates_the_article(top, expected):
    text = top + "Officials met in Seoul to discuss the visit. The talks began in 2019.\n"
    article, warnings = read("stamped.txt", text)
    assert article.date == expected and warnings == []


def test_a_dateline_dates_the_article_with_or_without_its_year():
    article, _ = read("wire.txt", "WASHINGTON, Sept. 13, 2023 (AP) — Officials met on "
                                  "Tuesday.\n\nThe talks had begun on 2 March 2021.\n")
    assert article.date == date(2023, 9, 13)
    assert "(AP)" not in article.text  # the dateline is still removed from the text
    article, _ = read("wire2.txt", "SEOUL, Sept 13 (Reuters) - Officials met on Tuesday, "
                                   "months after the summit of June 2023.\n")
    assert article.date == date(2023, 9, 13)
    article, warnings = read("wire3.txt", "SEOUL, Sept 13 (Reuters) - Officials met on "
                                          "Tuesday.\n")
    assert article.date is None
    assert warnings == ["wire3.txt: undated: the dateline's date, Sept 13, has no year"]


def test_a_body_date_is_the_latest_past_one_not_a_plan():
    text = ("Ministers met on 3 March 2024 after talks on 1 March 2024.\n\nThey will meet "
            "again on 5 June 2024 in Geneva.\n")
    article, warnings = read("body.txt", text)
    assert article.date == date(2024, 3, 3) and warnings == []
    article, warnings = read("plan.txt", "Elections will be held on 5 June 2024.\n")
    assert article.date is None
    assert warnings == ["plan.txt: undated: the text's only full date, 5 June 2024, looks ahead "
                        "(a plan)"]


def test_a_date_of_birth_line_is_no_stamp():
    text = "Date of birth: 12 May 1913\n\nIngrid Halvorsen taught music in Bergen.\n"
    article, warnings = read("card.txt", text)
    assert article.date is None
    assert warnings == ["card.txt: undated: the text's only full date, 12 May 1913, is a birth "
                        "date"]


def test_an_article_without_any_date_is_undated_quietly():
    article, warnings = read("plain.txt", "Officials met in Seoul on Tuesday.\n")
    assert article.date is None and warnings == []


def test_years_that_are_counts_do_not_make_a_date_historical():
    got = article_date("Ministers met on 3 March 2013.\n\nThe army sent 2024 troops north.",
                       today=date(2026, 12, 7))
    assert got == (date(2013, 3, 3), "")
    # a date after today is no publication date, in the body or in a stamp
    assert article_date("Ministers met on 3 March 2031.", today=date(2026, 12, 7))[0] is None
    assert article_date("Published 3 March 2031\n\nMinisters met on 3 March 2026.",
                        today=date(2026, 12, 7)) == (date(2026, 3, 3), "")
