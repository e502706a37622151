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


@pytest.mark.parametrize("text,ents,full", [
    # a biography's first line: the family name alone tagged as an organisation
    ("Kwabena Yaw Asante (born 1975) is a Ghanaian engineer. Asante founded a firm in Accra.",
     [("Asante", "ORG"), ("Ghanaian", "NORP"), ("Asante", "ORG"), ("Accra", "GPE")],
     "Kwabena Yaw Asante"),
    ("In the final weeks Dmitri Orlovsky reviewed the paper and rejected it.",
     [("Orlovsky", "ORG")], "Dmitri Orlovsky"),
    ("The court heard that Rafael Ortega Castañeda had signed the lease.",
     [("Castañeda", "ORG")], "Rafael Ortega Castañeda"),
    # a given name written with accents the table lacks, and a hyphenated given name
    ("Last spring Mikaël Lestrade asked the committee for more time.",
     [("Lestrade", "ORG")], "Mikaël Lestrade"),
    ("The letters show that Marie-Claude Falcoz wrote to the minister twice.",
     [("Falcoz", "ORG")], "Marie-Claude Falcoz"),
    ("Her cousin was a Mademoiselle Lucienne Poterat du Vaux, the daughter of a doctor.",
     [("Vaux", "ORG")], "Lucienne Poterat du Vaux"),
])
def test_family_name_tagged_as_organisation_takes_the_given_names(names, text, ents, full):
    found = names(text, ents)
    assert (full, full, "person") in found


def test_a_particle_alone_makes_the_family_name_a_person(names):
    found = names("The letters hint that Mme. de Vaux had confided in the poet.",
                  [("Vaux", "ORG")])
    assert ("de Vaux", "de Vaux", "person") in found


@pytest.mark.parametrize("text,ents,kept", [
    # no given name first: an organisation's own words ("Banque du ...")
    ("Officials at the Banque du Lorrain raised rates.", [("Lorrain", "ORG")], "Lorrain"),
    # a given name of either sex or a place only, never clearly a given name
    ("Analysts at Morgan Vantis cut the forecast.", [("Vantis", "ORG")], "Vantis"),
    ("Reporters in Boston Kellerman met the mayor.", [("Kellerman", "ORG")], "Kellerman"),
    # a word of an organisation's name is no family name
    ("Shares of Karim Industries fell on Monday.", [("Industries", "ORG")], "Industries"),
    # a title before it is no given name
    ("The Director Asante left early.", [("Asante", "ORG")], "Asante"),
])
def test_an_organisation_keeps_its_edges(names, text, ents, kept):
    found = names(text, ents)
    # no person's name grows out of it
    assert not [t for t, _, kind in found if t.endswith(kept) and t != kept and kind == "person"]
