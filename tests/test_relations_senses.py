"""Senses of trigger words that are no event between actors, seen on real text (GUM's
biographies and speeches, issue 22 class 6): giving birth, control or people is no supply;
landing a role is no visit; receiving a prize or welcoming a choice is no hosting; a name after
a preposition beside an actor object; an event an effort is made towards has not happened.
Sentences written for each pattern (invented people, real countries; real spaCy)."""

import pytest

pytestmark = pytest.mark.slow  # every test parses its text with the spaCy model



@pytest.mark.parametrize(
    "text",
    [
        "On December 22, Ana Souza gave birth to their second son, Pedro Souza.",
        "Retiring to the monastery, Lee Min-ho gave Kwame Mensah complete control over the school.",
        "Lagos has sent the right men to the House of Representatives and to the Senate.",
    ],
)
def test_no_goods_are_supplied(found, text):
    assert not {r for r in found(text) if r[1] == "supply"}


def test_goods_sent_are_still_supplied(found):
    assert ("Kenya", "supply", "Uganda") in found("Kenya sent weapons to Uganda.")


def test_landing_a_role_is_no_visit(found):
    got = found("Lee Min-ho also landed a short role in the thriller Flight of the Phoenix.")
    assert not {r for r in got if r[1] == "visit"}
    assert ("Lee Min-ho", "visit", "Kenya") in found("Lee Min-ho landed in Kenya on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "Ana Souza was the first woman to receive the Andean Architecture Prize, in 2004.",
        "Austria welcomes President Kwame Mensah's choice of theme for this year's debate.",
    ],
)
def test_no_one_is_hosted(found, text):
    assert not {r for r in found(text) if r[1] == "greet"}


def test_a_guest_is_still_hosted(found):
    assert ("Kenya", "greet", "Li Wei") in found("Kenya welcomed Li Wei to Nairobi.")


def test_beside_an_actor_object_only_a_name_after_the_preposition(found):
    got = found("Li Wei and Ana Souza supported Kwame Mensah for the 2018 Senate election.")
    assert ("Li Wei", "support", "Kwame Mensah") in got
    assert not {r for r in got if r[2] == "Senate"}


@pytest.mark.parametrize(
    "text",
    [
        "I fully support the efforts towards a new summit between Kenya and Uganda.",
        "Kenya made plans for talks with Uganda.",
    ],
)
def test_an_event_an_effort_is_made_towards_has_not_happened(found, text):
    assert not {r for r in found(text) if r[1] == "meet"}


def test_talks_held_still_happened(found):
    assert ("Kenya", "meet", "Uganda") in found("Kenya held talks with Uganda on Monday.")


@pytest.mark.parametrize(
    "text,expected,wrong",
    [
        (
            "Li Wei arrived in Kenya at the invitation of Kwame Mensah.",
            ("Kwame Mensah", "invite", "Li Wei"),
            ("Li Wei", "invite", "Kenya"),
        ),
        (
            "Many Americans who migrated to Texas at the invitation of the Mexican government "
            "stayed.",
            ("Mexican", "invite", "Americans"),
            ("Americans", "invite", "Texas"),
        ),
    ],
)
def test_at_the_invitation_of_y_y_invited_the_subject(found, text, expected, wrong):
    got = found(text)
    assert expected in got
    assert wrong not in got


def test_an_event_under_a_verb_of_effort_still_happened(found):
    got = found(
        "Experts said that during Li Wei's visit to Kenya, Uganda would likely push to "
        "export more weapons."
    )
    assert ("Li Wei", "visit", "Kenya") in got
