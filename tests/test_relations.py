"""Co-occurrence and typed relation rules, on sentences written for the tests (real spaCy)."""

import pytest

from graph.mentions.find import find_mentions
from graph.relations.find import cooccurrences, lexicon, typed_relations


@pytest.fixture
def rels(nlp):
    def run(text):
        doc = nlp(text)
        spans, _ = find_mentions(doc)
        return {(r.source, r.kind, r.target) for r in typed_relations(doc, spans)}
    return run


@pytest.mark.slow
def test_cooccurrence_is_per_sentence_not_per_article(nlp):
    doc = nlp("Germany and France signed a pact. Italy stayed away.")
    spans, _ = find_mentions(doc)
    pairs = {(r.source, r.target) for r in cooccurrences(spans)}
    assert pairs == {("France", "Germany")}


@pytest.mark.parametrize("text,expected", [
    ("Etienne Lavergne met Olaf Kessler in Berlin.", ("Etienne Lavergne", "meet", "Olaf Kessler")),
    ("Rajesh Malhotra met with Walt Hadley on Friday.", ("Rajesh Malhotra", "meet", "Walt Hadley")),
    ("Walt Hadley visited Poland last week.", ("Walt Hadley", "visit", "Poland")),
    ("Olaf Kessler travelled to China on Sunday.", ("Olaf Kessler", "visit", "China")),
    ("Germany accused Iran of cyberattacks.", ("Germany", "accuse", "Iran")),
    ("Turkey condemned Sweden over the protests.", ("Turkey", "criticise", "Sweden")),
    ("France thanked Japan for its help.", ("France", "praise", "Japan")),
    ("Iran supplied Russia with drones.", ("Iran", "supply", "Russia")),
    ("Iran shipped drones to Russia.", ("Iran", "supply", "Russia")),
    ("Russia bought drones from Iran.", ("Iran", "supply", "Russia")),
    ("Etienne Lavergne invited Rajesh Malhotra to the parade.",
     ("Etienne Lavergne", "invite", "Rajesh Malhotra")),
    ("Walt Hadley was greeted by Fumiaki Morisaki at the airport.",
     ("Fumiaki Morisaki", "greet", "Walt Hadley")),
    ("Rohan Mehrotra told the BBC that talks would continue.", ("Rohan Mehrotra", "tell", "BBC")),
    ("Etienne Lavergne's meeting with Olaf Kessler lasted two hours.",
     ("Etienne Lavergne", "meet", "Olaf Kessler")),
    ("Poland accused Belarus of sending migrants to Lithuania.",
     ("Belarus", "supply", "Lithuania")),
    ("Etienne Lavergne said he would visit Brazil in March.",
     ("Etienne Lavergne", "visit", "Brazil")),
])
@pytest.mark.slow
def test_typed_relation(rels, text, expected):
    assert expected in rels(text)


@pytest.mark.slow
def test_mutual_meeting_of_conjoined_subjects(rels):
    found = rels("Olaf Kessler and Etienne Lavergne met in Paris on Monday.")
    assert {("Olaf Kessler", "meet", "Etienne Lavergne"),
            ("Etienne Lavergne", "meet", "Olaf Kessler")} & found


@pytest.mark.slow
def test_person_in_apposition_acts_not_the_country_owning_the_role(rels):
    found = rels("Brazil's foreign minister, Mauro Tavares, accompanied Juca on the trip.")
    assert ("Mauro Tavares", "accompany", "Juca") in found
    assert not {r for r in found if r[0] == "Brazil"}


@pytest.mark.slow
def test_pronoun_of_a_non_person_speaker_is_not_resolved(rels):
    found = rels("Germany said she would meet Etienne Lavergne in Paris.")
    assert not {r for r in found if r[0] == "Germany"}


@pytest.mark.slow
def test_negated_verbs_give_no_relation(rels):
    assert not rels("Walt Hadley did not meet Lu Jianming in Bali.")


@pytest.mark.slow
def test_no_relation_without_two_actors(rels):
    assert not rels("Walt Hadley visited the factory and met workers.")


def test_lexicon_is_data_with_polarities():
    lex = lexicon()
    assert {f.polarity for f in lex.verbs["accuse"]} == {"hostile"}
    assert {f.polarity for f in lex.verbs["meet"]} == {"cooperative"}
    assert "meeting" in lex.nouns and any(f.reverse for f in lex.verbs["buy"])


@pytest.mark.slow
def test_raised_subject_acts_not_the_reporting_source(rels):
    got = rels("Russian Foreign Minister Sergei Valtsev is expected to visit Ankara next month, "
               "the Turkish Foreign Ministry said.")
    assert got == {("Sergei Valtsev", "visit", "Ankara")}


@pytest.mark.slow
def test_meeting_a_target_is_no_meeting(rels):
    assert rels("Germany would meet NATO's spending target on its own.") == set()
    assert rels("Germany will meet France in Paris.") == {("Germany", "meet", "France")}


@pytest.mark.slow
def test_refusing_to_meet_is_a_rejection_not_a_meeting(rels):
    # CAMEO 12 (125 "reject proposal to meet"): the refusal is the relation, not the meeting
    assert rels("Walt Hadley refused to meet Vladimir Garanin.") == {
        ("Walt Hadley", "reject", "Vladimir Garanin")}


@pytest.mark.parametrize("text", [
    "Japan called off the visit to China.",
    "Walt Hadley denied meeting Vladimir Garanin.",
])
@pytest.mark.slow
def test_an_event_undone_by_its_verb_gives_no_relation(rels, text):
    assert rels(text) == set()


@pytest.mark.slow
def test_rejecting_talks_is_a_rejection_not_a_meeting(rels):
    # CAMEO 125 "reject proposal to meet": the rejection is the relation, the talks are not
    assert rels("Abdel Wahab al-Nasri has rejected talks with the RSF leader, Mohamed Hamid "
                "Kabalo.") == {("Abdel Wahab al-Nasri", "reject", "Mohamed Hamid Kabalo")}


@pytest.mark.slow
def test_an_event_agreed_to_still_counts(rels):
    assert rels("Etienne Lavergne agreed to meet Olaf Kessler.") == {
        ("Etienne Lavergne", "meet", "Olaf Kessler")}
