"""Event dates from background paragraphs: "that year" as the year written before it, and a
simple-past event without a date of its own in a paragraph whose nearest time expression is a
year before publication. Through the real spaCy model and extraction, on invented articles."""

from datetime import date

import pytest

from graph.core.model import Article, EventDate
from graph.extraction.article import extract_article
from graph.relations.timex import parse, resolve

PUB = date(2024, 3, 14)
LEDE = "NAIROBI - Kenya accused Uganda on Tuesday of sending troops across the border.\n\n"


def whens(nlp, text: str) -> dict[str, EventDate | None]:
    """The event date of each typed relation, by trigger."""
    rels = extract_article(Article(id="t", text=text, date=PUB), nlp).relations
    return {r.trigger: r.when for r in rels if r.directed}


@pytest.mark.slow
def test_that_year_is_the_year_written_before_it(nlp):
    got = whens(nlp, LEDE + "The two countries fought a border war in 2019. In March of that "
                "year, Kenya expelled Uganda's ambassador.")
    assert got["expelled"] == EventDate("2019-03", "month", "explicit")
    assert got["accused"] == EventDate("2024-03-12", "day", "relative")


@pytest.mark.slow
def test_a_background_paragraph_dates_its_events(nlp):
    text = (LEDE + "The two countries fought a border war in 2019. Uganda expelled Kenya's "
            "ambassador.\n\nTanzania criticised Kenya.")
    got = whens(nlp, text)
    assert got["expelled"] == EventDate("2019", "year", "explicit")
    # a new paragraph is today's news again
    assert got["criticised"] == EventDate("2024-03-14", "day", "article")


@pytest.mark.slow
def test_a_later_expression_ends_the_background(nlp):
    text = ("Kenya and Uganda fought a border war in 2019. On Tuesday, Kenya accused Uganda "
            "of massing troops. Uganda denied the claim and criticised Kenya.")
    assert whens(nlp, text)["criticised"] != EventDate("2019", "year", "explicit")


@pytest.mark.slow
def test_a_year_that_bounds_a_state_is_no_background(nlp):
    # "since 2019" on a perfect: the state runs to today; the next event is not of 2019
    text = "Tanzania has exported power to the region since 2019. Malawi thanked Tanzania."
    assert whens(nlp, text)["thanked"] == EventDate("2024-03-14", "day", "article")


def test_that_year_needs_a_written_year():
    assert parse("that year") is not None
    assert resolve(parse("in March of that year"), PUB, "past") is None
    assert resolve(parse("later that year"), PUB, "past", date(2019, 1, 1))[:2] == (
        date(2019, 1, 1), "year")
