"""How a found act is coded, as CAMEO's codebook codes it (issue 22, class 6), on sentences
written for each pattern (invented people and companies, real countries; real spaCy): intent
to cooperate under a word of commitment, persons expelled, crowds protesting, and the
participants of event nouns ("the visit of X to Y", "X's mediation between Y and Z", "the
sanctions imposed by X on Y", "fighting broke out between X and Y")."""

import pytest

from graph.core.cameo import kind_info
from graph.mentions.find import find_mentions
from graph.relations.find import typed_relations

pytestmark = pytest.mark.slow  # every test parses its text with the spaCy model



@pytest.mark.parametrize("text,expected,not_expected", [
    ("Norway offered to mediate between Colombia and Ecuador.",
     {("Norway", "intend", "Colombia"), ("Norway", "intend", "Ecuador")},
     ("Norway", "mediate", "Colombia")),
    ("The Asian Development Bank pledged to support Nepal's recovery.",
     {("Asian Development Bank", "intend", "Nepal")},
     ("Asian Development Bank", "support", "Nepal")),
    ("Canada offered to help Jamaica after the hurricane.",
     {("Canada", "intend", "Jamaica")}, ("Canada", "aid", "Jamaica")),
    ("Maria Lindholm said she was ready to meet Lars Eriksen in Oslo.",
     {("Maria Lindholm", "intend", "Lars Eriksen")}, ("Maria Lindholm", "meet", "Lars Eriksen")),
    ("Azerbaijan vowed to attack Armenia if the talks failed.",
     {("Azerbaijan", "threaten", "Armenia")}, ("Azerbaijan", "attack", "Armenia")),
])
def test_an_act_under_a_word_of_commitment_is_an_intent(found, text, expected, not_expected):
    got = found(text)
    assert expected <= got
    assert not_expected not in got


def test_a_joint_agreement_is_the_act_agreed(found):
    # "X and Y agreed to V" reports the accord itself, not an intent
    got = found("Ghana and Togo agreed to restore diplomatic relations.")
    assert ("Ghana", "restore-ties", "Togo") in got


@pytest.mark.parametrize("text,expected", [
    ("Kuwait deported Ramon Dizon to the Philippines.", ("Kuwait", "deport", "Ramon Dizon")),
    ("Latvia expelled Oleg Vasnetsov, a Russian journalist.",
     ("Latvia", "deport", "Oleg Vasnetsov")),
    ("Norway expelled fifteen Russian diplomats.", ("Norway", "expel", "Russian")),
    ("Chad expelled German ambassador Jan Kessler on Monday.", ("Chad", "expel", "Jan Kessler")),
])
def test_expelling_a_person_is_coercion_and_diplomats_reduced_relations(found, text, expected):
    got = found(text)
    assert expected in got
    assert kind_info(expected[1]).root_code == ("17" if expected[1] == "deport" else "16")


@pytest.mark.parametrize("text,expected", [
    ("Greenpeace activists protested against Selvik Mining in Bergen.",
     ("Selvik Mining", "protest")),
    ("Hundreds of Nigerians protested outside the British embassy in Abuja.",
     ("British", "protest")),
])
def test_a_crowd_protesting_is_a_demonstration(found, text, expected):
    target, kind = expected
    assert any(k == kind and t == target for _, k, t in found(text))


def test_a_government_protest_stays_a_complaint(found):
    got = found("Japan protested to China over the survey ship.")
    assert ("Japan", "criticise", "China") in got


@pytest.mark.parametrize("text,expected", [
    ("The visit of Tran Duc Minh to Laos was his first abroad.",
     ("Tran Duc Minh", "visit", "Laos")),
    ("Norway's mediation between Colombia and the rebels continued.",
     ("Norway", "mediate", "Colombia")),
    ("The sanctions imposed by Canada on Iran took effect on Monday.",
     ("Canada", "sanction", "Iran")),
    ("Russia's invasion of Ukraine entered its third year.", ("Russia", "attack", "Ukraine")),
    ("Fighting broke out between Sudan's army and the Rapid Support Forces.",
     ("Sudan", "fight", "Rapid Support Forces")),
    ("Pakistan carried out airstrikes in Afghanistan.", ("Pakistan", "attack", "Afghanistan")),
])
def test_participants_of_event_nouns(found, text, expected):
    assert expected in found(text)


def test_a_mediator_is_no_party_to_the_talks(found):
    got = found("Qatar's mediation between Ethiopia and Sudan continued on Monday.")
    assert {("Qatar", "mediate", "Ethiopia"), ("Qatar", "mediate", "Sudan")} <= got
    assert not any({s, t} == {"Ethiopia", "Sudan"} for s, _, t in got)


@pytest.mark.parametrize("text,expected,not_expected", [
    ("Paraguay hosted a delegation from Taiwan.", ("Paraguay", "greet", "Taiwan"), None),
    ("Russia vetoed a resolution drafted by France.", ("Russia", "reject", "France"), None),
    ("Turkey threatened to block Finland's NATO bid.", ("Turkey", "threaten", "Finland"),
     ("Turkey", "threaten", "NATO")),
    ("Chile invited Mateo Rivas to Santiago for talks.", ("Chile", "invite", "Mateo Rivas"),
     ("Chile", "invite", "Santiago")),
])
def test_owners_and_places_of_objects(found, text, expected, not_expected):
    got = found(text)
    assert expected in got
    assert not_expected not in got


