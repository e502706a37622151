"""The headline names the article's actors (graph/mentions/known.py, title_mentions): the
known names in an article's title become mentions of a headline sentence, in the forms the
headline uses; the title never makes a new actor, never pairs actors, and adds nothing when the
text opens with it. Sentences and names are invented, in several naming traditions; the entity
spans are set by the test where the model's tagging matters."""

import json

import pytest
from known_names import extracted

from graph.core.model import Article
from graph.mentions.known import TITLE_SENTENCE, KnownNames, title_mentions

pytestmark = pytest.mark.slow  # every test parses its text with the spaCy model


def _title(ex):
    return [(m.text, m.name, m.type) for m in ex.mentions if m.sentence == TITLE_SENTENCE]


@pytest.mark.parametrize(
    "title,text,ents,form,name",
    [
        # a biography's title: the full name without the middle name the text gives
        (
            "Tomasz Nowak",
            "Tomasz Wojciech Nowak (born 1988) is a footballer. Nowak plays in Gdansk.",
            [("Tomasz Wojciech Nowak", "PERSON"), ("Nowak", "PERSON"), ("Gdansk", "GPE")],
            "Tomasz Nowak",
            "Tomasz Wojciech Nowak",
        ),
        (
            "Amara Okafor wins the Lagos prize",
            "Amara Chiamaka Okafor, an architect, won on Friday. Okafor thanked her team.",
            [("Amara Chiamaka Okafor", "PERSON"), ("Okafor", "PERSON")],
            "Amara Okafor",
            "Amara Chiamaka Okafor",
        ),
        # a country's short form in the headline, its name in the text
        (
            "Kenya and U.S. sign a trade deal",
            "Kenya and the United States signed a trade deal on Monday in Nairobi.",
            None,
            "U.S.",
            "United States",
        ),
        # a family name the text uses, in a Korean name (family name first)
        (
            "Park visits Seoul",
            "Park Ji-ho arrived in Seoul on Monday. Park met the mayor.",
            [("Park Ji-ho", "PERSON"), ("Seoul", "GPE"), ("Park", "PERSON")],
            "Park",
            "Park Ji-ho",
        ),
        # an acronym the text defines
        (
            "WFP warns of hunger in Darfur",
            "The World Food Programme (WFP) said hunger was spreading in Darfur.",
            [("World Food Programme", "ORG"), ("WFP", "ORG"), ("Darfur", "GPE")],
            "WFP",
            "World Food Programme",
        ),
    ],
)
def test_a_known_name_in_the_headline_is_a_mention(nlp, title, text, ents, form, name):
    ex = extracted(nlp, text, title, ents)
    assert (form, name) in [(t, n) for t, n, _ in _title(ex)]
    heading = [s for s in ex.sentences if s.index == TITLE_SENTENCE]
    assert [s.text for s in heading] == [title]
    m = next(m for m in ex.mentions if m.sentence == TITLE_SENTENCE and m.text == form)
    # numbered before the text, so the evidence view finds it inside the headline
    assert m.end <= -2 and title[m.start - heading[0].start : m.end - heading[0].start] == form


def test_a_headline_gives_the_given_name_of_a_person_the_text_names_by_family_name(nlp):
    ex = extracted(
        nlp,
        "Berglund is running for the Senate. Berglund said he would win.",
        "An interview with Tomas Berglund",
        [("Berglund", "PERSON"), ("Senate", "ORG"), ("Berglund", "PERSON")],
    )
    assert ("Tomas Berglund", "Tomas Berglund", "person") in _title(ex)
    names = {m.name for m in ex.mentions if m.text == "Berglund"}
    assert names == {"Tomas Berglund"}
    assert all("Berglund" not in (r.source, r.target) for r in ex.relations)


