"""Boilerplate removal and text normalisation rules, on text written for the tests."""

from datetime import date

import pytest

from graph.cleaning import clean_text, find_date


def test_byline_is_removed_and_kept_as_author():
    out = clean_text("By JANE Q. DOE (Reuters)\n\nThe minister met the envoy in Paris.")
    assert out.author == "Jane Q. Doe"
    assert "JANE" not in out.text and out.text.startswith("The minister")


@pytest.mark.parametrize("dateline", [
    "PARIS, France (AP) — ", "ISTANBUL (Example Wire) - ", "NEW DELHI (dpa) – "])
def test_dateline_is_stripped(dateline):
    out = clean_text(dateline + "The minister met the envoy on Monday.")
    assert out.text == "The minister met the envoy on Monday."


def test_capitalised_opening_words_are_not_a_dateline():
    text = "NATO (the alliance) - as ever - met on Monday."
    assert clean_text(text).text == text


@pytest.mark.parametrize("line", [
    "Related Articles",
    "Related article: Minister to visit Berlin",
    "Image: Ministry of Defence via AP",
    "Photo: Jane Doe/Reuters",
    "Additional reporting by Agence France-Presse",
    "Back to top button",
    "Copyright 2024 Example News. All rights reserved.",
    "___",
])
def test_credit_and_navigation_lines_are_dropped(line):
    out = clean_text(f"The minister met the envoy.\n{line}\nTalks will continue.")
    assert out.text == "The minister met the envoy.\n\nTalks will continue."


def test_contributor_sentence_and_aggregator_footer_are_dropped():
    raw = ("Officials met in Oslo.\n\nAssociated Press writers Ann Lee in Rome and Bo Kim in "
           "Seoul contributed.\n\nNewsBot is an automatic aggregator of the all world's media. "
           "All trademarks belong to their rightful owners.")
    out = clean_text(raw)
    assert out.text == "Officials met in Oslo."


def test_repeated_headline_after_the_text_is_dropped():
    raw = ("Leaders meet in Oslo\n\nThe leaders met in Oslo. Aides contributed. "
           "Leaders meet in Oslo")
    out = clean_text(raw, title="Leaders meet in Oslo")
    assert out.text == "The leaders met in Oslo."


def test_hard_wrapped_text_is_unwrapped_but_paragraphs_kept():
    para = ("The foreign minister of the republic said on Tuesday that talks with the "
            "neighbouring\ngovernment would resume next month after a long pause in "
            "relations between the two\ncountries, which have been at odds over the border "
            "since the war ended years ago.\n")
    raw = (para + "\n") * 3
    out = clean_text(raw)
    paragraphs = out.text.split("\n\n")
    assert len(paragraphs) == 3
    assert "neighbouring government" in paragraphs[0]


@pytest.mark.parametrize("text,expected", [
    ("It happened on September 13, 2023, in the east.", date(2023, 9, 13)),
    ("Posted 4 June 2024 by staff", date(2024, 6, 4)),
    ("Updated 2022-02-24T05:00Z", date(2022, 2, 24)),
    ("Sept. 5, 2021: a date", date(2021, 9, 5)),
    ("No date at all, just 2023 as a year.", None),
    ("February 30, 2023 is not a day.", None),
])
def test_find_date(text, expected):
    assert find_date(text) == expected


def test_a_short_wrapped_text_keeps_its_sentences_whole():
    # Too few lines to look hard-wrapped (a short e-mail); the first line is no headline.
    raw = ("The foreign ministers of both countries met in the capital on Monday to\n"
           "discuss fishing quotas. Both said the talks had been useful and that\n"
           "officials would meet again in June.")
    out = clean_text(raw)
    assert out.title == ""
    assert out.text == " ".join(raw.split("\n"))
