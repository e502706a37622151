"""Typed relations in the language of real reporting (issue 22, class 6, seen on GUM's Wikinews
news and interviews): statements given "to" someone, interviews and their headlines, degrees
conferred, passive acts with no named doer, appeals whose addressee does the act, and objects
misread across a colon. Sentences written for each pattern (invented people and outlets, real
countries; real spaCy)."""

import pytest

pytestmark = pytest.mark.slow  # every test parses its text with the spaCy model



@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Kwame Mensah remarked to the Daily Courier that the plan had failed.",
            ("Kwame Mensah", "tell", "Daily Courier"),
        ),
        (
            "This is what Olga Petrova said to Hassan Nasser.",
            ("Olga Petrova", "tell", "Hassan Nasser"),
        ),
        (
            "Li Wei stated to the Morning Herald that the talks went well.",
            ("Li Wei", "tell", "Morning Herald"),
        ),
        (
            "Nguyen Thi Lan explained to Carlos Mendes why the vote was delayed.",
            ("Nguyen Thi Lan", "tell", "Carlos Mendes"),
        ),
    ],
)
def test_a_statement_given_to_someone_is_made_to_them(found, text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Olga Petrova is said to have sold the company.",
        "Kwame Mensah said the Daily Courier had closed.",
    ],
)
def test_saying_without_to_addresses_no_one(found, text):
    assert not {r for r in found(text) if r[1] == "tell"}


@pytest.mark.parametrize(
    "text,speaker,outlet",
    [
        ("The Daily Courier interviewed Kwame Mensah on Monday.", "Kwame Mensah", "Daily Courier"),
        (
            "Park Ji-hoon was interviewed by the Morning Herald last week.",
            "Park Ji-hoon",
            "Morning Herald",
        ),
        (
            "Carlos Mendes, a chess champion interviewed by Al Jazeera, spoke of his plans.",
            "Carlos Mendes",
            "Al Jazeera",
        ),
    ],
)
def test_the_one_interviewed_speaks_to_the_interviewer(found, text, speaker, outlet):
    got = found(text)
    assert (speaker, "tell", outlet) in got
    assert (outlet, "tell", speaker) not in got


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Reuters interviews Carlos Mendes, president of the Andean Chess Federation",
            {("Carlos Mendes", "tell", "Reuters")},
        ),
        (
            "Al Jazeera interviews Carlos Mendes and Nguyen Thi Lan of the Hanoi Chess Club",
            {("Carlos Mendes", "tell", "Al Jazeera"), ("Nguyen Thi Lan", "tell", "Al Jazeera")},
        ),
        ("Kenya sanctions Uganda over border clash", {("Kenya", "sanction", "Uganda")}),
    ],
)
def test_a_headline_verb_read_as_a_noun_still_links_its_actors(found, text, expected):
    assert expected <= found(text)


def test_a_headline_verb_needs_its_actor_to_open_the_headline(found):
    got = found("Fans of the Daily Courier sanctions Uganda ignored were loud")
    assert not {r for r in got if r[1] == "sanction"}


def test_a_degree_is_conferred_not_supplied(found):
    assert not found("Ana Lima obtained her doctorate from the University of Porto.")
    assert ("Russia", "supply", "Kenya") in found("Kenya obtained weapons from Russia.")


@pytest.mark.parametrize(
    "text",
    [
        "Ana Souza claims that she was held in Quito until 2010 and then transferred to the "
        "Andean Mining Company.",
        "Kwame Mensah announced the cities that would be given the three aircraft.",
        "Hungary criticised the weapons supplied to Ukraine.",
    ],
)
def test_a_passive_act_has_no_doer_from_the_clause_above(found, text):
    assert not {r for r in found(text) if r[1] == "supply"}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Kenya has hosted Li Wei and signed a deal with China.", ("Kenya", "sign", "China")),
        (
            "Rafael Montoya met Li Wei and signed a deal with China.",
            ("Rafael Montoya", "sign", "China"),
        ),
        (
            "Northwind Logistics partnered with Calder Bank on a payments network.",
            ("Northwind Logistics", "cooperate", "Calder Bank"),
        ),
    ],
)
def test_an_active_verb_keeps_the_subject_it_shares(found, text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text,appeal,not_done",
    [
        (
            "Colombia pleaded with Venezuela to send aid to Haiti.",
            ("Colombia", "urge", "Venezuela"),
            {("Colombia", "aid", "Haiti"), ("Venezuela", "aid", "Haiti")},
        ),
        (
            "The European Union called on Serbia to recognise Kosovo.",
            ("European Union", "urge", "Serbia"),
            {("European Union", "recognise", "Kosovo"), ("Serbia", "recognise", "Kosovo")},
        ),
    ],
)
def test_an_act_pleaded_for_is_the_addressees_and_not_done(found, text, appeal, not_done):
    got = found(text)
    assert appeal in got
    assert not got & not_done


