"""Names inside longer organisation names (graph/mentions/known.py, nested_mentions): a
country, a known place, or an organisation's acronym that starts an organisation's name or
follows its last "of" is a mention of that actor when the article names it on its own too;
it is a mention only, never paired with its container or anyone else. Sentences and names are
invented (people in several naming traditions; countries are real); entity spans are set by
the test."""

import pytest
from known_names import extracted

from graph.core.model import Extraction

pytestmark = pytest.mark.slow  # every test parses its text with the spaCy model


def _nested(ex: Extraction) -> list[tuple[str, str]]:
    return [(m.text, m.name) for m in ex.mentions if m.label == "NESTED"]


@pytest.mark.parametrize(
    "text,ents,inner,name",
    [
        (
            "Officials of the US State Department met Wang Xiuying on Monday. The United States"
            " later sent aid.",
            [("US State Department", "ORG"), ("Wang Xiuying", "PERSON"), ("United States", "GPE")],
            "US",
            "United States",
        ),
        (
            "The Government of the Republic of Ghana thanked Kwame Mensah. Ghana will host the"
            " summit.",
            [
                ("Government of the Republic of Ghana", "ORG"),
                ("Kwame Mensah", "PERSON"),
                ("Ghana", "GPE"),
            ],
            "Republic of Ghana",
            "Ghana",
        ),
        (
            "Dmitri Volkov spoke at the University of NSW on Friday. Schools in New South Wales"
            " will close.",
            [
                ("Dmitri Volkov", "PERSON"),
                ("University of NSW", "ORG"),
                ("New South Wales", "GPE"),
            ],
            "NSW",
            "New South Wales",
        ),
        (
            "Priya Raghunathan joined the OSCE Mission to Serbia in May. The OSCE praised her.",
            [("Priya Raghunathan", "PERSON"), ("OSCE Mission to Serbia", "ORG"), ("OSCE", "ORG")],
            "OSCE",
            "OSCE",
        ),
    ],
)
def test_a_known_actor_inside_an_organisation_name_is_a_mention(nlp, text, ents, inner, name):
    ex = extracted(nlp, text, ents=ents)
    assert (inner, name) in _nested(ex)
    m = next(m for m in ex.mentions if m.label == "NESTED" and m.text == inner)
    assert text[m.start : m.end] == inner


def test_a_nested_mention_pairs_with_no_one(nlp):
    text = "Officials of the US State Department met Wang Xiuying. The United States sent aid."
    ents = [("US State Department", "ORG"), ("Wang Xiuying", "PERSON"), ("United States", "GPE")]
    ex = extracted(nlp, text, ents=ents)
    assert _nested(ex) == [("US", "United States")]
    first = {(r.source, r.target) for r in ex.relations if r.sentence == 0}
    assert first and not any("United States" in pair for pair in first)


@pytest.mark.parametrize(
    "text,ents",
    [
        # the inner name is named nowhere else in the article: no new actor
        (
            "Officials of the US State Department met Wang Xiuying on Monday.",
            [("US State Department", "ORG"), ("Wang Xiuying", "PERSON")],
        ),
        # a person a foundation is named after takes no part in it
        (
            "Ngozi Okafor spoke on Monday. The Ngozi Okafor Foundation gave money to Lagos.",
            [
                ("Ngozi Okafor", "PERSON"),
                ("Ngozi Okafor Foundation", "ORG"),
                ("Lagos", "GPE"),
            ],
        ),
        # a nationality word starting a name is no mention of the country
        (
            "The American University of Beirut hired Layla Haddad. The United States funds it.",
            [
                ("American University of Beirut", "ORG"),
                ("Layla Haddad", "PERSON"),
                ("United States", "GPE"),
            ],
        ),
        # a part of an organisation's name that the article uses as a name on its own
        (
            "Major League officials met in Ohio. Major League Baseball fined Carlos Mendes.",
            [
                ("Major League", "ORG"),
                ("Ohio", "GPE"),
                ("Major League Baseball", "ORG"),
                ("Carlos Mendes", "PERSON"),
            ],
        ),
        # a place's name inside a place's name (no organisation) is left alone
        (
            "Virginia Beach lies in Virginia, said Olga Petrova.",
            [("Virginia Beach", "GPE"), ("Virginia", "GPE"), ("Olga Petrova", "PERSON")],
        ),
    ],
)
def test_no_nested_mention(nlp, text, ents):
    assert _nested(extracted(nlp, text, ents=ents)) == []
