"""Event dates of typed relations: each pattern through the real spaCy model and extraction,
and the resolver's arithmetic on its own (no model)."""

from datetime import date

import pytest

from graph.core.choices import DATE_BASES, DATE_PRECISIONS
from graph.core.model import Article, EventDate
from graph.extraction.article import extract_article
from graph.pipeline import workers
from graph.relations.timex import parse, resolve


def when(nlp, text: str, published: date | None, trigger: str | None = None):
    """The event date of the (first, or ``trigger``'s) typed relation of ``text``."""
    rels = [r for r in extract_article(Article(id="t", text=text, date=published),
                                       nlp).relations if r.directed]
    assert rels, f"no typed relation in {text!r}"
    rel = next((r for r in rels if r.trigger == trigger), rels[0]) if trigger else rels[0]
    return rel.when


THU = date(2023, 9, 14)  # a Thursday
CASES = [
    # weekday before publication, past tense: the most recent one
    ("Japan condemned North Korea on Tuesday for firing two missiles.", THU,
     EventDate("2023-09-12", "day", "relative")),
    # weekday after publication, future tense: the next one
    ("Denmark and Germany will sign a defence agreement on Friday.", date(2024, 1, 10),
     EventDate("2024-01-12", "day", "relative", planned=True)),
    # the same weekday as publication is that day, past or future
    ("China accused the Philippines on Monday of ramming its vessels.", date(2024, 6, 17),
     EventDate("2024-06-17", "day", "relative")),
    ("Egypt will welcome France's president in Sharm el-Sheikh on Monday.",
     date(2022, 11, 7), EventDate("2022-11-07", "day", "relative", planned=True)),
    # a month boundary (a Wednesday article about Thursday)
    ("North Korea threatened Japan on Thursday after the missile launch.", date(2023, 4, 5),
     EventDate("2023-03-30", "day", "relative")),
    # year boundaries: a January article's December, a December article's January and Friday
    ("South Africa sued Israel at the International Court of Justice in December.",
     date(2024, 1, 10), EventDate("2023-12", "month", "explicit")),
    ("Israel and Qatar will hold talks in January on a hostage deal.", date(2023, 12, 29),
     EventDate("2024-01", "month", "explicit", planned=True)),
    ("Russia criticised Finland on Friday for closing its border.", date(2024, 1, 2),
     EventDate("2023-12-29", "day", "relative")),
    ("Last year, Finland signed a defence agreement with the United States.",
     date(2024, 1, 10), EventDate("2023", "year", "relative")),
    # leap days: written out, "yesterday", and a year-less 29 February
    ("Ukraine accused Russia of shelling Kherson on 29 February.", date(2024, 3, 1),
     EventDate("2024-02-29", "day", "explicit")),
    ("Yesterday, France and Sweden signed a defence pact in Paris.", date(2024, 3, 1),
     EventDate("2024-02-29", "day", "relative")),
    ("Ukraine accused Russia of shelling Kherson on 29 February.", date(2025, 3, 10),
     EventDate("2024-02-29", "day", "explicit")),
    # year-less dates take the year nearest publication on the tense's side
    ("Turkey and Sweden signed a security pact on 15 August.", date(2024, 1, 5),
     EventDate("2023-08-15", "day", "explicit")),
    # future tense and plans
    ("Ukraine will host Poland's foreign minister next week for talks.", THU,
     EventDate("2023-09", "month", "relative", planned=True)),
    ("Brazil is due to host Argentina's president on Monday for a trade summit.", THU,
     EventDate("2023-09-18", "day", "relative", planned=True)),
    ("Germany plans to send Ukraine a third Patriot system next month.", date(2024, 6, 17),
     EventDate("2024-07", "month", "relative", planned=True)),
    # relative spans
    ("Earlier this month, Niger expelled France's ambassador.", THU,
     EventDate("2023-09", "month", "relative")),
    ("Serbia criticised Kosovo last month over police raids.", THU,
     EventDate("2023-08", "month", "relative")),
    ("Ukraine accused Russia last night of striking a power plant.", date(2024, 6, 17),
     EventDate("2024-06-16", "day", "relative")),
    # explicit dates
    ("Iran attacked Israel on Oct. 1 with ballistic missiles.", date(2024, 10, 31),
     EventDate("2024-10-01", "day", "explicit")),
    ("The European Union imposed sanctions on Iran in March 2023.", THU,
     EventDate("2023-03", "month", "explicit")),
    ("Kenya signed a security pact with Haiti on 2024-03-01.", THU,
     EventDate("2024-03-01", "day", "explicit")),
    # a holiday the model does not label as a date
    ("Ukraine accused Russia on Boxing Day of shelling Kherson.", date(2023, 12, 29),
     EventDate("2023-12-26", "day", "explicit")),
    # background years
    ("India and Canada had restored diplomatic ties in 2018 after a long freeze.", THU,
     EventDate("2018", "year", "explicit")),
    # no expression: the article's date
    ("Morocco thanked Spain for sending rescue teams after the earthquake.", THU,
     EventDate("2023-09-14", "day", "article")),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,published,expected", CASES)
def test_event_date_of_each_pattern(nlp, text, published, expected):
    got = when(nlp, text, published)
    assert got == expected
    assert got.precision in DATE_PRECISIONS and got.basis in DATE_BASES


@pytest.mark.slow
def test_the_expression_attached_to_the_trigger_wins(nlp):
    # the reporting verb's Monday is not the visit's date
    text = "Russia's president will visit North Korea this week, the Kremlin said on Monday."
    assert when(nlp, text, date(2024, 6, 17)) == EventDate("2024-06", "month", "relative",
                                                           planned=True)
    # a date inside a clause modifying another noun describes that noun
    text = ("Brazil's finance minister, Ana Souza, defended Tomas Ferreira, who is seen as the "
            "president's choice to succeed the governor when his term ends in December.")
    assert when(nlp, text, date(2024, 6, 19)) == EventDate("2024-06-19", "day", "article")
    # ... but a clause modifying the event noun itself dates the event
    text = "The talks between Serbia and Kosovo that began on Monday collapsed."
    assert when(nlp, text, THU) == EventDate("2023-09-11", "day", "relative")
    # "in a week" in a past sentence is a window, not next week
    text = ("Houthi rebels fired missiles at a cargo ship on Monday, hours after the United "
            "States and Britain struck Yemen for the second time in a week.")
    assert when(nlp, text, date(2024, 1, 15), "struck") == EventDate("2024-01-15", "day",
                                                                     "relative")
    # a year modifying another noun is background to that noun, not the accusation's date
    text = "Iran accused the United States on Tuesday of violating the 2015 nuclear accord."
    assert when(nlp, text, THU) == EventDate("2023-09-12", "day", "relative")


@pytest.mark.slow
def test_an_undated_article_dates_only_explicit_expressions(nlp):
    assert when(nlp, "Chad expelled Sudan's ambassador on Tuesday.", None) is None
    assert when(nlp, "Ivory Coast will host Mali on 15 August.", None) is None
    assert when(nlp, "Egypt thanked Jordan for its help.", None) is None
    assert when(nlp, "Kenya signed a security pact with Haiti on 1 March 2024.", None) == (
        EventDate("2024-03-01", "day", "explicit"))
    assert when(nlp, "Ghana hosted Togo in 2019 for border talks.", None) == (
        EventDate("2019", "year", "explicit"))


@pytest.mark.slow
def test_co_occurrence_stays_undated(nlp):
    got = extract_article(Article(id="t", text="Japan condemned North Korea on Tuesday.",
                                  date=THU), nlp)
    assert {r.when is None for r in got.relations if not r.directed} == {True}
    assert [r.when for r in got.relations if r.directed] == [
        EventDate("2023-09-12", "day", "relative")]


# -- the resolver alone ----------------------------------------------------------------------
@pytest.mark.parametrize("text,published,tense,expected", [
    ("on Wednesday", THU, "past", (date(2023, 9, 13), "day")),
    ("on Wednesday", THU, "future", (date(2023, 9, 20), "day")),
    ("on Thursday", THU, "future", (date(2023, 9, 14), "day")),
    ("last Thursday", THU, "past", (date(2023, 9, 7), "day")),
    ("next Thursday", THU, "future", (date(2023, 9, 21), "day")),
    ("Saturday", THU, "present", (date(2023, 9, 16), "day")),  # nearer ahead than behind
    ("in December", date(2024, 1, 10), "past", (date(2023, 12, 1), "month")),
    ("in January", date(2023, 12, 29), "future", (date(2024, 1, 1), "month")),
    ("in September", THU, "past", (date(2023, 9, 1), "month")),
    ("15 August", date(2024, 1, 5), "past", (date(2023, 8, 15), "day")),
    ("15 August", date(2024, 1, 5), "future", (date(2024, 8, 15), "day")),
    ("Dec. 30", date(2024, 1, 2), "present", (date(2023, 12, 30), "day")),
    ("29 February", date(2025, 3, 10), "past", (date(2024, 2, 29), "day")),
    ("two days ago", date(2024, 3, 1), "past", (date(2024, 2, 28), "day")),
    ("three years ago", date(2024, 3, 1), "past", (date(2021, 1, 1), "year")),
    ("in two weeks", THU, "future", (date(2023, 9, 28), "day")),
    ("last year's", date(2024, 1, 10), "past", (date(2023, 1, 1), "year")),
    ("next month", date(2023, 12, 29), "future", (date(2024, 1, 1), "month")),
    ("the end of 2019", THU, "past", (date(2019, 1, 1), "year")),
    ("Sept. 13, 2023", None, "past", (date(2023, 9, 13), "day")),
    ("on Christmas Day", date(2025, 1, 3), "past", (date(2024, 12, 25), "day")),
    ("last summer", date(2024, 1, 10), "past", (date(2023, 1, 1), "year")),
    ("last summer", date(2023, 9, 14), "past", (date(2023, 1, 1), "year")),
    ("next summer", date(2023, 9, 14), "future", (date(2024, 1, 1), "year")),
    ("at the end of last year", date(2024, 1, 10), "past", (date(2023, 1, 1), "year")),
    ("early next month", date(2024, 10, 31), "future", (date(2024, 11, 1), "month")),
    ("mid-2022", date(2024, 1, 10), "past", (date(2022, 1, 1), "year")),
    ("between 2019 and 2021", THU, "past", (date(2019, 1, 1), "year")),
    ("from March to May", THU, "past", (date(2023, 3, 1), "month")),
    ("the first week of March", THU, "past", (date(2023, 3, 1), "month")),
])
def test_resolver(text, published, tense, expected):
    got = resolve(parse(text), published, tense)
    assert got is not None and got[:2] == expected


@pytest.mark.parametrize("text", ["for two years", "the 1990s", "decades", "82", "the past",
                                  "over three days", "Easter"])
def test_durations_and_vague_expressions_date_nothing(text):
    assert parse(text) is None


def test_relative_expressions_need_a_publication_date():
    for text in ("on Tuesday", "yesterday", "last week", "in March", "15 August"):
        assert parse(text) is not None
        assert resolve(parse(text), None, "past") is None


@pytest.mark.slow
def test_a_long_article_parsed_in_pieces_keeps_its_date(nlp, monkeypatch):
    # Articles over the piece limit are extracted piece by piece; each piece must carry the
    # article's date, or every relation past the first piece would be undated.
    monkeypatch.setattr(workers, "LIMIT", 120)
    text = ("Japan condemned North Korea on Tuesday for firing two missiles.\n\n"
            "Russia criticised Finland on Wednesday for closing its border.\n\n"
            "Egypt thanked Jordan for its help with the convoys.")
    article = Article(id="long", text=text, date=THU)
    got = workers._extract_long(article, nlp, workers.extract)
    assert [r.when.value for r in got.relations if r.directed] == [
        "2023-09-12", "2023-09-13", "2023-09-14"]
