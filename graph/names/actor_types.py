"""Actor types by evidence, not by one tag of the model.

Each mention gets a :class:`TypeVote`: a type and the evidence behind it, strongest first:

=============  ========  ==================================================================
evidence       strength  where it comes from
=============  ========  ==================================================================
``alias``      5         the built-in table and pycountry: countries, demonyms, common
                         acronyms ("DPRK", "Chadian", "Burkina Faso")
``title``      4         a person title or role next to the name ("Chancellor X", "X, the
                         ambassador", "X said he ...")
``suffix``     4         an organisation suffix or head word ("... Inc.", "... AG", "...
                         Liberation Front", "... Airlines"); a word for a place or building
                         at the end ("... Bridge", "... Mosque", "... Lake")
``outlet``     4         news-outlet context ("the newspaper X", "X reported", "told X
                         newspaper")
``frame``      4         a place or group frame ("the town of X", "the X community")
``gazetteer``  2         a known place: GeoNames cities, capitals, continents, pycountry
                         subdivisions (``data/places.txt``)
``given-name`` 2         a first word that is a given name (``data/given_names.tsv``)
``acronym``    2         an all-capital word tagged as a person ("VDA")
``model``      1         the spaCy label
=============  ========  ==================================================================

:func:`name_evidence` needs only the name (so corpus-wide resolution can call it on distinct
names); :func:`context_evidence` reads the sentence; :func:`type_votes` combines votes: the
strongest evidence wins, the majority within it. A place therefore never becomes a person or an
organisation because of one wrong tag, and a name seen once with a person title is a person.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.core.tables import load_table, load_words
from graph.names.builtin import builtin_alias
from graph.names.forms import name_key, person_appositions, title_words

if TYPE_CHECKING:  # resolution imports this module without spaCy
    from spacy.tokens import Doc

__all__ = ["STRENGTH", "TypeVote", "context_evidence", "gazetteer_place", "given_name",
           "given_name_sex", "name_evidence", "organisation_heads", "type_votes"]

STRENGTH = {"alias": 5, "title": 4, "suffix": 4, "outlet": 4, "frame": 4, "gazetteer": 2,
            "given-name": 2, "acronym": 2, "model": 1}
_REPORTS = {"report", "publish", "broadcast", "air"}
_SAY = {"say", "tell", "add", "insist", "state", "claim", "argue", "write", "warn"}


@dataclass(frozen=True)
class TypeVote:
    type: str
    evidence: str

    @property
    def strength(self) -> int:
        return STRENGTH.get(self.evidence, 1)


def type_votes(votes: Iterable[tuple[str, str, int]]) -> TypeVote | None:
    """The type of an actor from ``(type, evidence, count)`` votes over its mentions: the
    strongest evidence seen decides; among votes of that strength, the most counted type.

    >>> type_votes([("organisation", "model", 5), ("person", "title", 1)])
    TypeVote(type='person', evidence='title')
    >>> type_votes([("person", "model", 3), ("place", "gazetteer", 1)])
    TypeVote(type='place', evidence='gazetteer')
    """
    best: dict[int, Counter] = {}
    evidence: dict[tuple[int, str], str] = {}
    for kind, ev, count in votes:
        strength = STRENGTH.get(ev, 1)
        best.setdefault(strength, Counter())[kind] += count
        evidence.setdefault((strength, kind), ev)
    if not best:
        return None
    top = max(best)
    kind = max(best[top], key=lambda k: (best[top][k], k))
    return TypeVote(kind, evidence[top, kind])


def name_evidence(name: str, label: str = "") -> TypeVote | None:
    """Evidence from the name alone (see the module docstring), or None."""

    hit = builtin_alias(name)
    if hit:
        return TypeVote(hit[1], "alias")
    words = name.split()
    if not words:
        return None
    if _organisation_name(words):
        return TypeVote("organisation", "suffix")
    if _place_name(words):
        return TypeVote("place", "suffix")
    if gazetteer_place(name):  # a small town would only confirm the model's GPE
        return TypeVote("place", "gazetteer")
    if label in ("PERSON", "ORG") and re.fullmatch(r"[A-Z]{2,6}", name):
        return TypeVote("organisation", "acronym")
    if (label in ("ORG", "GPE", "NORP") and 2 <= len(words) <= 4
            and all(w[:1].isupper() for w in words) and given_name(words[0], strict=True)):
        return TypeVote("person", "given-name")
    return None


def _place_name(words: list[str]) -> bool:
    """"George Kellan Bridge", "Crater Lake", "Al-Hadi Mosque": a name ending in a word for a
    place or a building (``place_suffixes``); for words that are also surnames ("Lake",
    "Castle", "Street"), only when the name does not start with a given name ("Ingrid Lake")."""
    t = load_table("titles")
    last = words[-1].lower().rstrip(".,")
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    if last in t["place_suffixes"] or words[0].lower() in t["place_openers"]:
        return True  # "Ferrand Stadium", "Estadio Ramon Vidal"
    return last in t["place_surnames"] and not given_name(words[0])


def _organisation_name(words: list[str]) -> bool:
    """"Hanseong Motors", "Anfield Securities", "Tigray Liberation Front"; "Club Atletico
    Palmares" (a club's first word: ``organisation_openers``)."""
    table = _org_words()
    last = words[-1].lower().rstrip(".,")
    return len(words) >= 2 and (last in table["suffixes"] or last in table["heads"]
                                or words[0].lower() in table["openers"])


