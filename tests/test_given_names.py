"""Person names the model cut short at the front get their given names back
(graph/mentions/given_names.py): untagged given names before a tagged family name, and a given
name tagged as a name of its own right before the family name. Sentences and names are
invented, in several naming traditions; the entity spans are set by the test (real spaCy parses
the rest), so the rule is exercised whatever the model tags that day."""

import pytest
from forced_mentions import mentions_with

pytestmark = pytest.mark.slow  # every test parses its text with the spaCy model


@pytest.fixture
def names(nlp):
    return lambda text, ents=None: mentions_with(nlp, text, ents)


@pytest.mark.parametrize("text,ents,full", [
    # a biography's first line: only the family name tagged
    ("Jared Tristan Wozniak (born 1982) is an actor. Wozniak grew up in Ohio.",
     [("Wozniak", "PERSON"), ("Wozniak", "PERSON")], "Jared Tristan Wozniak"),
    ("The committee heard Ingrid Halvorsen on Monday. Halvorsen defended the plan.",
     [("Halvorsen", "PERSON"), ("Halvorsen", "PERSON")], "Ingrid Halvorsen"),
    ("Yesterday Svetlana Mirova won the final in three sets.",
     [("Mirova", "PERSON")], "Svetlana Mirova"),
    # the first word of a sentence, parsed as a common noun in a compound with the name
    ("Tomasz Wojciech Nowak (born June 11, 1988) is a footballer. Nowak plays in Gdansk.",
     [("Wojciech Nowak", "PERSON"), ("Nowak", "PERSON")], "Tomasz Wojciech Nowak"),
    # a given name tagged as a place of its own before the family name
    ("Valentina Rennick, an Australian woman, has claimed that the group held her for years.",
     [("Valentina", "GPE"), ("Rennick", "GPE")], "Valentina Rennick"),
    ("Mohammed Qassemi, a farmer, said the river had dried up.",
     [("Mohammed", "ORG"), ("Qassemi", "PERSON")], "Mohammed Qassemi"),
])
def test_given_names_before_a_family_name_join_it(names, text, ents, full):
    found = names(text, ents)
    assert (full, full, "person") in found
    assert [n for _, n, _ in found].count(full) == len([t for t, _, _ in found
                                                        if full.endswith(t)])


@pytest.mark.parametrize("text,ents,kept", [
    # a known place or country is no given name, however it is spelled
    ("In Georgia Halvorsen met the press.", [("Georgia", "GPE"), ("Halvorsen", "PERSON")],
     "Halvorsen"),
    # a common word or a title before the name is not a given name
    ("The Board Chair Okonkwo said no.", [("Okonkwo", "PERSON")], "Okonkwo"),
    # a sentence break between the two: two names
    ("They called Anna. Rennick answered.", [("Anna", "PERSON"), ("Rennick", "PERSON")],
     "Rennick"),
])
def test_no_given_name_no_join(names, text, ents, kept):
    found = names(text, ents)
    assert kept in [t for t, _, _ in found]
