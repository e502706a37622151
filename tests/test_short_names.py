"""Short names of organisations and places within one article (graph/mentions/shortnames.py), on
sentences written for the tests with invented names (real spaCy; the entity spans are set by
the test, so the rule is exercised whatever the model tags that day)."""

import pytest
from forced_mentions import mentions_with

pytestmark = pytest.mark.slow  # every test parses its text with the spaCy model


@pytest.fixture
def names(nlp):
    return lambda text, ents=None: mentions_with(nlp, text, ents)


def named(found, text):
    return [name for t, name, _ in found if t == text]


@pytest.mark.parametrize("text,ents,short,full", [
    ("Okafor studied at Marlowe University. At Marlowe she met her husband.",
     [("Marlowe University", "ORG"), ("Marlowe", "GPE")], "Marlowe", "Marlowe University"),
    ("The Delmar Party won the vote. Delmar leaders celebrated in the square.",
     [("Delmar Party", "ORG"), ("Delmar", "PERSON")], "Delmar", "Delmar Party"),
    ("Agents of the Church of Velmology denied it. Velmology has faced claims before.",
     [("Church of Velmology", "ORG"), ("Velmology", "ORG")], "Velmology",
     "Church of Velmology"),
    ("Members of the Quill Corps of Canada met. The Quill Corps raised money.",
     [("Quill Corps of Canada", "ORG"), ("Quill Corps", "ORG")], "Quill Corps",
     "Quill Corps of Canada"),
    ("Hikers love Harrowgate National Park. Harrowgate gets busy in July.",
     [("Harrowgate National Park", "FAC"), ("Harrowgate", "GPE")], "Harrowgate",
     "Harrowgate National Park"),
    ("The Tenby Herald Magazine ran the story. Tenby Herald said it stood by it.",
     [("Tenby Herald Magazine", "ORG"), ("Tenby Herald", "ORG")], "Tenby Herald",
     "Tenby Herald Magazine"),
])
def test_a_distinctive_part_names_the_full_name(names, text, ents, short, full):
    found = names(text, ents)
    assert named(found, short) == [full]
    assert {k for t, n, k in found if n == full} == {"organisation"} or full.endswith("Park")


@pytest.mark.parametrize("text,ents,short", [
    # a known city is an actor of its own, not the university named after it
    ("Researchers at the University of Helsinki said the ants lived in Helsinki.",
     [("University of Helsinki", "ORG"), ("Helsinki", "GPE")], "Helsinki"),
    # a demonym is its country's, not the airline's
    ("American Airlines cut flights. American travellers were angry.",
     [("American Airlines", "ORG"), ("American", "NORP")], "American"),
    # two longer names share the part: neither
    ("Marlowe University and Marlowe College merged. Marlowe said fees would rise.",
     [("Marlowe University", "ORG"), ("Marlowe College", "ORG"), ("Marlowe", "ORG")],
     "Marlowe"),
    # a city is not the airport named after it, nor a state the city
    ("Flights leave Tulsa International Airport daily. Tulsa is in Oklahoma.",
     [("Tulsa International Airport", "FAC"), ("Tulsa", "GPE"), ("Oklahoma", "GPE")],
     "Tulsa"),
    ("She moved from Oklahoma City to a farm in Oklahoma.",
     [("Oklahoma City", "GPE"), ("Oklahoma", "GPE")], "Oklahoma"),
    # a province or an island named after a city is another place
    ("Hotels in Kelvashir Province are full. Kelvashir itself is quiet.",
     [("Kelvashir Province", "GPE"), ("Kelvashir", "GPE")], "Kelvashir"),
    # "of" a place only: an academy "of Painting" is not shortened
    ("The Royal Academy of Painting admitted him. The Royal Academy of Music did not.",
     [("Royal Academy of Painting", "ORG"), ("Royal Academy of Music", "ORG")],
     "Royal Academy of Music"),
])
def test_other_actors_are_no_short_names(names, text, ents, short):
    found = names(text, ents)
    assert named(found, short) == [short]


def test_a_persons_name_stays_the_persons(names):
    found = names("Ada Marlowe founded Marlowe University in 1890. Marlowe taught there.",
                  [("Ada Marlowe", "PERSON"), ("Marlowe University", "ORG"),
                   ("Marlowe", "PERSON")])
    assert named(found, "Marlowe") == ["Ada Marlowe"]