def test_a_family_name_with_two_given_names_in_the_headline_takes_neither(nlp):
    ex = extracted(
        nlp,
        "Okonkwo was arrested in Abuja on Monday. Okonkwo denied the charges.",
        "Adaeze Okonkwo's son Emeka Okonkwo arrested",
        [("Okonkwo", "PERSON"), ("Abuja", "GPE"), ("Okonkwo", "PERSON")],
    )
    assert {n for _, n, _ in _title(ex)} == {"Okonkwo"}
    assert {m.name for m in ex.mentions if m.text == "Okonkwo"} == {"Okonkwo"}


@pytest.mark.parametrize(
    "title,text,ents,absent",
    [
        # a name only in the headline makes no actor
        (
            "Ahmed Al-Sayegh meets Ghana's president",
            "Ghana's president spoke in Accra on Monday about the harvest.",
            None,
            "Ahmed Al-Sayegh",
        ),
        # a nationality word names no actor in a headline ("Spanish" art)
        (
            "Spanish art in the eyes of Lucía Fernández",
            "Lucía Fernández studied Spanish painters in Madrid.",
            [("Lucía Fernández", "PERSON"), ("Spanish", "NORP"), ("Madrid", "GPE")],
            "Spanish",
        ),
        # a head word the text uses for one organisation is no name in a headline
        (
            "Supreme Court hears the case",
            "The Federal Circuit Court ruled in May. The Court said the law applied.",
            [("Federal Circuit Court", "ORG"), ("Court", "ORG")],
            "Court",
        ),
    ],
)
def test_the_headline_adds_no_actor_the_text_does_not_name(nlp, title, text, ents, absent):
    ex = extracted(nlp, text, title, ents)
    assert absent not in [t for t, _, _ in _title(ex)]
    assert absent not in {m.name for m in ex.mentions} or any(
        m.name == absent and m.sentence >= 0 for m in ex.mentions
    )


def test_a_headline_makes_no_relations(nlp):
    text = "Nguyen Thi Lan spoke in Hanoi. Days later Tran Van Minh replied from Hue."
    ents = [
        ("Nguyen Thi Lan", "PERSON"),
        ("Hanoi", "GPE"),
        ("Tran Van Minh", "PERSON"),
        ("Hue", "GPE"),
    ]
    plain = extracted(nlp, text, "", ents)
    titled = extracted(nlp, text, "Nguyen Thi Lan and Tran Van Minh trade words", ents)
    assert len(_title(titled)) == 2
    assert titled.relations == plain.relations
    assert all(r.sentence >= 0 for r in titled.relations)


def test_no_headline_mentions_when_the_text_opens_with_the_headline(nlp):
    title = "Nguyen Thi Lan wins in Hanoi"
    ex = extracted(nlp, f"{title}\n\nNguyen Thi Lan won the race in Hanoi on Sunday.", title)
    assert _title(ex) == []
    assert all(s.index >= 0 for s in ex.sentences)


def test_an_article_without_a_title_has_no_headline_sentence():
    sentence, mentions, renamed = title_mentions("", "Some text.", KnownNames([]))
    assert (sentence, mentions, renamed) == (None, [], {})


def test_a_headline_mention_reaches_the_store_and_the_evidence(tmp_path, nlp):
    from graph.pipeline.driver import ingest
    from graph.slices.evidence import actor_evidence
    from graph.store.store import Store

    src = tmp_path / "a.jsonl"
    art = Article(
        id="a1",
        title="Tomasz Nowak signs for Gdansk",
        text="Tomasz Wojciech Nowak (born 1988) is a footballer. Nowak joined a club in Gdansk.",
    )
    src.write_text(json.dumps({"id": "a1", "title": art.title, "text": art.text}) + "\n")
    store = Store(tmp_path / "s.db")
    summary = ingest([src], store, progress=False)
    assert summary.failed == 0, summary.errors
    actor = next(a for a in store.find_actors("Tomasz Wojciech Nowak"))
    evidence = actor_evidence(store, actor.id)
    heading = [e for e in evidence if e["sentence"] == art.title]
    assert heading and heading[0]["spans"] == [[0, len("Tomasz Nowak")]]
