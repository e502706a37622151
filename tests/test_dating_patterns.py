"""Event-date patterns found in real reporting (GUM's Wikinews news and interviews, scored by
``bench/event_gum.py``), each on sentences written for it: through the real spaCy model for
:func:`graph.relations.dating.event_date` and typed relations, and the resolver alone."""

from datetime import date

import pytest

from graph.core.model import Article, EventDate
from graph.extraction.article import extract_article
from graph.relations.dating import event_date
from graph.relations.timex import parse, resolve

THU = date(2023, 9, 14)  # a Thursday


def dated(nlp, text: str, trigger: str, published: date) -> EventDate | None:
    """The date :func:`event_date` gives the event ``trigger`` names in ``text``."""
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return event_date(token, published)


@pytest.mark.slow
@pytest.mark.parametrize("text,trigger,published,expected", [
    # a date on the occasion of the event: "in a 2019 interview", "at the 2021 summit"
    ("In a 2019 interview with a radio station, Amara Okafor compared the tax to theft.",
     "compared", THU, EventDate("2019", "year", "explicit")),
    ("At the 2021 summit in Accra, Ghana promised Togo more electricity.", "promised", THU,
     EventDate("2021", "year", "explicit")),
    # a date on the subject of a verb of occurrence: the event is that subject's
    ("Next year's festival is scheduled to take place in Lagos.", "take", THU,
     EventDate("2024", "year", "relative", planned=True)),
    ("The 2019 talks began in Doha with both delegations present.", "began", THU,
     EventDate("2019", "year", "explicit")),
    # a weekday and a part of the day the model labels as two entities
    ("The slogan was shared more than a million times by Thursday night.", "shared",
     date(2023, 9, 19), EventDate("2023-09-14", "day", "relative")),
    # hedged and counted expressions
    ("A probe brought back dust from a comet almost two years ago.", "brought",
     date(2006, 5, 28), EventDate("2004", "year", "relative")),
    ("The browser shipped with the operating system nearly a decade ago.", "shipped",
     date(2011, 3, 8), EventDate("2001", "year", "relative")),
    ("We ran a story about the mayor a couple of years back.", "ran", date(2007, 11, 25),
     EventDate("2005", "year", "relative")),
    ("Just yesterday we switched over to a new website.", "switched", date(2006, 5, 28),
     EventDate("2006-05-27", "day", "relative")),
    # "to 1979": the preposition of "date back to"
    ("Her ties to the party date back to 1979, when she volunteered for a campaign.",
     "volunteered", date(2015, 1, 6), EventDate("1979", "year", "explicit")),
    # a passive plan: "is to be held" from a date without a year, after publication
    ("The first referendum is to be held from November 20 to December 11.", "held",
     date(2015, 5, 7), EventDate("2015-11-20", "day", "explicit", planned=True)),
    # "next month" stays ahead of publication whatever tense the parser reads
    ("Ministers made migration a priority, with laws banning smugglers from operating boats "
     "in the Channel expected next month.", "expected",
     date(2023, 2, 23), EventDate("2023-03", "month", "relative", planned=True)),
])
def test_pattern(nlp, text, trigger, published, expected):
    assert dated(nlp, text, trigger, published) == expected


@pytest.mark.slow
def test_a_date_on_what_the_event_is_about_stays_background(nlp):
    # "the 2019 accord" is the object, not the occasion: the event is the article's news
    assert dated(nlp, "Kenya accused Uganda of violating the 2019 accord.", "accused",
                 THU) == EventDate("2023-09-14", "day", "article")
    # a counted expression that names no point in time
    assert dated(nlp, "Kenya has hosted Uganda's delegation for almost two years.", "hosted",
                 THU) == EventDate("2023-09-14", "day", "article")


@pytest.mark.slow
def test_a_typed_relation_on_its_occasion(nlp):
    text = "In a 2019 interview, Kenya's foreign minister criticised Uganda over its borders."
    rels = [r for r in extract_article(Article(id="t", text=text, date=THU), nlp).relations
            if r.directed]
    assert rels and rels[0].when == EventDate("2019", "year", "explicit")


@pytest.mark.parametrize("text,published,expected", [
    ("almost two years ago", date(2006, 5, 28), (date(2004, 1, 1), "year")),
    ("nearly a decade ago", date(2011, 3, 8), (date(2001, 1, 1), "year")),
    ("two decades ago", date(2011, 3, 8), (date(1991, 1, 1), "year")),
    ("a couple of years back", date(2007, 11, 25), (date(2005, 1, 1), "year")),
    ("about three weeks ago", date(2024, 3, 1), (date(2024, 2, 9), "day")),
    ("just yesterday", date(2024, 3, 1), (date(2024, 2, 29), "day")),
    ("only last week", THU, (date(2023, 9, 7), "month")),
    ("to 1979", THU, (date(1979, 1, 1), "year")),
])
def test_resolver_hedges_and_counts(text, published, expected):
    got = resolve(parse(text), published, "past")
    assert got is not None and got[:2] == expected