def test_a_place_is_known_by_its_short_name(names):
    found = names("Buses reach the City of Carrow in summer. Carrow has one hotel.",
                  [("City of Carrow", "GPE"), ("Carrow", "GPE")])
    assert named(found, "City of Carrow") == ["Carrow"]
    found = names("Ferries reach Kelvashir City in summer. Kelvashir has one hotel.",
                  [("Kelvashir City", "GPE"), ("Kelvashir", "GPE")])
    assert named(found, "Kelvashir City") == ["Kelvashir"]


@pytest.mark.parametrize("full,short", [("Pittsburgh Falcons", "Falcons"),
                                        ("Boston Red Kites", "Red Kites")])
def test_a_teams_name_after_its_place_is_its_short_name(nlp, full, short):
    text = f"He signed with the {full} in May. The {short} won their next game."
    found = mentions_with(nlp, text, [(full, "ORG"), (short, "GPE")])
    assert [(t, n, k) for t, n, k in found if t == short] == [(short, full, "organisation")]


def test_a_plural_that_ends_place_names_makes_no_team(nlp):
    text = "Shelling hit the Tolland Heights overnight. The Heights were quiet by noon."
    found = mentions_with(nlp, text, [("Tolland Heights", "LOC"), ("Heights", "LOC")])
    assert [n for t, n, _ in found if t == "Heights"] == ["Heights"]


def test_the_head_before_of_names_the_organisation(names):
    text = ("The Society of Kelvan Engineers hired him in 1790. The Society paid him well.")
    found = names(text, [("Society of Kelvan Engineers", "ORG"), ("Society", "ORG")])
    assert named(found, "Society") == ["Society of Kelvan Engineers"]


def test_a_head_two_names_share_names_neither(names):
    text = ("The Lantern House said the House of Delegates would vote. The House passed the "
            "bill.")
    found = names(text, [("Lantern House", "ORG"), ("House of Delegates", "ORG"),
                         ("House", "ORG")])
    assert named(found, "House") == ["House"]


def test_a_team_tagged_as_an_organisation_is_no_short_name_of_an_epithet(names):
    text = ("Frank Delmonte, the Comets Poet, reads at every game. The Comets lost again, but "
            "the Comets Poet kept writing.")
    found = names(text, [("Frank Delmonte", "PERSON"), ("Comets Poet", "PERSON"),
                         ("Comets", "ORG"), ("Comets Poet", "PERSON")])
    assert named(found, "Comets") == ["Comets"]


def test_a_bare_institution_is_the_one_countrys_institution_the_article_names(names):
    text = "Japan's Home Office refused the visa. The Home Office said the rules were clear."
    found = names(text, [("Japan", "GPE"), ("Home Office", "ORG"), ("Home Office", "ORG")])
    assert named(found, "Home Office") == ["Home Office (Japan)"] * 2


def test_a_bare_institution_beside_two_countries_institutions_stays_bare(names):
    text = ("Japan's Home Office and China's Home Office traded statements. The Home Office "
            "said it protested.")
    found = names(text, [("Japan", "GPE"), ("Home Office", "ORG"), ("China", "GPE"),
                         ("Home Office", "ORG"), ("Home Office", "ORG")])
    assert named(found, "Home Office") == ["Home Office (Japan)", "Home Office (China)",
                                           "Home Office"]


@pytest.mark.parametrize("text,ents,short,full", [
    # a family name the model tags as a nationality is the person named in full before
    ("Teodor Bellandi painted the mural. Bellandi worked on it for a year.",
     [("Teodor Bellandi", "PERSON"), ("Bellandi", "NORP")], "Bellandi",
     "Teodor Bellandi"),
    ("Ama Owusuah opened the school. Owusuah taught there for decades.",
     [("Ama Owusuah", "PERSON"), ("Owusuah", "NORP")], "Owusuah", "Ama Owusuah"),
])
def test_a_family_name_tagged_as_a_nationality_names_the_person(names, text, ents, short, full):
    assert named(names(text, ents), short) == [full]


def test_a_known_people_is_no_family_name(names):
    found = names("Abdul Karim al-Kurdi spoke. Kurdish fighters and a Kurdish family left.",
                  [("Abdul Karim al-Kurdi", "PERSON"), ("Kurdish", "NORP"),
                   ("Kurdish", "NORP")])
    assert "Abdul Karim al-Kurdi" not in named(found, "Kurdish")
