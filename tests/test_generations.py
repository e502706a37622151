"""Father and son who share a name (issue 22, class 1): a generational suffix the model leaves
outside the name still belongs to it, and "the elder X" / "the younger X" say which of the two
a bare surname is. Invented names; real spaCy."""

import pytest
from forced_mentions import mentions_with

pytestmark = pytest.mark.slow


def names(found):
    return [(text, name) for text, name, _ in found]


def test_a_suffix_after_a_repeated_surname_is_the_sons_name(nlp):
    text = ("Marcus Pellane Jr. won the seat that his father, Marcus Pellane Sr., held for two "
            "decades. Pellane Jr. thanked voters on Tuesday.")
    found = names(mentions_with(nlp, text, [("Marcus Pellane Jr.", "PERSON"),
                                            ("Marcus Pellane Sr.", "PERSON")]))
    assert ("Pellane Jr.", "Marcus Pellane Jr.") in found


def test_the_elder_and_the_younger_pick_father_and_son(nlp):
    text = ("Tomas Rell Sr. and Tomas Rell Jr. run the firm. The younger Rell signed the deal, "
            "and the elder Rell approved it. Rell declined to comment.")
    found = names(mentions_with(nlp, text, [
        ("Tomas Rell Sr.", "PERSON"), ("Tomas Rell Jr.", "PERSON"), ("Rell", "PERSON"),
        ("Rell", "PERSON"), ("Rell", "PERSON")]))
    rells = [name for text, name in found if text == "Rell"]
    assert rells[:2] == ["Tomas Rell Jr.", "Tomas Rell Sr"]
    assert rells[2] not in ("Tomas Rell Jr.", "Tomas Rell Sr")  # a bare surname cannot tell


def test_regnal_numbers_are_not_ranked_by_age_words(nlp):
    text = ("Osric Vell II and Osric Vell III met in the hall. The elder Vell spoke first.")
    found = names(mentions_with(nlp, text, [("Osric Vell II", "PERSON"),
                                            ("Osric Vell III", "PERSON"), ("Vell", "PERSON")]))
    assert [name for text, name in found if text == "Vell"] in ([], ["Vell"])


@pytest.mark.parametrize("ent", ["Ivo Dovala", "Ivo Dovala, Jr."])
def test_a_suffix_after_a_comma_joins_the_name_without_it(nlp, ent):
    found = mentions_with(nlp, "The court heard Ivo Dovala, Jr. on Monday.", [(ent, "PERSON")])
    assert [(text, name) for text, name, _ in found] == [("Ivo Dovala, Jr.", "Ivo Dovala Jr.")]


def test_a_suffix_inside_a_longer_name_stays_there(nlp):
    text = "Flights leave from the Corwin Abbott Jr. Airport every hour."
    found = mentions_with(nlp, text, [("Corwin Abbott", "PERSON")])
    assert [name for _, name, _ in found] == ["Corwin Abbott"]


def test_a_name_the_model_missed_after_a_title_is_its_short_name(nlp):
    """"King Harun thanked the envoy": the model tags no name after the title; the word is a
    name part of one person of the article (the father, not the son whose patronymic holds
    it)."""
    text = ("King Harun al-Daleel received the envoy. His son, Crown Prince Tamir bin Harun, "
            "attended. King Harun thanked the envoy for the visit.")
    found = mentions_with(nlp, text, [("Harun al-Daleel", "PERSON"),
                                      ("Tamir bin Harun", "PERSON")])
    assert ("Harun", "Harun al-Daleel") in names(found)
