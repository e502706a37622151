"""Person-or-organisation evidence from the words around a name, for names the model tags as a
person or an organisation (companies and bodies typed as people, and people as organisations).

Each rule is a pattern of English news and reference text:

* a one-word name of a legislature or state body ("Congress", "the Knesset",
  ``institution_names``) is an organisation, whatever apposition follows it ("members of
  Congress, the president and ..." is a list, not "Congress, the president");
* an organisation noun in apposition ("X, the investment bank", "X, a Lagos-based lender", "the
  carmaker X"; ``organisation_appositions``) makes the name an organisation;
* a company's or a body's own people and property ("X's chief executive", "X's shareholders",
  "the founder of X", "shares in X", "members of X"; ``organisation_roles``): a person has no
  shareholders, founder or members;
* a person's party, club or employer: "X's Ana Lima" (a possessive right before a person's
  name), "Ana Lima of X", "Ana Lima from the X";
* a city and a plural noun name a team ("Pittsburgh Pirates", "Kelvan Lions" after a known
  city), not a place or a person (not "Golan Heights", "Texas Republicans": place words and
  political labels are no team);
* "X (born 11 June 1988)" is a person, and so is an author in an author-year citation
  ("(Haugen, Okafor, & Tanaka, 2008)", "(Brandt and Osei, 2011; Sato et al., 2014)").

The votes are as strong as a person title (:data:`graph.names.actor_types.STRENGTH`), and
:func:`graph.mentions.find._typed` weighs them before the generic title and apposition
evidence, so the more specific pattern wins a tie. A place or country the model tagged is never
retyped here.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Token

from graph.core.tables import load_table
from graph.names.actor_types import TypeVote, gazetteer_place, given_name

__all__ = ["person_or_organisation"]

_LABELS = ("PERSON", "ORG")
_BORN = frozenset(("born", "b.", "née", "nee"))


@functools.cache
def _words() -> dict[str, frozenset[str]]:
    t = load_table("titles")
    out = {key: frozenset(t[key]) for key in
           ("institution_names", "organisation_appositions", "organisation_roles")}
    out["not_teams"] = frozenset(t["place_suffixes"]) | frozenset(t["place_surnames"]) | {
        f"{w}s" for w in t["political_labels"]} | {
        "heights", "lakes", "states", "emirates", "olympics", "games", "paralympics",
        "championships", "awards", "elections", "talks", "riots", "protests", "floods"}
    return out


def person_or_organisation(doc: Doc, start: int, end: int) -> TypeVote | None:
    """The vote of the patterns above for the name ``doc[start:end]``, or None."""
    if doc[start].ent_type_ in ("GPE", "NORP") and _cited_author(doc, start, end):
        return TypeVote("person", "title")  # "(Halvor, Brandt, & Gruber, 2008)"
    if _team(doc[start:end].text):
        return TypeVote("organisation", "suffix")
    if doc[start].ent_type_ not in _LABELS:
        return None
    words = _words()
    if end - start == 1 and doc[start].lower_ in words["institution_names"]:
        return TypeVote("organisation", "suffix")
    if (end + 1 < len(doc) and doc[end].text == "(" and doc[end + 1].lower_ in _BORN) or (
            _cited_author(doc, start, end)):
        return TypeVote("person", "title")
    root = doc[start:end].root
    if _apposition(doc, root, start, end, words["organisation_appositions"]):
        return TypeVote("organisation", "frame")
    if _owned(doc, root, start, end, words["organisation_roles"]) or _affiliation(doc, root,
                                                                                   end):
        return TypeVote("organisation", "frame")
    return None


def _noun(token: Token, nouns: frozenset[str]) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (token.lower_ in nouns or token.lemma_.lower()
                                                in nouns)


def _apposition(doc: Doc, root: Token, start: int, end: int, nouns: frozenset[str]) -> bool:
    """"X, the investment bank", "the bank, X", "the carmaker X"."""
    if any(c.dep_ == "appos" and c.i >= end and _noun(c, nouns) for c in root.children):
        return True
    if root.dep_ == "appos" and root.head.i < start and _noun(root.head, nouns):
        return True
    before = doc[start - 1] if start > 0 else None
    if before is None or not _noun(before, nouns) or start < 2:
        return False
    # "the carmaker X"; "first division club X", "Super Lig club X", "rival club X": the noun
    # with its own modifiers (not "the club's X", not a verb's object: "joined club X")
    prev = doc[start - 2]
    return prev.lower_ in ("the", "a", "an") or (
        before.lower_ in _CLUB_NOUNS and prev.pos_ in ("ADJ", "NOUN", "PROPN", "NUM")
        and prev.tag_ != "POS" and before.dep_ in ("compound", "nmod", "amod"))


#: Organisation nouns that stand right before a club's or a firm's name with modifiers of their
#: own ("Turkish Super Lig club X", "second-tier side X", "state lender X").
_CLUB_NOUNS = frozenset({"club", "side", "team", "lender", "carmaker", "automaker", "insurer",
                         "conglomerate", "broker", "brokerage", "label", "studio", "airline"})


def _owned(doc: Doc, root: Token, start: int, end: int, roles: frozenset[str]) -> bool:
    """"X's chief executive", "X's shareholders"; "the founder of X", "shares in X"."""
    if end + 1 < len(doc) and doc[end].tag_ == "POS":
        nxt = doc[end + 1]
        if nxt.lower_ == "chief" and end + 2 < len(doc) and doc[end + 2].lower_ == "executive":
            return True
        return _noun(nxt, roles)
    if root.dep_ != "pobj" or root.head.lower_ not in ("of", "in"):
        return False
    owner = root.head.head
    if owner.lower_ == "executive" and owner.i > 0 and doc[owner.i - 1].lower_ == "chief":
        return True
    if root.head.lower_ == "in" and owner.lower_ not in ("shares", "stake", "stakes"):
        return False
    return owner.i < start and _noun(owner, roles)


def _affiliation(doc: Doc, root: Token, end: int) -> bool:
    """"X's Ana Lima", "Ana Lima of X", "Ana Lima from the X": the body a person belongs to,
    for a name the model tags as an organisation (a family name before a person's name is
    rare but possible: "Nowak's Ingrid" stays as the model has it)."""
    if root.ent_type_ != "ORG":
        return False
    if end + 1 < len(doc) and doc[end].tag_ == "POS" and doc[end + 1].ent_type_ == "PERSON":
        return True
    prep = root.head
    return (root.dep_ == "pobj" and prep.lower_ in ("of", "from") and prep.i < root.i
            and prep.head.ent_type_ == "PERSON" and prep.head.i == prep.i - 1)


#: One author-year reference: surnames joined by commas, "&" or "and" (or "et al."), a year.
_REFERENCE = re.compile(r"[A-Z][\w'’-]*(?:\s*,\s*[A-Z][\w'’-]*)*(?:,?\s*(?:&|and)\s*"
                        r"[A-Z][\w'’-]*)?(?:\s+et\s+al\.?)?,?\s*\d{4}[a-z]?")


def _cited_author(doc: Doc, start: int, end: int) -> bool:
    """True if ``doc[start:end]`` is an author in a bracketed author-year citation."""
    # the sentence's text, not Doc.text: that joins every token of the doc on each call
    sent = doc[start].sent
    text, base = sent.text, sent.start_char
    at = doc[start].idx - base
    opening = text.rfind("(", 0, at)
    closing = text.find(")", doc[end - 1].idx - base)
    if opening < 0 or closing < 0 or ")" in text[opening:at]:
        return False
    for part in text[opening + 1:closing].split(";"):
        part_start = text.find(part, opening)
        if part_start <= at < part_start + len(part):
            return bool(_REFERENCE.fullmatch(part.strip()))
    return False


def _team(name: str) -> bool:
    """"Pittsburgh Pirates": a known city (or region) and a capitalised plural noun."""
    words = name.split()
    if len(words) < 2:
        return False
    last = words[-1]
    if not (last[:1].isupper() and last.endswith("s") and last[:-1].isalpha()
            and len(last) > 3 and last.lower() not in _words()["not_teams"]):
        return False
    if len(words) == 2 and given_name(words[0]):
        return False  # "Georgia Tellwright", "Victoria Osei-Brandt": a person
    place = " ".join(words[:-1])  # not "San | Franciscans": a word of a place's name
    return len(place) > 3 and gazetteer_place(place) and not gazetteer_place(name)