@pytest.mark.parametrize("text,expected", [
    ("Serbia gave Kosovo an ultimatum over the licence plates.", ("Serbia", "threaten", "Kosovo")),
    ("The United States cut aid to Niger after the coup.", ("United States", "cut-aid", "Niger")),
    ("Ukraine and Russia exchanged prisoners on Friday.", ("Ukraine", "swap", "Russia")),
    ("Russia massed troops on the border with Ukraine.", ("Russia", "deploy", "Ukraine")),
    ("Syria used chemical weapons against the Free Syrian Army.",
     ("Syria", "massacre", "Free Syrian Army")),
    ("Bangladesh requested that Myanmar take back the refugees.",
     ("Bangladesh", "urge", "Myanmar")),
])
def test_phrases_coded_by_their_root(found, text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text,expected", [
    # a noun the tagger calls a verb
    ("Egypt and Jordan held joint naval drills in the Red Sea.", ("Egypt", "cooperate", "Jordan")),
    # the passive subject of "signed" keeps its own parties
    ("The accord between Ghana and Burkina Faso was signed in Accra.",
     ("Ghana", "sign", "Burkina Faso")),
    # the object is another sense of the governing verb: no supply, so the noun's own frame
    ("Lars Eriksen gave an interview to the Guardian on Sunday.",
     ("Lars Eriksen", "tell", "Guardian")),
    # an amount "in" aid names the target after it
    ("Denmark gave 20 million euros in humanitarian aid to Somalia.",
     ("Denmark", "aid", "Somalia")),
    ("Indonesia promised Malaysia closer cooperation on haze.",
     ("Indonesia", "offer", "Malaysia")),
    ("Uzbekistan expressed readiness to expand trade with Tajikistan.",
     ("Uzbekistan", "intend", "Tajikistan")),
    ("Armenian forces occupied three villages in Azerbaijan.",
     ("Armenian", "capture", "Azerbaijan")),
    ("A car bombing by Al-Shabaab in Kenya killed six people.", ("Al-Shabaab", "assault", "Kenya")),
])
def test_second_round_patterns(found, text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text,absent", [
    # the go-between's verb is the event: the parties of the brokered talks are not coded apart
    ("Oman mediated talks between Iran and the United States.", ("Iran", "United States")),
    ("Turkey brokered a truce between Syria and the rebels of the Free Army.",
     ("Syria", "Free Army")),
    # a body of water is no one an act is done to
    ("Iran deployed warships to the Red Sea.", ("Iran", "Red Sea")),
])
def test_no_relation_between(found, text, absent):
    assert not any({s, t} == set(absent) for s, _, t in found(text))


def test_an_act_demanded_is_not_done(found):
    got = found("Kosovo insisted that Serbia recognise its independence.")
    assert ("Kosovo", "demand", "Serbia") in got
    assert not any(k == "recognise" for _, k, _ in got)


@pytest.mark.parametrize("text,expected", [
    # "by X, and by Y": both agents of the passive
    ("The treaty was signed in Accra by Kwesi Mensah, the foreign minister, and by Awa Traore,"
     " the envoy of Mali.", ("Kwesi Mensah", "sign", "Awa Traore")),
    ("Iran vowed to punish Israel.", ("Iran", "threaten", "Israel")),
    ("Meryem Aksoy promised that Turkey would help rebuild Syria.", ("Turkey", "intend", "Syria")),
    ("Japan helped Tonga recover after the eruption.", ("Japan", "aid", "Tonga")),
    ("Spain recalled its ambassador to Argentina on Tuesday.",
     ("Spain", "break-ties", "Argentina")),
    ("Chinese and Russian warships held joint drills near Japan.",
     ("Chinese", "cooperate", "Russian")),
])
def test_third_round_patterns(found, text, expected):
    assert expected in found(text)


def test_an_intent_is_dated_by_its_word_of_commitment(nlp):
    doc = nlp("Meryem Aksoy promised that Turkey would help rebuild Syria.")
    spans, _ = find_mentions(doc)
    [rel] = [r for r in typed_relations(doc, spans) if r.kind == "intend"]
    assert rel.trigger == "promised"


@pytest.mark.parametrize("text,absent", [
    # an act called for is not done
    ("Brazil called for sanctions against Venezuela.", ("Brazil", "sanction", "Venezuela")),
    ("Germany called for Russia to release Marek Novak.", ("Russia", "release", "Marek Novak")),
    # an accord ended is no accord made
    ("Mali revoked the defence agreement with France.", ("Mali", "sign", "France")),
    ("Ecuador withdrew from the trade pact with Peru.", ("Ecuador", "sign", "Peru")),
])
def test_acts_called_for_or_ended_are_not_done(found, text, absent):
    assert absent not in found(text)


def test_a_withdrawal_under_a_ceasefire_keeps_the_ceasefire(found):
    got = found("Israeli troops withdrew from the town under a ceasefire brokered by Egypt"
                " and Qatar.")
    assert any(k == "ceasefire" for _, k, _ in got)  # "withdrew from" blocks only its object


@pytest.mark.parametrize("text,expected", [
    ("The Philippines filed a diplomatic protest against China.",
     ("Philippines", "criticise", "China")),
    ("Pakistan lodged a formal protest with Afghanistan.",
     ("Pakistan", "criticise", "Afghanistan")),
    ("Thailand rejected calls from Cambodia for talks.", ("Thailand", "reject", "Cambodia")),
])
def test_official_protests_and_rejected_requests(found, text, expected):
    assert expected in found(text)
