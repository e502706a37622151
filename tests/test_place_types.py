"""Places and buildings the model calls people or organisations (issue 22, class 4): a name
ending in a word for a place or a building is a place by evidence from the name itself, whatever
one tag says, unless that word is also a surname after a given name. Invented names; real spaCy
where the sentence matters, with the entity spans set by the test."""

import pytest
from spacy.tokens import Span

from graph.mentions.find import find_mentions
from graph.names.actor_types import name_evidence
from graph.resolution.actors import NameStat, resolve


@pytest.mark.parametrize("name", [
    "Tolland Kerrow Bridge", "Varnek Mosque", "Qasr Hadiri Palace", "Morrow Creek",
    "Selvin Desert", "Hafrun Hotel", "Oldbury Minster", "Kesh Island", "Corran Lake",
])
def test_a_place_word_at_the_end_makes_a_place(name):
    found = name_evidence(name)
    assert (found.type, found.evidence) == ("place", "suffix")


@pytest.mark.parametrize("name", ["Ingrid Lake", "Mara Street", "Oliver Castle",
                                  "Tolland Kerrow", "Mungo Varnek"])
def test_a_surname_that_is_a_place_word_stays_a_name(name):
    found = name_evidence(name)
    assert found is None or found.type != "place"


@pytest.mark.slow
def test_a_bridge_named_after_a_person_is_a_place_and_not_the_person(nlp):
    text = ("Tolland Kerrow opened the Tolland Kerrow Bridge in 1931. Traffic on the bridge "
            "was heavy, and Kerrow was proud.")
    doc = nlp(text)
    spans = []
    for words in ("Tolland Kerrow", "Tolland Kerrow Bridge", "Kerrow"):
        start = text.find(words, spans[-1].end_char if spans else 0)
        spans.append(Span(doc, *_tokens(doc, start, start + len(words)), label="PERSON"))
    doc.ents = spans
    found = [(s.mention.text, s.mention.name, s.mention.type) for s in find_mentions(doc)[0]]
    assert ("Tolland Kerrow Bridge", "Tolland Kerrow Bridge", "place") in found
    assert ("Tolland Kerrow", "Tolland Kerrow", "person") in found
    assert ("Kerrow", "Tolland Kerrow", "person") in found


def _tokens(doc, start, end):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.start, span.end


def test_across_articles_the_name_outweighs_person_tags():
    defs = resolve([NameStat("Varnek Mosque", "person", 3), NameStat("Varnek", "place", 1)])
    assert next(a for a in defs if "Varnek Mosque" in a.names).type == "place"


def test_an_acronym_joins_no_place_of_another_type():
    defs = resolve([NameStat("NHS", "organisation", 4),
                    NameStat("Northgate Hospital Station", "place", 1)])
    assert next(a for a in defs if "NHS" in a.names).names == ("NHS",)


@pytest.mark.parametrize("text,name,kind", [
    ("Ferries reach Kesh Harbour daily from the mainland.", "Kesh Harbour", "place"),
    ("He told the Kelso daily that the claims were false.", "Kelso", "organisation"),
    ("The newspaper Kelso Herald reported the story.", "Kelso Herald", "organisation"),
])
@pytest.mark.slow
def test_an_outlet_noun_makes_an_outlet_but_an_adverb_does_not(nlp, text, name, kind):
    doc = nlp(text)
    start = text.find(name)
    doc.ents = [doc.char_span(start, start + len(name), label="ORG" if kind ==
                              "organisation" else "GPE", alignment_mode="expand")]
    found = {s.mention.name: s.mention.type for s in find_mentions(doc)[0]}
    assert found[name] == kind
