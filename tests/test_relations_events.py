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


@pytest.mark.parametrize("text,pairs", [
    ("Sweden, Finland and Denmark signed a defence pact.",
     {("Sweden", "Finland"), ("Sweden", "Denmark"), ("Finland", "Denmark")}),
    ("The foreign ministers of Saudi Arabia, Iran and China held talks in Beijing.",
     {("Saudi Arabia", "Iran"), ("Saudi Arabia", "China"), ("Iran", "China")}),
    ("Talks between Kenya, Uganda and Tanzania ended on Friday.",
     {("Kenya", "Uganda"), ("Kenya", "Tanzania"), ("Uganda", "Tanzania")}),
])
def test_every_pair_of_coordinated_parties(found, text, pairs):
    got = {frozenset((s, t)) for s, _, t in found(text)}
    assert {frozenset(p) for p in pairs} <= got


@pytest.mark.parametrize("text,expected", [
    ("Kenji Morimoto, along with Sofia Lindqvist, met Rafael Quintero in Lima.",
     {("Kenji Morimoto", "meet", "Rafael Quintero"),
      ("Sofia Lindqvist", "meet", "Rafael Quintero")}),
    ("Canada, together with Australia, imposed sanctions on Myanmar.",
     {("Canada", "sanction", "Myanmar"), ("Australia", "sanction", "Myanmar")}),
    ("Norway, alongside Iceland, criticised Denmark over the quotas.",
     {("Norway", "criticise", "Denmark"), ("Iceland", "criticise", "Denmark")}),
    ("The envoys of France, Germany and Italy met Olena Petrenko.",
     {("France", "meet", "Olena Petrenko"), ("Germany", "meet", "Olena Petrenko"),
      ("Italy", "meet", "Olena Petrenko")}),
    ("Sofia Lindqvist met Kenji Morimoto, Olena Petrenko and Ahmed Farouk in Geneva.",
     {("Sofia Lindqvist", "meet", "Kenji Morimoto"),
      ("Sofia Lindqvist", "meet", "Olena Petrenko"),
      ("Sofia Lindqvist", "meet", "Ahmed Farouk")}),
])
def test_companions_and_lists_each_take_part(found, text, expected):
    assert expected <= set(found(text))


def test_a_plain_with_is_no_companion(found):
    got = found("Canada, with Australian backing, imposed sanctions on Myanmar.")
    assert ("Canada", "sanction", "Myanmar") in got
    assert not {r for r in got if r[0] == "Australia"}


def test_an_event_that_is_only_the_topic_has_no_parties(found):
    got = found("Turkey and Greece condemned Libya over the maritime deal.")
    assert {("Turkey", "criticise", "Libya"), ("Greece", "criticise", "Libya")} <= set(got)
    assert not {r for r in got if {r[0], r[2]} == {"Turkey", "Greece"}}