@pytest.mark.parametrize("text", ["about 10 years old", "just ten days", "over three days",
                                  "almost two years", "a couple of years"])
def test_hedged_durations_date_nothing(text):
    assert parse(text) is None


WED = date(2024, 1, 10)  # a Wednesday


@pytest.mark.parametrize("text,tense,expected", [
    # ranges are dated by their start; a bare first day takes the month written after it
    ("between 3 and 5 January", "past", (date(2024, 1, 3), "day")),
    ("3-5 January", "past", (date(2024, 1, 3), "day")),
    ("from Monday to Wednesday", "past", (date(2024, 1, 8), "day")),
    ("Monday to Wednesday", "past", (date(2024, 1, 8), "day")),
    ("from 20 to 22 March", "future", (date(2024, 3, 20), "day")),
    # "the week", "the weekend", "the month" after in/over/at/earlier in: the current one
    ("over the weekend", "past", (date(2024, 1, 6), "month")),
    ("at the weekend", "past", (date(2024, 1, 6), "month")),
    ("earlier in the week", "past", (date(2024, 1, 9), "month")),
    ("later in the month", "future", (date(2024, 1, 1), "month")),
    # a part of a day: the day
    ("in the early hours of Tuesday", "past", (date(2024, 1, 9), "day")),
    ("on the night of 3 January", "past", (date(2024, 1, 3), "day")),
    # "a few days ago": a day or so either way, so only the month is claimed
    ("a few days ago", "past", (date(2024, 1, 7), "month")),
    # a day of the month without the month: this month's, or the last one's, by tense
    ("on the 5th", "past", (date(2024, 1, 5), "day")),
    ("on the 20th", "past", (date(2023, 12, 20), "day")),
    ("on the 20th", "future", (date(2024, 1, 20), "day")),
    # quarters and "of 2022" ("the autumn of 2022" when the model labels only the year)
    ("in Q4 2023", "past", (date(2023, 1, 1), "year")),
    ("of 2022", "past", (date(2022, 1, 1), "year")),
])
def test_resolver_wire_patterns(text, tense, expected):
    got = resolve(parse(text), WED, tense)
    assert got is not None and got[:2] == expected


@pytest.mark.parametrize("text", ["a few years ago", "the 5th", "over the week"])
def test_vague_or_bare_wire_expressions_date_nothing(text):
    assert parse(text) is None


@pytest.mark.slow
@pytest.mark.parametrize("text,trigger,expected", [
    ("Kenya hosted Uganda's president on the 5th, officials said.", "hosted",
     EventDate("2024-01-05", "day", "explicit")),
    ("Russia attacked Kyiv in the early hours of Tuesday.", "attacked",
     EventDate("2024-01-09", "day", "relative")),
    ("Kenya hosted Uganda's president over the weekend.", "hosted",
     EventDate("2024-01", "month", "relative")),
    ("Between 3 and 5 January, Kenya hosted Uganda's president.", "hosted",
     EventDate("2024-01-03", "day", "explicit")),
])
def test_wire_pattern_in_a_sentence(nlp, text, trigger, expected):
    assert dated(nlp, text, trigger, WED) == expected


@pytest.mark.slow
def test_an_expression_on_the_reporting_verb_takes_its_tense(nlp):
    # "said on Sunday it would expel": last Sunday's statement, not next Sunday's expulsion
    text = "Mali's government said on Sunday it would expel France's ambassador."
    assert dated(nlp, text, "expel", WED) == EventDate("2024-01-07", "day", "relative")
    # the expression on the plan itself is still ahead
    text = "Mali will expel France's ambassador on Sunday, the government said."
    assert dated(nlp, text, "expel", WED) == EventDate("2024-01-14", "day", "relative",
                                                        planned=True)
    # the saying's date on a plan: the plan is still a plan ("will expel, both said Monday")
    text = "Mali will expel France's ambassador, both governments said on Monday."
    assert dated(nlp, text, "expel", date(2024, 1, 8)) == EventDate("2024-01-08", "day",
                                                                   "relative", planned=True)
    # after "that", the date is the reported event's
    text = "Kenya claims that in 2019, Uganda shelled its border posts."
    assert dated(nlp, text, "shelled", WED) == EventDate("2019", "year", "explicit")
