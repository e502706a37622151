"""Word classes at the edges of a name: what is no part of an actor's name, and what makes a
span no actor at all.

Split from :mod:`graph.mentions.spans` (which applies them): occupational descriptors and
nationality words before a person's name, lower-case words and post-nominal letters after it,
timestamps, lone generic words, musical works, model designators, and a generic institution
qualified by its country ("Japan's Foreign Ministry" → "Foreign Ministry (Japan)").
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span, Token

from graph.core.tables import load_table
from graph.names.actor_types import given_name
from graph.names.builtin import builtin_alias, country_name
from graph.names.forms import (
    generation_words,
    institution_words,
    name_key,
    name_particles,
    place_words,
)

__all__ = ["POSSESSIVE", "POSTNOMINALS", "SITES", "WEEKDAYS", "demonym", "descriptor",
           "descriptors", "designated", "feature_words", "generic", "generic_words",
           "institution_of_country", "lower_word", "musical_work", "site_word", "timestamp"]

POSSESSIVE = {"'s", "’s", "'", "’"}
_CALENDAR = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|"
                       r"oct|nov|dec)[a-z]*\.?$", re.I)
WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"))
# Post-nominal letters (honours, fellowships, degrees, offices) after a person's name: "Daniel
# Okafor FRS", "Mary Holm CBE". They are no part of the name.
POSTNOMINALS = frozenset((
    "frs", "frse", "fba", "freng", "frcp", "frcs", "obe", "mbe", "cbe", "kbe", "dbe", "gbe", "cmg",
    "kcmg", "gcmg", "kcb", "gcb", "cvo", "kcvo", "gcvo", "vc", "gc", "qc", "kc", "mp",
    "msp", "mep", "phd", "md", "dphil", "esq"))
# Buildings and grounds often named after a person, with the person's title: "Sheikh
# Abdulrahman Mosque", "Saint Ignatius Cathedral", "the Plains of Arafat". The name is the
# site's; the person inside it is no actor there.
# (Not words that are also common surnames: "Temple", "Castle", "Park", "Hall", "Field".)
SITES = frozenset(("plains", "cathedral", "mosque", "shrine", "tomb", "mausoleum", "monastery",
                   "basilica", "synagogue", "pagoda"))


def lower_word(token: Token) -> bool:
    """A lower-case word that is no name particle ("magician" in "magician Ravi Shankaran",
    "of" in "Aleksander Wójcik of"), at the edge of a person's name: not part of it. A
    generational suffix is ("Ludovic Ferrand fils": father and son are two people)."""
    return (token.is_lower and token.is_alpha and token.lower_ not in name_particles()
            and name_key(token.text) not in generation_words()
            and (token.i == 0 or bool(token.nbor(-1).whitespace_)))  # not "Hok-lun"


def timestamp(span: Span) -> bool:
    """"Fri Aug 2, 2013 6": a timestamp the model took for a name."""
    return any(_CALENDAR.match(t.text) for t in span) and any(t.like_num for t in span)


def generic(span: Span) -> bool:
    """A lone common word ("North", "Army", "Coach") names no one."""
    return len(span) == 1 and span[0].lower_ in generic_words()


@functools.cache
def generic_words() -> frozenset[str]:
    return frozenset(load_table("titles")["generic_words"])


@functools.cache
def feature_words() -> frozenset[str]:
    return frozenset(load_table("titles")["feature_words"]) | place_words()


def musical_work(span: Span) -> bool:  # not cached: a cache keyed by spans keeps every Doc alive
    """"the Seventh Symphony", "Cello Concerto": a musical form after an ordinal or an
    instrument names a work, not an actor (not "the Vienna Symphony", an orchestra)."""
    table = load_table("titles")
    return (len(span) >= 2 and span[-1].lower_ in table["work_heads"]
            and span[-2].lower_ in table["work_modifiers"])


def descriptors() -> tuple[frozenset[str], frozenset[str]]:
    """Occupational descriptors: the table's, and nameparser's titles (which also hold words
    that are given names, such as "Dean" or "Earl": those are checked when used)."""
    from nameparser.config import CONSTANTS

    return (frozenset(load_table("titles")["descriptors"]),
            frozenset(w for w in CONSTANTS.titles if w.isalpha()))


def descriptor(word: str) -> bool:
    if not word[:1].isupper():
        return False
    ours, titles = descriptors()
    word = word.lower().rstrip(".")
    return word in ours or (word in titles and not given_name(word))


def demonym(word: str) -> bool:
    """"American" in "American Dale Whitcomb": a nationality word before a person's name."""

    hit = builtin_alias(word)
    return hit is not None and hit[1] == "country" and word[:1].isupper() and word.istitle() and (
        word.endswith(("an", "ese", "ish", "i", "ch", "er", "ic")))


def institution_of_country(span: Span) -> str | None:
    """"Foreign Ministry (Japan)" for "Japan's Foreign Ministry" or "Japanese Foreign
    Ministry": a generic institution name is only an actor together with its country."""

    words = institution_words()
    for cut in range(min(3, len(span) - 1), -1, -1):
        rest = span[cut:]
        if not all(t.lower_ in words for t in rest) or not any(t.is_title for t in rest):
            continue
        if cut:
            country = country_name(span[:cut].text)
        else:  # "<country>'s <institution>"; the country entity may include the "'s"
            doc, i = span.doc, span.start
            if i < 2 or doc[i - 1].text not in POSSESSIVE:
                return None
            j = i - 2
            while j > 0 and doc[j].ent_iob_ == "I":
                j -= 1
            country = country_name(doc[j:i - 1].text)
        if country:
            return f"{rest.text} ({country})"
    return None


def designated(doc: Doc, end: int) -> bool:
    """True if the name runs on into a model designator ("IRIS-T", "Su-57"): a product, not an
    actor."""
    return (end + 1 < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text == "-"
            and doc[end].whitespace_ == ""
            and (doc[end + 1].is_digit or (len(doc[end + 1].text) <= 2
                                           and doc[end + 1].text.isupper())))


def site_word(word: str) -> bool:
    """``word`` (lower case) ends the name of a site named after a person ("Mosque")."""
    return word in SITES
