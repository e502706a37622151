"""The words around a person's name that tell which person it is: a kinship noun in apposition
("his son, X"), a parent named for someone else ("the son of X", "born to A and X"), a title of
address ("Dr. X", "Mrs. X" and the sex of a given name), "the elder X", "the younger X",
"X senior", "X Jr." for a name shared across generations (ordered by suffix or by the kinship
noun that introduced each: "and his son Y"), and whether the name is a verb's subject. Used by
:mod:`graph.mentions.people` to resolve short forms within one article."""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from graph.core.tables import load_table
from graph.names.actor_types import given_name_sex
from graph.names.forms import generation, is_title, name_key

__all__ = ["by_age", "honorifics", "kin", "kin_noun", "parent", "role_before", "subject",
           "title_before", "title_fits"]


def subject(token: Token) -> bool:
    """True if ``token`` is an active subject, or in apposition with one ("His daughter X
    spoke")."""
    return token.dep_ == "nsubj" or (token.dep_ == "appos" and token.head.dep_ == "nsubj")


@functools.cache
def honorifics() -> dict[str, str]:
    """Titles of address that say a person's sex → "m" or "f" (``data/titles.toml``)."""
    table = load_table("titles")
    return {**{w: "m" for w in table["male_honorifics"]},
            **{w: "f" for w in table["female_honorifics"]}}


def title_before(doc: Doc, i: int) -> str:
    """The title of address right before token ``i`` ("Dr." → "dr"), else ""."""
    if i == 0 or not doc[i - 1].text[:1].isupper():
        return ""
    word = doc[i - 1].lower_.rstrip(".")
    return word if is_title(word) or word in honorifics() else ""


def role_before(doc: Doc, i: int) -> str:
    """The title of address or the role right before token ``i``, in either case ("Dr." →
    "dr"; "chairman X" and "Chairman X" → "chairman"; ``role_heads``), else "": the roles a
    full name is introduced with, which tell two people who share a family name apart
    ("chairman Baek Sang-cheol" ... "Chairman Baek")."""
    if i > 0 and doc[i - 1].lower_.rstrip(".") in _role_heads():
        return doc[i - 1].lower_.rstrip(".")
    return title_before(doc, i)


@functools.cache
def _role_heads() -> frozenset[str]:
    return frozenset(load_table("titles")["role_heads"])


def title_fits(title: str, full: str, used: set[str]) -> bool:
    """True if ``title`` fits the person named ``full``: the article uses it with the full
    name, or it is an honorific of the sex of the full name's given name ("Mr." for "Bill X",
    "Mrs." or "Ms." for "Alondra X"; :func:`graph.names.actor_types.given_name_sex`)."""
    if title in used:
        return True
    sex = honorifics().get(title)
    return sex is not None and given_name_sex(full.split()[0]) == sex


#: Generational suffixes by seniority: the father's, none, the son's.
_SENIOR = frozenset({"sr", "senior", "snr", "pere", "elder", "the elder"})
_JUNIOR = frozenset({"jr", "junior", "jnr", "fils", "filho", "hijo", "younger", "the younger"})


def by_age(doc: Doc, at: int, end: int, candidates: list[str],
           kin_rank: dict[str, int] | None = None, suffix: str = "") -> str | None:
    """The one of ``candidates`` that "the elder X", "the younger X", "X senior" or "X junior"
    (the name at ``at``..``end``) points to, or None. Their age order comes from a generational
    suffix ("Jr.", "Sr."), else from ``kin_rank`` (2 for a name introduced as a parent, 0 as a
    child: "and his son Sergei Volkov"); regnal numbers are not ranked. ``suffix`` is the
    name's own generational suffix when the model took it into the name ("Reed Sr.")."""
    word = _AFTER_AGE.get(suffix, "") or _age_word(doc, at, end)
    if not word:
        return None
    rank = {}
    for c in candidates:
        own = generation(name_key(c))[1]
        if own and own not in _SENIOR | _JUNIOR:
            return None  # "Tariq II" and "Tariq III": no order from the words
        rank[c] = 2 if own in _SENIOR else 0 if own in _JUNIOR else (kin_rank or {}).get(c, 1)
    ordered = sorted(candidates, key=rank.__getitem__)
    if len(set(rank.values())) != len(candidates):
        return None
    return ordered[0] if word == "younger" else ordered[-1]


