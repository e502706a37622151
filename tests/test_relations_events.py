"""Event patterns of issue 22 (class 6), on sentences written for them (invented people and
companies, real countries; real spaCy): visits and hosting as cooperation, coordinated actors,
departures, ties restored or cut, violence in a place, relayed statements."""

import pytest

from graph.actors import find_mentions
from graph.relations import typed_relations


@pytest.fixture
def found(nlp):
    def run(text):
        doc = nlp(text)
        spans, _ = find_mentions(doc)
        return {(r.source, r.kind, r.target): r.polarity for r in typed_relations(doc, spans)}
    return run


@pytest.mark.parametrize("text,expected", [
    ("Tomasz Wielgosz visited Kenya last week.", ("Tomasz Wielgosz", "visit", "Kenya")),
    ("Ingrid Halvorsen travelled to Japan on Sunday.", ("Ingrid Halvorsen", "visit", "Japan")),
    ("The minister Kwame Asante will travel to Indonesia next month.",
     ("Kwame Asante", "visit", "Indonesia")),
    ("Vietnam hosted Amara Okonkwo for two days of talks.", ("Vietnam", "greet", "Amara Okonkwo")),
])
def test_visits_and_hosting_are_cooperative(found, text, expected):
    got = found(text)
    assert expected in got
    assert got[expected] == "cooperative"
