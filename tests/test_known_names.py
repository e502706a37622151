"""A known actor's name that the model tagged as a work of art, a product, a law or an event is
a mention of that actor (graph/mentions/known.py, relabelled), and the look-up of known names
that the headline and nested rules share (KnownNames). Names are invented, in several naming
traditions; entity spans are set by the test."""

import pytest
from forced_mentions import mentions_with

from graph.core.model import Mention, MentionSpan
from graph.mentions.known import KnownNames

pytestmark = pytest.mark.slow  # the relabelled tests parse their text with the spaCy model


@pytest.mark.parametrize(
    "text,ents,form,name,count",
    [
        (
            "Dame Amara Okafor designed the tower. Okafor was born in Lagos. Okafor studied in"
            " London.",
            [
                ("Amara Okafor", "PERSON"),
                ("Okafor", "WORK_OF_ART"),
                ("Lagos", "GPE"),
                ("Okafor", "PERSON"),
                ("London", "GPE"),
            ],
            "Okafor",
            "Amara Okafor",
            2,
        ),
        (
            "Jared Tristan Wozniak (born 1982) is an actor. In 2000, Jared decided to move to"
            " Ohio.",
            [("Jared Tristan Wozniak", "PERSON"), ("Jared", "PRODUCT"), ("Ohio", "GPE")],
            "Jared",
            "Jared Tristan Wozniak",
            1,
        ),
        (
            "Svendborg is a port. Ferries leave Svendborg at noon for the islands.",
            [("Svendborg", "GPE"), ("Svendborg", "EVENT")],
            "Svendborg",
            "Svendborg",
            2,
        ),
    ],
)
def test_a_known_name_tagged_as_something_else_is_a_mention(nlp, text, ents, form, name, count):
    found = mentions_with(nlp, text, ents)
    assert sum(1 for f, n, _ in found if f == form and n == name) == count


@pytest.mark.parametrize(
    "text,ents,absent",
    [
        # a work of art that names no actor of the article stays out
        (
            "Olga Petrova read War and Peace in Moscow.",
            [("Olga Petrova", "PERSON"), ("War and Peace", "WORK_OF_ART"), ("Moscow", "GPE")],
            "War and Peace",
        ),
        # an amount in a country's currency is no mention of the country
        (
            "The United States sent US $5 million to Kenya.",
            [("United States", "GPE"), ("US $5 million", "MONEY"), ("Kenya", "GPE")],
            "US $5 million",
        ),
        # a month is no mention of a person who shares its name
        (
            "Theresa Mayfield-May spoke. In May the talks resumed, said Lin Wei.",
            [("Theresa Mayfield-May", "PERSON"), ("May", "DATE"), ("Lin Wei", "PERSON")],
            "May",
        ),
    ],
)
def test_other_entity_spans_stay_out(nlp, text, ents, absent):
    assert absent not in [f for f, _, _ in mentions_with(nlp, text, ents)]


def _span(text: str, name: str, kind: str, label: str) -> MentionSpan:
    return MentionSpan(0, 1, Mention(0, 0, len(text), text, name, kind, label, "model"))


def test_known_names_by_form_acronym_and_country_short_form():
    known = KnownNames(
        [
            _span("Nguyen Thi Lan", "Nguyen Thi Lan", "person", "PERSON"),
            _span("New South Wales", "New South Wales", "place", "GPE"),
            _span("United States", "United States", "country", "GPE"),
            _span("American", "United States", "country", "NORP"),
        ]
    )
    assert known.get("Nguyen Lan").name == "Nguyen Thi Lan"  # without the middle name
    assert known.get("NSW").name == "New South Wales"  # the one longer name it spells
    assert known.get("U.S.").name == "United States"
    assert known.get("American") is None  # a nationality word
    assert known.get("American", nouns=False).name == "United States"
    assert known.get("Lan Nguyen") is None


def test_a_form_two_actors_share_names_neither():
    known = KnownNames(
        [
            _span("Carlos Menezes", "Carlos Menezes", "person", "PERSON"),
            _span("Paulo Menezes", "Paulo Menezes", "person", "PERSON"),
        ]
    )
    assert known.get("Menezes") is None
    assert known.get("Carlos Menezes").name == "Carlos Menezes"