@functools.cache
def _org_words() -> dict[str, frozenset[str]]:
    t = load_table("titles")
    return {"suffixes": frozenset(t["company_suffixes"]),
            "heads": frozenset(t["organisation_heads"]),
            "openers": frozenset(t["organisation_openers"]),
            "descriptors": frozenset(t["descriptors"]),
            "outlets": frozenset(t["outlet_nouns"]),
            "places": frozenset(t["place_frames"]),
            "groups": frozenset(t["group_nouns"]),
            "person_nouns": frozenset(t["person_nouns"]),
            "org_after": frozenset(t["organisation_after_nouns"]),
            "locative": frozenset(t["locative_prepositions"]),
            "not_locative": frozenset(t["not_locative_heads"])}


def context_evidence(doc: Doc, start: int, end: int) -> TypeVote | None:
    """Evidence in the sentence around the name ``doc[start:end]``, or None."""
    words = _org_words()
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    head = doc[end - 1]
    # "the newspaper X", "X newspaper", "X reported", "told X newspaper"
    if any(t is not None and t.lower_ in words["outlets"] and (
            t.pos_ in ("NOUN", "PROPN") or (t is after and start > 0
                                            and doc[start - 1].lower_ == "the"))
           for t in (before, after)) and not _outlet_named_after(doc, end, words):
        return TypeVote("organisation", "outlet")  # "the X daily", not "ferries reach X daily"
    if (head.dep_ == "nsubj" and head.head.lemma_.lower() in _REPORTS
            and not given_name(doc[start].text)):  # "Reuters reported", not "Smith reported"
        return TypeVote("organisation", "outlet")
    # "the town of X", "the capital, X"; "the X community", "X tribesmen"
    if (before is not None and before.lower_ == "of" and start > 1
            and doc[start - 2].lower_ in words["places"]):
        return TypeVote("place", "frame")
    if after is not None and after.lower_ in words["groups"] and after.pos_ == "NOUN":
        return TypeVote("group", "frame")
    # "X shares fell", "the X striker", "X executives": a company or a club
    if (after is not None and after.lower_ in words["org_after"] and after.pos_ == "NOUN"
            and not given_name(doc[start].text, strict=True)):
        return TypeVote("organisation", "frame")
    if _locative(doc, start, end, words):
        return TypeVote("place", "frame")
    # "Chancellor X", "X, the ambassador", "the ambassador, X", "X said he ..."
    if before is not None and before.lower_.rstrip(".") in title_words() and before.is_title:
        return TypeVote("person", "title")
    if _role_apposition(doc, start, end) or _described(doc, start, end, words):
        return TypeVote("person", "title")
    if head.dep_ == "nsubj" and head.head.lemma_ in _SAY and any(
            c.dep_ == "ccomp" and any(g.dep_ == "nsubj" and g.lower_ in ("he", "she")
                                      for g in c.children) for c in head.head.children):
        return TypeVote("person", "title")
    return None


def _locative(doc: Doc, start: int, end: int, words: dict[str, frozenset[str]]) -> bool:
    """ "in X", "near X", "across X" for a name the model tagged as a person: people are
    rarely *in* something, places are (not "in X's words", not "believe in X", not a given
    name: "in Maria's case")."""
    if start == 0 or doc[start].ent_type_ != "PERSON":
        return False
    prep = doc[start - 1]
    if prep.lower_ not in words["locative"] or prep.dep_ != "prep":
        return False
    if prep.head.lemma_.lower() in words["not_locative"]:
        return False
    if end < len(doc) and doc[end].tag_ == "POS":
        return False
    return not given_name(doc[start].text)


