"""Voice and control: whether a verb is passive, and whose act a "to" infinitive is.

A passive verb's subject (or the noun its participle modifies) is the one the act is done to,
never its doer; an appeal's addressee does what it is asked to do ("pleaded with X to V").
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["PREP_CONTROL", "is_passive", "quoted", "to_infinitive"]

SUBJ = ("nsubj", "csubj", "expl")

#: Appeals whose prepositional object does what is asked: "pleaded with X to send aid" (X
#: sends it, not the one who pleaded), "called on X to free Y".
PREP_CONTROL = frozenset(
    {
        "plead with",
        "appeal to",
        "call on",
        "call upon",
        "prevail on",
        "prevail upon",
        "rely on",
        "count on",
        "wait for",
        "argue with",
    }
)


def to_infinitive(verb: Token) -> bool:
    """A "to" infinitive the parser hangs on its verb as an adverbial clause ("pleaded with X
    to send aid")."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_passive(verb: Token) -> bool:
    """A passive verb: with a passive subject or auxiliary, or a bare past participle that
    modifies a noun ("arms supplied to X", "X, a scholar interviewed by Y"), or is conjoined
    with a clause it does not share a perfect "have" with ("was kept there and then
    transferred to X", unlike "has met X and signed a deal")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.tag_ != "VBN" or any(c.dep_ in (*SUBJ, "aux") for c in verb.children):
        return False
    if verb.dep_ == "acl":  # not when it modifies the root: a past tense the parser missed
        return verb.head.dep_ != "ROOT"  # ("X partnered with Y ...", no other verb)
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
        if any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children):
            return False
    return verb.dep_ == "conj" and (head.tag_ != "VBD" or head.lemma_ == "be")


def quoted(token: Token) -> bool:
    """Whether ``token`` stands inside quotation marks opened in its sentence."""
    marks = sum(
        t.text in ('"', "“", "”", "``", "''") for t in token.doc[token.sent.start : token.i]
    )
    return marks % 2 == 1