def _age_word(doc: Doc, at: int, end: int) -> str:
    """"elder" or "younger" if the name at ``at``..``end`` is marked by age: "the elder X",
    "the younger X", "X senior", "X Jr." (not "X senior officials"), else ""."""
    before = doc[at - 1].lower_ if at > 0 else ""
    if before in ("elder", "older", "younger"):
        return "younger" if before == "younger" else "elder"
    after = doc[end].lower_.rstrip(".") if end < len(doc) else ""
    if after not in _AFTER_AGE or (end + 1 < len(doc)
                                   and doc[end + 1].pos_ in ("NOUN", "PROPN", "ADJ")):
        return ""
    return _AFTER_AGE[after]


_AFTER_AGE = {"senior": "elder", "sr": "elder", "snr": "elder", "junior": "younger",
              "jr": "younger", "jnr": "younger"}


#: Nouns that introduce a relative beside a name ("his son, X", "X, her sister").
_KIN = frozenset({"son", "sons", "daughter", "daughters", "wife", "husband", "father", "mother",
                  "brother", "brothers", "sister", "sisters", "child", "children", "uncle",
                  "aunt", "nephew", "niece", "cousin", "grandson", "granddaughter", "widow",
                  "grandfather", "grandmother", "stepson", "stepdaughter", "parents"})


#: Kinship nouns that say the name is a generation older or younger than the person it is kin
#: to ("her father X", "his son X").
OLDER_KIN = frozenset({"father", "mother", "grandfather", "grandmother", "uncle", "aunt"})
YOUNGER_KIN = frozenset({"son", "sons", "daughter", "daughters", "child", "children", "nephew",
                         "niece", "grandson", "granddaughter", "stepson", "stepdaughter"})


def kin(doc: Doc, start: int, end: int) -> bool:
    """True if a kinship noun stands in apposition right before or after the name ("and a
    son, Ralph Okafor", "their daughter Ada Okafor", "Ada Okafor, his sister,")."""
    return bool(kin_noun(doc, start, end))


def kin_noun(doc: Doc, start: int, end: int) -> str:
    """The kinship noun (lower case) in apposition right before or after the name, else ""."""
    i = start - 1
    while i >= 0 and start - i <= 3 and (doc[i].text == "," or doc[i].pos_ in ("DET", "NUM")
                                         or doc[i].tag_ == "PRP$"):
        i -= 1
    if i >= 0 and i < start - 1 and doc[i].lower_ in _KIN:
        return doc[i].lower_  # "and a son, X" / "their daughter, X"
    if i == start - 1 and doc[i].lower_ in _KIN and doc[i].pos_ == "NOUN":
        return doc[i].lower_  # "daughter X"
    j = end
    if j < len(doc) and doc[j].text == ",":
        j += 1
        while j < len(doc) and j - end <= 3 and (doc[j].pos_ == "DET" or doc[j].tag_ == "PRP$"):
            j += 1
        return doc[j].lower_ if j < len(doc) and doc[j].lower_ in _KIN else ""
    return ""


def parent(doc: Doc, start: int) -> bool:
    """True if the name at ``start`` is named as another person's relative: "the son of X", "the
    father of Liverpool striker X", "a daughter of Ana and X", "was born in Carrow to Gerald
    and X". Such a name is there for the other person's sake."""
    i = start - 1
    while i >= 1 and start - i <= 3 and doc[i].pos_ in ("PROPN", "NOUN", "ADJ") and (
            doc[i].lower_ not in ("of", "to")):
        i -= 1  # "the father of Liverpool striker X": a descriptor before the name
    if i >= 2 and doc[i].lower_ == "and" and doc[i - 1].pos_ == "PROPN":
        i -= 2  # "to Gerald and X": the second parent
    if i < 1 or doc[i].lower_ not in ("of", "to"):
        return False
    if doc[i].lower_ == "of":
        return doc[i - 1].lower_ in _KIN
    sentence = doc[i].sent
    return any(t.lower_ == "born" for t in doc[max(sentence.start, i - 8):i])
