"""Event dates from the article's context, for sentences without an expression of their own:
"the following day" counted from the event told before, and a follow-up sentence in which the
same actor acts on after a dated event. Each pattern through the real spaCy model and
extraction; the parser of anchored expressions on its own (no model)."""

from datetime import date

import pytest

from graph.core.model import Article, EventDate, Relation
from graph.extraction.article import extract_article
from graph.relations.timex import parse, resolve

THU = date(2024, 9, 26)  # a Thursday


def typed(nlp, text: str, published: date | None) -> list[Relation]:
    rels = [r for r in extract_article(Article(id="t", text=text, date=published),
                                       nlp).relations if r.directed]
    assert rels, f"no typed relation in {text!r}"
    return rels


def when_of(nlp, text: str, published: date | None, sentence: int) -> EventDate | None:
    """The event date of the first typed relation of sentence ``sentence``."""
    rels = [r for r in typed(nlp, text, published) if r.sentence == sentence]
    assert rels, f"no typed relation in sentence {sentence} of {text!r}"
    return rels[0].when


@pytest.mark.parametrize(("text", "days"), [
    ("the following day", 1), ("on the next day", 1), ("the day after", 1),
    ("the previous day", -1), ("a day earlier", -1), ("the day before", -1),
    ("on the same day", 0), ("later that day", 0), ("two days later", 2),
    ("three days earlier", -3), ("a week later", 7),
])
def test_anchored_expressions_count_from_the_event_before(text, days):
    tx = parse(text)
    assert tx is not None and tx.kind == "anchored" and tx.days == days and not tx.forward
    got = resolve(tx, THU, "past", anchor=date(2024, 2, 28))
    assert got is not None and got[:3] == (date.fromordinal(date(2024, 2, 28).toordinal()
                                                            + days), "day", "relative")


def test_an_anchored_expression_without_an_event_before_resolves_to_nothing():
    assert resolve(parse("the following day"), THU, "past") is None


def test_the_following_day_counts_from_the_dated_event_before(nlp):
    text = ("Iranian President Reza Kamrani criticised Israel in a speech to the UN General "
            "Assembly on Tuesday.\n\nKamrani met French President Lucien Marcel on the "
            "sidelines of the assembly the following day.")
    assert when_of(nlp, text, THU, 0) == EventDate("2024-09-24", "day", "relative")
    assert when_of(nlp, text, THU, 1) == EventDate("2024-09-25", "day", "relative")


def test_the_previous_day_across_a_month_boundary(nlp):
    text = ("Kenya signed a security pact with Haiti on 1 March.\n\nHaiti's prime minister "
            "had met Kenya's president the previous day.")
    assert when_of(nlp, text, date(2024, 3, 4), 1) == EventDate("2024-02-29", "day",
                                                                 "relative")


def test_the_following_day_with_nothing_dated_before_is_the_article_date(nlp):
    text = "Egypt's president met Qatar's emir in Cairo the following day."
    assert when_of(nlp, text, THU, 0) == EventDate("2024-09-26", "day", "article")


def test_a_follow_up_by_an_actor_of_the_dated_event_inherits_its_date(nlp):
    text = ("NATO's secretary general Pieter Vandermolen met Ukraine's foreign minister Oleh "
            "Savchuk in Brussels on Tuesday.\n\nThe two men discussed pilot training.\n\n"
            "Savchuk thanked Germany for a new package of missiles.")
    assert when_of(nlp, text, date(2024, 3, 14), 2) == EventDate("2024-03-12", "day",
                                                                  "relative")


def test_a_follow_up_names_the_actor_as_a_country_or_by_surname(nlp):
    text = ("Somalia's president met Egyptian President Abdel Wahid-Fahmy in Cairo on Sunday."
            "\n\nWahid-Fahmy warned Ethiopia against threatening Somalia.")
    assert when_of(nlp, text, date(2024, 1, 31), 1).value == "2024-01-28"
    text = ("Russia's president met North Korea's leader on Wednesday at the Vostochny "
            "spaceport.\n\nThe Russian president praised North Korea's leader for his support.")
    assert when_of(nlp, text, date(2023, 9, 14), 1).value == "2023-09-13"


@pytest.mark.parametrize("follow_up", [
    # a third party reacting: its own act, reported on the day of the article
    "The African Union criticised Kenya for the deployment.",
    # a perfect: a state up to now, not a step of the story
    "Kenya has accused Haiti of delays.",
    # a plan
    "Kenya will send police officers to Haiti.",
])
def test_what_does_not_follow_on_keeps_the_article_date(nlp, follow_up):
    text = f"Kenya signed a security pact with Haiti on Monday.\n\n{follow_up}"
    got = when_of(nlp, text, THU, 1)
    assert got is not None and got.basis == "article" and got.value == "2024-09-26"


def test_what_follows_a_journey_is_not_dated_by_its_start(nlp):
    text = ("On Sunday, Kim Chol-su travelled to Russia on his private train.\n\n"
            "Kim Chol-su met Viktor Orlanov at the cosmodrome.")
    assert when_of(nlp, text, date(2023, 9, 13), 1) == EventDate("2023-09-13", "day",
                                                                  "article")


def test_a_dated_event_far_back_does_not_date_a_follow_up(nlp):
    filler = "The weather was cold. Markets were calm. Trains ran late. "
    text = (f"Kenya signed a security pact with Haiti on Monday. {filler}"
            "Kenya thanked Haiti for its patience.")
    rels = typed(nlp, text, THU)
    last = max(rels, key=lambda r: r.sentence)
    assert last.sentence >= 4 and last.when == EventDate("2024-09-26", "day", "article")


def test_a_date_hung_on_led_by_dates_the_event(nlp):
    text = ("Syria's new leader Ahmad Qudsi met a Turkish delegation led by Foreign Minister "
            "Hakan Yavuzoglu in Damascus on Sunday.")
    assert when_of(nlp, text, date(2024, 12, 24), 0) == EventDate("2024-12-22", "day",
                                                                   "relative")


def test_a_follow_up_by_an_actor_the_dated_lede_names_takes_the_ledes_date(nlp):
    lede = ("OTTAWA - Canada expelled a senior diplomat on Monday after Prime Minister Marc "
            "Dufresne said there were credible allegations.\n\n")
    text = lede + "Dufresne told Parliament that he had raised the matter in New Delhi."
    assert when_of(nlp, text, date(2023, 9, 19), 1) == EventDate("2023-09-18", "day",
                                                                  "relative")
    # an actor the lede does not name reacts on its own day
    text = lede + "Pakistan criticised India for the killing."
    assert when_of(nlp, text, date(2023, 9, 19), 1) == EventDate("2023-09-19", "day",
                                                                  "article")


def test_a_lede_about_a_plan_dates_no_follow_up(nlp):
    text = ("HANOI - Vietnam will upgrade its ties with the United States on Sunday, officials "
            "said.\n\nVietnam praised Washington for its support.")
    got = when_of(nlp, text, date(2023, 9, 8), 1)
    assert got is not None and got.basis == "article"
