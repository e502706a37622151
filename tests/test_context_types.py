"""Types from the words around a name (issue 22, class 4): nouns after a name that only a
company or a club has ("X shares", "the X striker"), and prepositions of place before a name the
model tags as a person ("in X", "near X"). Invented names; real spaCy, with the entity spans set
by the test where the model's own tag is what the rule must overrule."""

import pytest
from forced_mentions import mentions_with

pytestmark = pytest.mark.slow


def type_of(found, name):
    return next(t for _, n, t in found if n == name)


@pytest.mark.parametrize("text,name", [
    ("Brennick shares fell 4 percent after the report.", "Brennick"),
    ("Talbrook executives met the regulator on Monday.", "Talbrook"),
    ("The Corvallo striker scored twice in the second half.", "Corvallo"),
    ("Investors sold their Marlowe Voss stake last year.", "Marlowe Voss"),
])
def test_a_noun_only_companies_and_clubs_have_makes_an_organisation(nlp, text, name):
    assert type_of(mentions_with(nlp, text, [(name, "PERSON")]), name) == "organisation"


@pytest.mark.parametrize("text,name", [
    ("Protesters gathered in Varnessa on Sunday.", "Varnessa"),
    ("Shelling was reported near Oskova overnight.", "Oskova"),
    ("The storm moved across Keldany before dawn.", "Keldany"),
])
def test_a_preposition_of_place_makes_a_person_tag_a_place(nlp, text, name):
    assert type_of(mentions_with(nlp, text, [(name, "PERSON")]), name) == "place"


@pytest.mark.parametrize("text,name", [
    ("Voters said they believe in Tobrenko more than ever.", "Tobrenko"),
    ("He played a key role in Halvard's campaign.", "Halvard"),
    ("In Maria Castell's view, the deal was fair.", "Maria Castell"),
    ("Karl Brennick shares his views on the deal.", "Karl Brennick"),
])
def test_people_stay_people(nlp, text, name):
    assert type_of(mentions_with(nlp, text, [(name, "PERSON")]), name) == "person"