def _role_apposition(doc: Doc, start: int, end: int) -> bool:
    """"X, the French ambassador" or "the French ambassador, X" (a person role noun beside
    the name, set off by a comma)."""

    roles = person_appositions() | frozenset(_org_words()["person_nouns"])
    if end + 1 < len(doc) and doc[end].text == ",":
        for t in doc[end + 1:min(end + 7, len(doc))]:
            if t.text in (",", ".", ";") or t.ent_type_ or t.pos_ in ("VERB", "AUX"):
                break  # "X, known as the Tigers, sacked coach Y": a clause, no apposition
            if t.lower_ in roles and t.pos_ == "NOUN":
                return True
    if start < 2 or doc[start - 1].text != ",":
        return False
    if doc[start - 2].lower_ in roles:
        return True
    # "the head of the Centre for Volcanology, X," / "the mayor of Addis Ababa, X": a role of
    # a named body or place, then the name
    i = start - 2
    while i > 0 and start - i <= 10 and (doc[i].ent_type_ or doc[i].lower_ in _OF_NAME):
        i -= 1
    return (i < start - 2 and i >= 1 and doc[i + 1].lower_ == "of" and doc[i].lower_ in roles
            and doc[i].pos_ == "NOUN" and doc[start].ent_type_ in ("PERSON", "ORG", "GPE")
            and doc[start - 2].ent_type_ != "")


_OF_NAME = frozenset({"of", "the", "for", "and", "&"})


def _described(doc: Doc, start: int, end: int, words: dict[str, frozenset[str]]) -> bool:
    """"Nigerian striker X Y", "the singer X Y": an occupational descriptor right before a name
    of two or more words the model tagged as a person or an organisation (not "the club X":
    organisation nouns are no descriptors)."""
    if start == 0 or end - start < 2 or doc[start].ent_type_ not in ("PERSON", "ORG"):
        return False
    before = doc[start - 1]
    return (before.lower_ in words["descriptors"] and before.pos_ == "NOUN"
            and before.ent_type_ == "" and all(t.text[:1].isupper() for t in doc[start:end]))


def _outlet_named_after(doc: Doc, end: int, words: dict[str, frozenset[str]]) -> bool:
    """True if the outlet noun after the name is itself followed by the outlet's own name
    ("the Lagos newspaper The Daily Clarion", "the Tehran daily Kayhan"): the name before is a
    place or an owner, not the outlet."""
    if end + 1 >= len(doc) or doc[end].lower_ not in words["outlets"]:
        return False
    nxt = doc[end + 1]
    if nxt.lower_ == "the" and end + 2 < len(doc):
        nxt = doc[end + 2]
    return nxt.ent_type_ in ("ORG", "PERSON", "WORK_OF_ART") and nxt.text[:1].isupper()


def organisation_heads() -> frozenset[str]:
    """Head words of organisation names ("Department", "Front", "Commission")."""
    return _org_words()["heads"]


def given_name(word: str, strict: bool = False) -> bool:
    """True if ``word`` is a given name in the shipped international table; with ``strict``,
    only one that is clearly a man's or a woman's name ("Olaf", "Ingrid"; not "Morgan", a name
    of either sex, nor "Boston", a name only one source lists)."""
    return word.lower() in _given_names()["strict" if strict else "all"]


def given_name_sex(word: str) -> str | None:
    """"m" or "f" when ``word`` is clearly a man's or a woman's given name in the shipped table
    ("Olaf", "Ingrid"), else None ("Morgan", a name of either sex, or no given name)."""
    return _sexes().get(word.lower())


@functools.cache
def _sexes() -> dict[str, str]:
    """Given name → "m" or "f", for the names the table classes as clearly one sex."""
    rows = [line.split("\t") for line in load_words("given_names.tsv")]
    return {r[0]: r[1] for r in rows if r[1] in ("m", "f")}


@functools.cache
def _given_names() -> dict[str, frozenset[str]]:
    """``all`` given names and the ``strict`` ones (class ``m`` or ``f`` in the table, derived
    from Faker's locales and the US census lists by ``tools/derive_tables.py``)."""
    rows = [line.split("\t") for line in load_words("given_names.tsv")]
    return {"all": frozenset(r[0] for r in rows),
            "strict": frozenset(r[0] for r in rows if r[1] in ("m", "f"))}


def gazetteer_place(name: str) -> bool:
    """True if ``name`` is a place well known enough to override the model's tag: a GeoNames
    city of at least 100,000 people, a capital, a first-level region (pycountry, US states) or
    a continent."""
    return name_key(name) in _places()


@functools.cache
def _places() -> frozenset[str]:
    """The gazetteer's name keys (``tools/derive_tables.py`` derives them from GeoNames)."""
    return frozenset(load_words("places.txt"))
