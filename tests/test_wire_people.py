"""Father and son in wire copy (issue 22, class 1: wrong merges): a role the article used with
one full name decides which of two people who share a family name "Chairman X" is; a father's
name carried inside his son's as a patronymic is no short form of the son's name. Sentences
written for the tests with invented names, through the real spaCy model
(graph/mentions/people.py, graph/mentions/person_words.py)."""

from graph.core.model import Article
from graph.extraction.article import extract_article


def _names(nlp, text: str) -> list[tuple[str, str]]:  # noqa: ANN001
    ex = extract_article(Article(id="t", text=text), nlp)
    return [(m.text, m.name) for m in ex.mentions if m.type == "person"]


def test_a_role_used_with_the_father_decides_the_family_name(nlp):  # noqa: ANN001
    text = (
        "Zhou Jianhua, the 45-year-old son of chairman Zhou Guoqiang, became chief executive "
        "of the shipping group on Monday. The elder Zhou, 78, will remain on the board. Zhou "
        "Jianhua thanked the staff. Chairman Zhou was convicted of tax evasion in 2015."
    )
    bare = [name for surface, name in _names(nlp, text) if surface == "Zhou"]
    assert bare == ["Zhou Guoqiang", "Zhou Guoqiang"]


def test_a_fathers_name_inside_the_sons_is_not_his_short_form(nlp):  # noqa: ANN001
    text = (
        "Hailu Getachew Tessema won the Abebe Marathon on Sunday. Hailu's father, Getachew "
        "Tessema, won the same race in 1988. Getachew Tessema now coaches young runners in "
        "Bekoji."
    )
    names = _names(nlp, text)
    assert ("Getachew Tessema", "Getachew Tessema") in names
    assert ("Getachew Tessema", "Hailu Getachew Tessema") not in names


def test_a_father_named_first_keeps_his_name_beside_his_sons(nlp):  # noqa: ANN001
    text = (
        "Getachew Tessema won the city marathon in 1988 and now coaches in Bekoji. On Sunday "
        "his son, Hailu Getachew Tessema, won the race in a record time."
    )
    assert ("Getachew Tessema", "Getachew Tessema") in _names(nlp, text)


def test_a_short_form_of_a_relative_still_names_her(nlp):  # noqa: ANN001
    text = (
        "The club's president, Ana Sofia Vargas Quiroga, a granddaughter of the founder, said "
        "the coach had resigned. Vargas Quiroga said the board would meet on Friday."
    )
    assert ("Vargas Quiroga", "Ana Sofia Vargas Quiroga") in _names(nlp, text)


def test_a_short_form_without_kin_still_names_the_full_name(nlp):  # noqa: ANN001
    text = (
        "Mohammed Saleh Al Amri was appointed governor on Monday. Saleh Al Amri, as he is "
        "known, promised reforms."
    )
    assert ("Saleh Al Amri", "Mohammed Saleh Al Amri") in _names(nlp, text)


def test_a_son_named_without_his_patronymic_is_the_son(nlp):  # noqa: ANN001
    text = (
        "A court in Kazan jailed the developer Sergei Ivanovich Gromov and his son Pavel "
        "Sergeyevich Gromov on Thursday. Pavel Gromov told the court that he had followed "
        "orders."
    )
    assert ("Pavel Gromov", "Pavel Sergeyevich Gromov") in _names(nlp, text)


def test_a_father_is_not_his_sons_name_without_a_patronymic(nlp):  # noqa: ANN001
    text = (
        "A court in Kazan jailed the developer Sergei Ivanovich Gromov and his son Pavel "
        "Sergeyevich Gromov on Thursday. Sergei Gromov told the court that he was innocent."
    )
    names = _names(nlp, text)
    assert ("Sergei Gromov", "Pavel Sergeyevich Gromov") not in names


def test_a_clubs_nickname_names_the_club(nlp):  # noqa: ANN001
    text = (
        "Atletico Barranquilla Norte, known to fans as the Sharks, sacked its coach on Monday. "
        "The Sharks are fifth in the league."
    )
    ex = extract_article(Article(id="t", text=text), nlp)
    sharks = {(m.name, m.type) for m in ex.mentions if m.text == "Sharks"}
    assert sharks == {("Atletico Barranquilla Norte", "organisation")}


def test_a_nickname_known_to_fans_names_the_person(nlp):  # noqa: ANN001
    text = "Tran Minh Duc, known to fans as Duc Rocket, won the race. Duc Rocket is 19."
    assert ("Duc Rocket", "Tran Minh Duc") in _names(nlp, text)
