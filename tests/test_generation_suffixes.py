"""Generational suffixes beyond "Jr." and Roman numbers: numbered ordinals ("3rd"), spelled
ordinals after "the" ("the Third") and Portuguese agnomens after a full name ("Neto", the
grandson; "Sobrinho", the nephew). A father and his son or grandson named alike are two people,
never joined by their names alone. Names and sentences are invented, in several naming
traditions; in-article tests set the entity spans themselves (real spaCy parses the rest)."""

import pytest
from forced_mentions import mentions_with

from graph.names.forms import (
    generation,
    is_generation,
    name_parts,
    other_generation,
    short_form_of,
)
from graph.names.variants import NameEntry, candidates
from graph.resolution.actors import NameStat, resolve


@pytest.mark.parametrize("key,expected", [
    ("kwame mensah 2nd", ("kwame mensah", "2nd")),
    ("dale whitcomb 3rd", ("dale whitcomb", "3rd")),
    ("omar haddad the third", ("omar haddad", "the third")),
    ("joao carvalho neto", ("joao carvalho", "neto")),
    ("tiago barbalho sobrinho", ("tiago barbalho", "sobrinho")),
    # a family name on its own, and ordinals that are no suffix
    ("baltazar neto", ("baltazar neto", "")),
    ("neto", ("neto", "")),
    ("the third", ("the third", "")),
    ("mercy third", ("mercy third", "")),
])
def test_ordinals_and_agnomens_are_generational_suffixes(key, expected):
    assert generation(key) == expected


def test_a_numbered_ordinal_alone_is_a_suffix_but_a_name_is_not():
    assert is_generation("3rd") and is_generation("4th")
    assert not is_generation("neto") and not is_generation("third")


@pytest.mark.parametrize("father,son", [
    ("kwame mensah", "kwame mensah 2nd"),
    ("dale whitcomb jr", "dale whitcomb 3rd"),
    ("omar haddad", "omar haddad the third"),
    ("joao carvalho", "joao carvalho neto"),
    ("joao carvalho filho", "joao carvalho neto"),
])
def test_father_and_son_are_no_short_form_of_each_other(father, son):
    assert other_generation(father, son)
    assert not short_form_of(father, son) and not short_form_of(son, father)


def test_the_family_name_before_an_agnomen_indexes_the_person():
    edge, _ = name_parts(["Joao Carvalho Neto", "Baltazar Neto"])
    assert edge["carvalho"] == ["Joao Carvalho Neto"]
    assert edge["neto"] == ["Baltazar Neto"]  # "Neto" names only the one whose family name it is


def test_no_naming_rule_joins_father_and_son_across_articles():
    defs = resolve([NameStat(*s) for s in [
        ("Kwame Mensah", "person", 3), ("Kwame Mensah 2nd", "person", 2),
        ("Joao Carvalho", "person", 2), ("Joao Carvalho Neto", "person", 4),
        ("Omar Haddad the Third", "person", 2), ("Omar Haddad", "person", 2),
        ("Mensah", "person", 1)]])
    for a in defs:
        assert len(a.names) == 1 or a.names == ("Joao Carvalho Neto", "Carvalho"), a.names
    found = candidates(NameEntry(k, k, "person") for k in (
        "kwame mensah", "kwame mensah 2nd", "kwame k mensah 3rd", "omar haddad the third",
        "omar haddad the fourth"))
    assert [(c.short, c.long) for c in found] == []


@pytest.fixture
def names(nlp):
    return lambda text, ents=None: mentions_with(nlp, text, ents)


@pytest.mark.slow
@pytest.mark.parametrize("father,son,short", [
    ("Kwame Mensah", "Kwame Mensah 2nd", "Mensah"),
    ("Joao Carvalho", "Joao Carvalho Neto", "Carvalho"),
])
def test_in_one_article_the_father_is_not_his_sons_short_form(names, father, son, short):
    text = (f"{father} opened the workshop in 1971. {son} runs it today. "
            f"{short} said the workshop would stay open.")
    found = names(text, [(father, "PERSON"), (son, "PERSON"), (short, "PERSON")])
    assert [n for t, n, _ in found if t == father] == [father]
    assert [n for t, n, _ in found if t == son] == [son]
    assert [n for t, n, _ in found if t == short] == [short]  # either of them
