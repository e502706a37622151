"""Names that may be one actor: candidate pairs by the pattern that links them.

Pure functions over :class:`NameEntry` (a name key, a representative spelling, a type and a mention
count). Each rule is written for a pattern of naming, never for particular names:

* ``middle``: the same name with a middle initial or middle name ("Dale M. Whitcomb" /
  "Dale Whitcomb"), or a leading initial ("J. Owen Prask" / "Owen Prask");
* ``descriptor``: a name with a title, occupation or nationality word in front ("Coach X Y",
  "Comedian X Y", "American X Y") and the bare name;
* ``acronym``: an acronym and a multi-word name with those initials ("HP" /
  "Hewlett-Packard");
* ``short form``: an organisation's name and a longer one ending with it ("Red Sox" /
  "Boston Red Sox"); suggestions only: ``city's team``, a city's team by its own word
  ("Rhinos" / "Leeds Rhinos", but "Tigers" may be an armed group), and ``generic short
  form``, a generic name inside a longer one with one word in front ("Democratic Party" /
  "National Democratic Party": two parties, most often);
* ``surname``: a one-word person name and a full name it starts or ends ("Okafor" / "Chidi
  Okafor"); a suggestion only: resolution joins them itself only when their articles share
  evidence (:func:`graph.resolution.actors.resolve`), and offers the rest to the analyst;
* ``spelling``: the same number of words, each spelled alike or sounding alike
  (:mod:`graph.names.spelling`): transliteration variants such as
  "Sergey"/"Sergei". Two different given names never match ("Han Do Yun" / "Han Do Il").

:func:`candidates` lists them all with a score; :func:`unambiguous` keeps the ones resolution
applies on its own (a short name with exactly one longer match, for the safe rules).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from graph.core.tables import load_table
from graph.names.actor_types import gazetteer_place, organisation_heads
from graph.names.builtin import country_name
from graph.names.forms import (
    initials_match,
    name_key,
    name_parts,
    organisation_suffixes,
    title_words,
)
from graph.names.spelling import alike, same_spelling, sound, spelling_key

__all__ = ["Candidate", "NameEntry", "candidates", "same_spelling", "spelling_key", "unambiguous"]

#: Rules resolution may apply without asking, when the short name has one match only.
AUTOMATIC = ("middle", "descriptor", "acronym", "short form")


@dataclass(frozen=True)
class NameEntry:
    key: str  # name key
    name: str  # a spelling of it (case matters for acronyms)
    type: str
    count: int = 1


@dataclass(frozen=True)
class Candidate:
    """``short`` and ``long`` may be one actor, by ``rule``; ``long`` is the fuller name."""

    short: str
    long: str
    rule: str
    score: float
    reason: str

    @property
    def into(self) -> str:
        """The name the pair should be known by: the fuller one, except that a descriptor in
        front of a name is no part of it."""
        return self.short if self.rule == "descriptor" else self.long


@functools.cache
def descriptor_words() -> frozenset[str]:
    """Words that describe a person in front of a name: titles and occupations."""
    return title_words() | frozenset(load_table("variants")["descriptors"])


def candidates(items: Iterable[NameEntry], rules: Iterable[str] | None = None) -> list[Candidate]:
    """Every candidate pair among ``items`` by ``rules`` (default all), best first (one per
    pair: its strongest rule).

    >>> from graph.names.forms import name_key
    >>> def pair(*names, type="person"):
    ...     found = candidates(NameEntry(name_key(n), n, type) for n in names)
    ...     return [(c.short, c.long, c.rule, c.reason) for c in found]
    >>> pair("Dale M. Whitcomb", "Dale Whitcomb")
    [('dale whitcomb', 'dale m whitcomb', 'middle', 'middle initial')]
    >>> pair("J. Owen Prask", "Owen Prask")
    [('owen prask', 'j owen prask', 'middle', 'leading initial')]
    >>> pair("Coach Dale Whitcomb", "Dale Whitcomb")
    [('dale whitcomb', 'coach dale whitcomb', 'descriptor', "'coach' describes the person")]
    >>> pair("HP", "Hewlett-Packard", type="organisation")
    [('hp', 'hewlett packard', 'acronym', 'HP spells the initials of Hewlett-Packard')]
    >>> pair("Red Sox", "Boston Red Sox", type="organisation")
    [('red sox', 'boston red sox', 'short form', 'Boston Red Sox ends with Red Sox')]
    >>> pair("Sergey Orlovsky", "Sergei Orlovsky")
    [('sergei orlovsky', 'sergey orlovsky', 'spelling', 'spelled or sounding alike, word by word')]

    Two different given names, or two generational numbers, are never one name:

    >>> pair("Han Do Yun", "Han Do Il"), pair("Karol XIV", "Karol XV")
    ([], [])
    """
    by_key = {i.key: i for i in items if i.key}
    found: dict[tuple[str, str], Candidate] = {}
    for name in rules or RULES:
        for c in RULES[name](by_key):
            pair = (min(c.short, c.long), max(c.short, c.long))
            if pair not in found or found[pair].score < c.score:
                found[pair] = c
    return sorted(found.values(), key=lambda c: (-c.score, c.short, c.long))


def unambiguous(items: Iterable[NameEntry],
                same: Callable[[str, str], bool] | None = None) -> list[Candidate]:
    """The candidates safe to merge automatically: a rule in :data:`AUTOMATIC` and a short name
    that matches exactly one longer name, or several that ``same(a, b)`` says are already one
    actor (two spellings of one party's name: its acronym names that party).

    >>> items = [NameEntry("dale whitcomb", "Dale Whitcomb", "person"),
    ...          NameEntry("dale m whitcomb", "Dale M. Whitcomb", "person")]
    >>> [(c.short, c.long) for c in unambiguous(items)]
    [('dale whitcomb', 'dale m whitcomb')]
    >>> items.append(NameEntry("dale k whitcomb", "Dale K. Whitcomb", "person"))  # a second match
    >>> unambiguous(items)
    []
    """
    found = [c for c in candidates(items, AUTOMATIC) if c.rule in AUTOMATIC]
    per_short: dict[str, list[Candidate]] = defaultdict(list)
    for c in found:
        per_short[c.short].append(c)
    return [c for c in found if per_short[c.short][0] is c and (
        len(per_short[c.short]) == 1
        or same is not None and all(same(c.long, d.long) for d in per_short[c.short][1:]))]


def _people(items: dict[str, NameEntry]) -> dict[str, NameEntry]:
    return {k: i for k, i in items.items() if i.type == "person"}


def _middle(items: dict[str, NameEntry]) -> list[Candidate]:
    people = _people(items)
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in people:
        words = key.split()
        if len(words) >= 2:
            by_ends[(words[0], words[-1])].append(key)
    out = []
    for key in people:
        words = key.split()
        if len(words) < 3:
            continue
        # "richard m nixon" → "richard nixon": middle words that are initials or one name
        inner = words[1:-1]
        for short in by_ends.get((words[0], words[-1]), ()):
            s = short.split()
            if len(s) == 2 and short != key:
                initials = all(len(w) == 1 for w in inner)
                if initials or len(inner) == 1:
                    out.append(Candidate(short, key, "middle", 0.92 if initials else 0.8,
                                         "middle initial" if initials else "middle name"))
        # "w mark felt" → "mark felt": a leading initial
        if len(words[0]) == 1 and " ".join(words[1:]) in people:
            out.append(Candidate(" ".join(words[1:]), key, "middle", 0.85, "leading initial"))
    return out


def _descriptor(items: dict[str, NameEntry]) -> list[Candidate]:
    people = _people(items)
    out = []
    for key in items:
        words = key.split()
        for cut in range(1, min(3, len(words) - 1)):
            bare = " ".join(words[cut:])
            lead = words[:cut]
            if bare in people and len(bare.split()) >= 2 and all(
                    w in descriptor_words() or country_name(w) for w in lead):
                out.append(Candidate(bare, key, "descriptor", 0.9,
                                     f"{' '.join(lead)!r} describes the person"))
                break
    return out


def _acronym(items: dict[str, NameEntry]) -> list[Candidate]:
    longs: dict[str, list[str]] = defaultdict(list)
    for key, item in items.items():
        words = [w for w in item.name.replace("-", " ").split() if w[:1].isalpha()]
        if len(words) >= 2 and item.type != "person":
            for initials in {"".join(w[0] for w in words).upper(),
                             "".join(w[0] for w in words if w[0].isupper()).upper()}:
                if len(initials) >= 2:
                    longs[initials].append(key)
    out = []
    for key, item in items.items():
        letters = "".join(c for c in item.name if c.isalpha())
        if not (2 <= len(letters) <= 6 and letters.isupper()) or item.type == "person":
            continue
        for full in longs.get(letters, ()):
            if full != key and initials_match(item.name, items[full].name) and (
                    items[full].type in (item.type, "organisation")):  # "NHS" is no station
                out.append(Candidate(key, full, "acronym", 0.88,
                                     f"{item.name} spells the initials of {items[full].name}"))
    return out + _acronym_heads(items)


def _acronym_heads(items: dict[str, NameEntry]) -> list[Candidate]:
    """"EU Commission" / "European Union Commission", "GW Bridge" / "George Washington Bridge":
    an acronym in front of the same last words as a longer name of the same kind whose first
    words it spells."""
    by_tail: dict[str, list[str]] = defaultdict(list)
    for key, item in items.items():
        words = key.split()
        if item.type != "person" and len(words) >= 3:
            for cut in range(2, len(words)):
                by_tail[" ".join(words[cut:])].append(key)
    out = []
    for key, item in items.items():
        words = item.name.split()
        head = "".join(c for c in words[0] if c.isalpha()) if words else ""
        if item.type == "person" or len(words) < 2 or not (2 <= len(head) <= 5
                                                           and head.isupper()):
            continue
        tail = name_key(" ".join(words[1:]))
        for full in by_tail.get(tail, ()):
            n = len(items[full].name.split()) - len(words[1:])
            if items[full].type == item.type and n >= 2 and initials_match(
                    words[0], " ".join(items[full].name.split()[:n])):
                out.append(Candidate(key, full, "acronym", 0.85,
                                     f"{words[0]} spells the first words of "
                                     f"{items[full].name}"))
    return out


def _short_form(items: dict[str, NameEntry]) -> list[Candidate]:
    orgs = {k for k, i in items.items() if i.type == "organisation"}
    out = []
    for key in orgs:
        words = key.split()
        for cut in range(1, len(words) - 1):
            short = " ".join(words[cut:])
            if short in orgs:
                # "Democratic Party" in "National Democratic Party", "Circuit Court" in
                # "Federal Circuit Court": one word in front of a name ending in a generic
                # head makes another body; a lead, never joined on its own (a place in front
                # does not: "U.S. Supreme Court")
                generic = cut == 1 and words[-1] in organisation_heads() and not (
                    country_name(words[0]) or gazetteer_place(words[0]))
                out.append(Candidate(short, key, "generic short form" if generic else
                                     "short form", 0.6 if generic else 0.8,
                                     f"{items[key].name} ends with {items[short].name}"))
        # "Cardinals" for "St. Louis Cardinals": a city's team by its own word, never a generic
        # word ("Times", "Police", "Council": many cities have one); a suggestion only, since a
        # team's word names other bodies in other articles ("Tigers", an armed group; "Eagles",
        # a band; "Saints", "Rebels")
        if len(words) >= 2 and words[-1] in orgs and _city_and_word(words):
            out.append(Candidate(words[-1], key, "city's team", 0.7,
                                 f"{items[key].name} is the {items[words[-1]].name} of "
                                 f"{' '.join(items[key].name.split()[:-1])}"))
        # "General Assembly" for "General Assembly of the United Nations": the head before "of";
        # never one generic word ("Congress", "Church", "Union"): it names many bodies, most
        # often a country's own, not the one "Congress of ..." a corpus happens to hold
        name = items[key].name
        at = name.lower().find(" of ")
        head = name_key(name[:at]) if at > 0 else ""
        if head in orgs and head != key and head not in organisation_heads():
            out.append(Candidate(head, key, "short form", 0.8,
                                 f"{name} is the {items[head].name} of ..."))
    return out


def _city_and_word(words: list[str]) -> bool:
    """True if a name key's words are a known city or region and one word of its own that is
    no generic organisation word: "st louis cardinals", "leeds rhinos"; not "boston police"."""
    last = words[-1]
    return len(last) >= 4 and gazetteer_place(" ".join(words[:-1])) and not (
        last in _generic_words() or country_name(last))


@functools.cache
def _generic_words() -> frozenset[str]:
    """Generic last words of organisation and place names (``titles.toml``, ``variants.toml``)."""
    t, parts = load_table("titles"), ("organisation_heads", "company_suffixes", "feature_words",
                                      "organisation_suffixes", "outlet_nouns")
    return frozenset(w for p in parts for w in t[p]) | organisation_suffixes() | frozenset(
        load_table("variants")["generic_name_words"])


def _spelling(items: dict[str, NameEntry]) -> list[Candidate]:
    blocks: dict[tuple, list[str]] = defaultdict(list)
    for key, item in items.items():
        words = key.split()
        if len(words) >= 2 and item.type == "person":
            blocks[(len(words), "last", sound(words[-1]))].append(key)
            blocks[(len(words), "first", sound(words[0]))].append(key)
    out: dict[tuple[str, str], Candidate] = {}
    for keys in blocks.values():
        if len(keys) > 400:
            continue  # a block that large is a common sound, not a lead
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if (a, b) not in out and (b, a) not in out and alike(a.split(), b.split()):
                    short, long_ = sorted((a, b), key=lambda k: (items[k].count, k))
                    out[(a, b)] = Candidate(short, long_, "spelling", 0.75,
                                            "spelled or sounding alike, word by word")
    return list(out.values())


def _surname(items: dict[str, NameEntry]) -> list[Candidate]:
    """A one-word person name and every full person name that starts or ends with it
    (:func:`graph.names.forms.name_parts`: not a father's name inside a patronymic), whether
    family name first ("Kim" / "Kim Min-jun") or last ("Okafor" / "Chidi Okafor")."""
    people = _people(items)
    edge, _ = name_parts(i.name for k, i in people.items() if " " in k)
    out = []
    for key in people:
        if " " not in key:
            for full in sorted({name_key(n) for n in edge.get(key, ())}):
                out.append(Candidate(key, full, "surname", 0.6,
                                     f"{people[key].name} is a name of {people[full].name}"))
    return out


RULES = {"middle": _middle, "descriptor": _descriptor, "acronym": _acronym,
         "short form": _short_form, "spelling": _spelling, "surname": _surname}
