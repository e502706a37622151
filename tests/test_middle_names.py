"""A person named in full once, with middle names or initials, and without them after ("Josiah
Abram Newcombe ... Josiah Newcombe") is one person in the article (graph/mentions/people.py),
unless a kinship word introduces one of the two names ("his son, Mario Reyes") or one sentence
names both. Sentences and names are invented; the entity spans are set by the test (real spaCy
parses the rest), so the rule is exercised whatever the model tags that day."""

import pytest
from forced_mentions import mentions_with

pytestmark = pytest.mark.slow  # every test parses its text with the spaCy model


def named(found, text):
    return [name for t, name, _ in found if t == text]


@pytest.mark.parametrize("text,ents,short,full", [
    ("Tobias Quillon Marsh (born 3 May 1961) is a painter from Kelvan. Marsh studied in "
     "Carrow. In 1990 Tobias Marsh opened a studio.",
     [("Tobias Quillon Marsh", "PERSON"), ("Marsh", "PERSON"), ("Tobias Marsh", "PERSON")],
     "Tobias Marsh", "Tobias Quillon Marsh"),
    ("Edda R. Vantongeren was a linguist. Edda Vantongeren worked for a bible society. "
     "Vantongeren died in 2004.",
     [("Edda R. Vantongeren", "PERSON"), ("Edda Vantongeren", "PERSON"),
      ("Vantongeren", "PERSON")],
     "Edda Vantongeren", "Edda R. Vantongeren"),
])
def test_a_name_without_its_middle_name_is_the_same_person(nlp, text, ents, short, full):
    found = mentions_with(nlp, text, ents)
    assert named(found, short) == [full]
    surname = full.split()[-1]
    assert set(named(found, surname)) == {full}  # the surname is no longer split between two


@pytest.mark.parametrize("text,ents", [
    # a kinship word introduces the shorter name: the son, not the father
    ("Mario Jose Okonta founded the firm in 1970. His son, Mario Okonta, runs it today.",
     [("Mario Jose Okonta", "PERSON"), ("Mario Okonta", "PERSON")]),
    # the child named as "the father of <descriptor> X": the father is another person
    ("Gunmen kidnapped the father of Carrow striker Rui Tavora near the border. They released "
     "Rui Manuel Tavora after 12 days.",
     [("Rui Tavora", "PERSON"), ("Rui Manuel Tavora", "PERSON")]),
    # one sentence names both: two people
    ("Tomas Ekberg Lund and Tomas Lund spoke at the meeting in Carrow.",
     [("Tomas Ekberg Lund", "PERSON"), ("Tomas Lund", "PERSON")]),
    # a particle is no middle name
    ("Jan van Hollis chaired the board. Jan Hollis, a rival bidder, left the room.",
     [("Jan van Hollis", "PERSON"), ("Jan Hollis", "PERSON")]),
])
def test_relatives_and_people_named_side_by_side_stay_apart(nlp, text, ents):
    found = mentions_with(nlp, text, ents)
    for name, _ in ents:
        assert named(found, name) == [name]


def test_two_longer_names_leave_the_short_one_alone(nlp):
    text = ("Luisa Maren Ortiz chaired the panel. Luisa Beatriz Ortiz spoke next. Later, Luisa "
            "Ortiz thanked the hosts.")
    found = mentions_with(nlp, text, [("Luisa Maren Ortiz", "PERSON"),
                                      ("Luisa Beatriz Ortiz", "PERSON"),
                                      ("Luisa Ortiz", "PERSON")])
    assert named(found, "Luisa Ortiz") == ["Luisa Ortiz"]


def test_a_less_used_spelling_of_a_full_name_is_the_same_person(nlp):
    text = ("Kristin Valborg runs the shelter. Kristin Valborg said it was full. Later Kristen "
            "Valborg added that Valborg had called the council.")
    found = mentions_with(nlp, text, [("Kristin Valborg", "PERSON"), ("Kristin Valborg",
                                                                     "PERSON"),
                                      ("Kristen Valborg", "PERSON"), ("Valborg", "PERSON")])
    assert named(found, "Kristen Valborg") == ["Kristin Valborg"]
    assert named(found, "Valborg") == ["Kristin Valborg"]


def test_two_names_that_only_look_alike_stay_two_people(nlp):
    text = "Hassan Ali and Hussein Ali spoke. Later Hussein Ali left."
    found = mentions_with(nlp, text, [("Hassan Ali", "PERSON"), ("Hussein Ali", "PERSON"),
                                      ("Hussein Ali", "PERSON")])
    assert named(found, "Hassan Ali") == ["Hassan Ali"]