def test_a_pleader_does_not_do_what_the_addressee_is_asked_to(found):
    got = found("Li Wei's sister pleaded with him to send Olga Petrova to a doctor.")
    assert not {r for r in got if r[0] == "Li Wei"}


def test_no_object_across_a_colon(found):
    got = found('Li Wei defended the deal: "Kwame Mensah and I are working hard."')
    assert ("Li Wei", "support", "Kwame Mensah") not in got
    assert ("Li Wei", "support", "Kwame Mensah") in found("Li Wei defended Kwame Mensah.")


def test_a_word_past_a_colon_is_no_object_even_when_parsed_as_one(nlp):
    """The parser sometimes hangs the first name of a quotation on the verb before the colon
    ("defended the record: "The Home Secretary and I ..."" with the secretary as object)."""
    from spacy.tokens import Doc

    from graph.relations.readings import past_colon as _past_colon

    words = ["Li", "Wei", "defended", "the", "deal", ":", "Kwame", "Mensah", "agreed", "."]
    heads = [1, 2, 2, 4, 2, 2, 7, 2, 2, 2]  # "Mensah" misread as a second object
    deps = [
        "compound",
        "nsubj",
        "ROOT",
        "det",
        "dobj",
        "punct",
        "compound",
        "dobj",
        "conj",
        "punct",
    ]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert _past_colon(doc[2], doc[7])
    assert not _past_colon(doc[2], doc[4])


@pytest.mark.parametrize(
    "text",
    [
        "The head of NATO, Lee Min-ho, met Ana Souza in Brasilia.",
        "Co-founder of Northwind, Lee Min-ho, personally met with Ana Souza.",
    ],
)
def test_a_name_set_off_after_a_body_is_its_heads(found, text):
    got = found(text)
    assert ("Lee Min-ho", "meet", "Ana Souza") in got
    assert not {r for r in got if r[0] in ("NATO", "Northwind")}


def test_former_members_do_not_act_as_the_body(found):
    assert not {r for r in found("Former members of Hamas met Israel's envoy.") if r[0] == "Hamas"}
    assert ("Hamas", "attack", "Israel") in found("Members of Hamas attacked Israel.")


def test_his_visit_beside_a_partner_is_nobodys_for_sure(found):
    got = found("Lee Min-ho met with Ana Souza during his visit to Brazil.")
    assert ("Lee Min-ho", "meet", "Ana Souza") in got
    assert not {r for r in got if r[1] == "visit"}
    assert ("Lee Min-ho", "visit", "Brazil") in found(
        "Lee Min-ho signed the accord during his visit to Brazil."
    )


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The Foreign Ministry said Kwame Mensah contacted Kenya's foreign minister over the "
            "refugees.",
            ("Kwame Mensah", "consult", "Kenya"),
        ),
        (
            "The State Department said Kwame Mensah, the envoy, contacted Thailand's foreign "
            "minister over temporary housing for the refugees out at sea.",
            ("Kwame Mensah", "consult", "Thailand"),
        ),
        ("Li Wei got in touch with Olga Petrova last week.", ("Li Wei", "consult", "Olga Petrova")),
    ],
)
def test_contacting_someone_is_consulting_them(found, text, expected):
    assert expected in found(text)


def test_a_particle_is_one_next_to_its_verb(found):
    assert not found("Kenya called off the visit to Uganda.")


@pytest.mark.parametrize(
    "text",
    [
        "Li Wei criticised the rules regarding Rohingya travelling to Malaysia.",
        "The policies regarding Koreans travelling to Japan were criticised.",
    ],
)
def test_an_act_inside_a_topic_did_not_happen(found, text):
    assert not {r for r in found(text) if r[1] == "visit"}


def test_people_doing_an_act_outside_a_topic_still_do_it(found):
    assert ("Koreans", "visit", "Japan") in found("Lee Min-ho met Koreans travelling to Japan.")


def test_the_object_pronoun_of_a_claim_is_the_claimant(found):
    got = found(
        "Ana Souza has claimed that the Andean Mining Company imprisoned her for twelve years."
    )
    assert ("Andean Mining Company", "arrest", "Ana Souza") in got


