"""Person names the model cut in two, joined again (graph/mentions/spans.py, issue 22 class 3):
a father's-name particle alone between two person spans ("bint", "ould", "ibn"), and a family
name ending in a Portuguese suffix ("Filho", "Neto", "Junior") right after given names.
Sentences and names are invented; the entity spans are set by the test."""

import pytest
from forced_mentions import mentions_with

pytestmark = pytest.mark.slow  # every test parses its text with the spaCy model


@pytest.fixture
def names(nlp):
    return lambda text, ents=None: mentions_with(nlp, text, ents)


@pytest.mark.parametrize(
    "text,ents,full",
    [
        (
            "Officials said Mariam bint Yousef Al Nuaimi would attend.",
            [("Mariam", "PERSON"), ("Yousef Al Nuaimi", "PERSON")],
            "Mariam bint Yousef Al Nuaimi",
        ),
        (
            "The envoy Ahmed ould Sidi Mahmoud arrived in the capital.",
            [("Ahmed", "PERSON"), ("Sidi Mahmoud", "PERSON")],
            "Ahmed ould Sidi Mahmoud",
        ),
        (
            "The court heard Nur Aisyah binti Rahmat Ismail on Tuesday.",
            [("Nur Aisyah", "PERSON"), ("Rahmat Ismail", "PERSON")],
            "Nur Aisyah binti Rahmat Ismail",
        ),
        (
            "The coach praised Pedro Lucas Teixeira Filho after the match.",
            [("Pedro Lucas", "PERSON"), ("Teixeira Filho", "PERSON")],
            "Pedro Lucas Teixeira Filho",
        ),
        (
            "Officials said Rafael Augusto Moreira Neto signed the deal.",
            [("Rafael Augusto", "PERSON"), ("Moreira Neto", "PERSON")],
            "Rafael Augusto Moreira Neto",
        ),
        (
            "Officials met Caio Henrique Lima Junior and Ana Souza.",
            [("Caio Henrique", "PERSON"), ("Lima Junior", "PERSON"), ("Ana Souza", "PERSON")],
            "Caio Henrique Lima Junior",
        ),
    ],
)
def test_halves_of_one_name_join(names, text, ents, full):
    assert (full, full, "person") in names(text, ents)


@pytest.mark.parametrize(
    "text,ents,kept",
    [
        # "and" between two people: two names
        (
            "Officials said Mariam and Yousef Al Nuaimi would attend.",
            [("Mariam", "PERSON"), ("Yousef Al Nuaimi", "PERSON")],
            ["Mariam", "Yousef Al Nuaimi"],
        ),
        # two people listed without a comma, neither with a suffix: two names
        (
            "Pictured: Anna Petrova Lindiwe Dube at the launch.",
            [("Anna Petrova", "PERSON"), ("Lindiwe Dube", "PERSON")],
            ["Anna Petrova", "Lindiwe Dube"],
        ),
        # a sentence break between them
        (
            "He met Anna Petrova. Teixeira Filho left.",
            [("Anna Petrova", "PERSON"), ("Teixeira Filho", "PERSON")],
            ["Anna Petrova", "Teixeira Filho"],
        ),
        # a person followed by an organisation
        (
            "He met Anna Petrova Banco Filho yesterday.",
            [("Anna Petrova", "PERSON"), ("Banco Filho", "ORG")],
            ["Anna Petrova", "Banco Filho"],
        ),
    ],
)
def test_two_names_stay_two(names, text, ents, kept):
    assert [t for t, _, _ in names(text, ents)] == kept
