"""Names the model left untagged (graph/mentions/untagged.py): a known country and a clear
given name with a surname become mentions; words that are also given names ("Jordan"), places
and organisations that open with a given name ("Santa Clara", "Chelsea Football Club") and
parts of longer names ("BRP Sierra Madre") do not. Invented people, real countries; the entity
spans are set by the test (none at all), so the rule is exercised whatever the model tags."""

import pytest
from forced_mentions import mentions_with
from spacy.tokens import Span

from graph.core.model import Mention, MentionSpan
from graph.mentions.untagged import untagged_names

pytestmark = pytest.mark.slow  # every test parses its text with the spaCy model


def untagged(nlp, text):
    doc = nlp(text)
    doc.ents = []
    return [(s.mention.text, s.mention.type) for s in untagged_names(doc, [], [0] * len(doc))]


@pytest.mark.parametrize("text,expected", [
    ("Senegal restored diplomatic ties with Gambia.",
     [("Senegal", "country"), ("Gambia", "country")]),
    ("Uruguay recognised Palestine as a state.",
     [("Uruguay", "country"), ("Palestine", "country")]),
    ("Ingrid Vantorre departed for Lisbon after the summit.", [("Ingrid Vantorre", "person")]),
])
def test_a_country_or_a_given_name_with_a_surname_is_found(nlp, text, expected):
    assert [m for m in untagged(nlp, text) if m[0] in {e[0] for e in expected}] == expected


@pytest.mark.parametrize("text", [
    "Jordan met the delegation in the morning.",  # also a given name: the model's call
    "Virginia Beach voted on the plan.",  # a place word ends it
    "Chelsea Football Club won the cup.",  # an organisation word
    "Troops stationed on the BRP Sierra Madre were resupplied.",  # part of a ship's name
    "Ingrid Olaf spoke.",  # two given names: no surname
])
def test_places_organisations_and_parts_of_longer_names_are_not(nlp, text):
    assert untagged(nlp, text) == []


def test_a_name_the_model_tagged_is_left_alone(nlp):
    doc = nlp("Senegal restored diplomatic ties with Gambia.")
    doc.ents = []
    span = MentionSpan(0, 1, Mention(0, 0, 7, "Senegal", "Senegal", "place", "GPE"))
    assert [s.mention.text for s in untagged_names(doc, [span], [0] * len(doc))] == ["Gambia"]


def test_found_countries_reach_the_mentions(nlp):
    found = mentions_with(nlp, "Uruguay recognised Palestine as a state.", [])
    assert ("Uruguay", "Uruguay", "country") in found


def test_a_country_the_model_called_a_date_is_a_country(nlp):
    doc = nlp("Rebels attacked a convoy in Niger.")
    niger = next(t for t in doc if t.text == "Niger")
    doc.ents = [Span(doc, niger.i, niger.i + 1, label="DATE")]
    assert [(s.mention.text, s.mention.type) for s in untagged_names(doc, [], [0] * len(doc))] \
        == [("Niger", "country")]


@pytest.mark.parametrize("text,expected", [
    ("Troops moved into Chad on Monday.", [("Chad", "country")]),  # after a preposition
    ("Chad thanked the nurses.", []),  # a given name on its own: the model's call
])
def test_a_country_that_is_also_a_given_name_needs_a_preposition(nlp, text, expected):
    assert untagged(nlp, text) == expected


@pytest.mark.parametrize("text,name", [
    # a biography's first line, in any naming tradition (no given-name table needed)
    ("Nguyen Van Thanh (born 1970) is a Vietnamese painter.", "Nguyen Van Thanh"),
    ("Oluwakemi Adebisola (born 2 May 1984) is a Nigerian sprinter.",
     "Oluwakemi Adebisola"),
    ("Tuyaara Sysoeva (b. 1991) is a Yakut throat singer.", "Tuyaara Sysoeva"),
])
def test_a_name_before_born_is_a_person(nlp, text, name):
    assert (name, "person") in untagged(nlp, text)


def test_one_word_before_born_is_no_name(nlp):
    assert untagged(nlp, "Elsewhere (born of necessity) the plan grew.") == []