def test_the_head_of_a_body_named_through_a_split_title_is_the_name(nlp):
    """ "Co-founder of X, Lee Min-ho, met ..." as the parser reads it in running text: "Co"
    the subject, "founder (of X)" its appositive, the name an appositive of X."""
    from spacy.tokens import Doc

    from graph.core.model import Mention, MentionSpan
    from graph.relations.participants import subjects_of

    words = [
        "Co",
        "-",
        "founder",
        "of",
        "Northwind",
        ",",
        "Lee",
        "Min-ho",
        ",",
        "met",
        "with",
        "Ana",
        "Souza",
        ".",
    ]
    heads = [9, 0, 0, 2, 3, 4, 7, 4, 9, 9, 9, 12, 10, 9]
    deps = [
        "nsubj",
        "punct",
        "appos",
        "prep",
        "pobj",
        "punct",
        "compound",
        "appos",
        "punct",
        "ROOT",
        "prep",
        "compound",
        "pobj",
        "punct",
    ]
    pos = [
        "NOUN",
        "PUNCT",
        "NOUN",
        "ADP",
        "PROPN",
        "PUNCT",
        "PROPN",
        "PROPN",
        "PUNCT",
        "VERB",
        "ADP",
        "PROPN",
        "PROPN",
        "PUNCT",
    ]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)

    def span(start, end, kind):
        name = doc[start:end].text
        return MentionSpan(start, end, Mention(0, start, end, name, name, kind, "ORG"))

    spans = [span(4, 5, "organisation"), span(6, 8, "person"), span(11, 13, "person")]
    at = {i: s for s in spans for i in range(s.start, s.end)}
    assert subjects_of(doc[9], at, spans) == ["Lee Min-ho"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ana Souza received support from Lee Min-ho.", {("Lee Min-ho", "support", "Ana Souza")}),
        (
            "Ana Souza received support online ranging from Lee Min-ho to Kwame Mensah.",
            {("Lee Min-ho", "support", "Ana Souza"), ("Kwame Mensah", "support", "Ana Souza")},
        ),
        ("Kenya voiced support of Uganda's bid.", {("Kenya", "support", "Uganda")}),
        (
            "The Andean Space Agency tweeted support of Ana Souza via its account.",
            {("Andean Space Agency", "support", "Ana Souza")},
        ),
    ],
)
def test_support_received_or_voiced(found, text, expected):
    assert expected <= found(text)


def test_support_received_is_not_aid_and_aid_received_still_is(found):
    assert ("Japan", "aid", "Kenya") in found("Kenya received aid from Japan.")
    assert not {r for r in found("Kenya discussed the support of Uganda.") if r[1] == "support"}


def test_an_option_is_offered_not_supplied(found):
    assert not found(
        "The Daily Courier gave Ana Souza the option to come to their company for an internship."
    )


@pytest.mark.parametrize(
    "text",
    [
        'Kwame Mensah said: "He met Lee Min-ho in Lagos last week."',
        'Kwame Mensah wrote, "He met with Lee Min-ho in Lagos."',
    ],
)
def test_a_third_person_in_a_quotation_is_not_the_one_quoted(found, text):
    assert not {r for r in found(text) if r[0] == "Kwame Mensah"}


def test_he_in_the_next_sentence_is_the_subject_before_the_latest_name(found):
    got = found("Kwame Mensah contacted friends of Ana Souza. He travelled to Kenya to meet her.")
    assert ("Kwame Mensah", "visit", "Kenya") in got
    assert ("Ana Souza", "visit", "Kenya") not in got


def test_him_after_told_is_the_one_told(found):
    got = found("Lee Min-ho told Kwame Mensah that he would assist him with housing.")
    assert ("Lee Min-ho", "aid", "Kwame Mensah") in got


def test_a_clause_under_a_passive_verb_is_done_by_its_subject(found):
    got = found(
        "Ana Souza acquitted Lee Min-ho, as well as Jorge Lima, who had been accused of "
        "pressuring Maria Silva to lie."
    )
    assert ("Jorge Lima", "urge", "Maria Silva") in got
    got = found(
        "After calling the Andean Mining Company by phone, Kwame Mensah was put through "
        "to a lawyer."
    )
    assert ("Kwame Mensah", "call", "Andean Mining Company") in got


def test_his_trip_beside_a_country_is_the_subjects(found):
    got = found(
        "Lam Van Duc is expected to travel to China later this month on his first "
        "foreign trip as party chief."
    )
    assert ("Lam Van Duc", "visit", "China") in got


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Attorney Kwame Mensah, the party's nominee, answered five questions submitted via "
            "e-mail by reporter Li Wei.",
            ("Kwame Mensah", "tell", "Li Wei"),
        ),
        (
            "Kwame Mensah answered questions from the Daily Courier.",
            ("Kwame Mensah", "tell", "Daily Courier"),
        ),
    ],
)
def test_answering_questions_speaks_to_the_one_who_asked(found, text, expected):
    assert expected in found(text)


def test_a_place_after_from_is_no_one_told(found):
    assert not found("Li Wei told the story from Lagos.")
