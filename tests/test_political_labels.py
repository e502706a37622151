"""A political label before a name is no part of it (issue 22, half names and descriptors):
"Nonpartisan X Y", "Pan-democrat X Y", "Republican Senator X Y" name the person X Y, while
party and institution names that start with such a word stay whole. Invented names; real
spaCy with the entity spans set by the test."""

import pytest
from forced_mentions import mentions_with

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,ent,label,name", [
    ("Nonpartisan Parel Tse won in the east.", "Nonpartisan Parel Tse", "PERSON", "Parel Tse"),
    ("Pan-democrat Wai Hok-lun took the seat.", "Pan-democrat Wai Hok-lun", "ORG",
     "Wai Hok-lun"),
    ("Republican Senator Dana Corvell spoke.", "Republican Senator Dana Corvell", "PERSON",
     "Dana Corvell"),
])
def test_a_label_before_a_name_is_cut_and_the_name_is_a_person(nlp, text, ent, label, name):
    assert mentions_with(nlp, text, [(ent, label)]) == [(name, name, "person")]


@pytest.mark.parametrize("name", [
    "Independent Electoral Commission", "Democratic Progressive Party",
    "Conservative Party of Canada", "Liberal Democrats", "Progressive Conservative Association",
])
def test_party_and_institution_names_stay_whole(nlp, name):
    found = mentions_with(nlp, f"{name} met on Monday.", [(name, "ORG")])
    assert [(n, t) for _, n, t in found] == [(name, "organisation")]
