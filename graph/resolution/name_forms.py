"""Corpus-wide rules about the forms of organisation and place names (no people): a name
without its generic tail or without the head word a party or movement is named without, or
by the words after its head's "of", a country written two ways, an abbreviated word, a place
named with a generic head ("State of X"), and a country's institution named bare or with
the country ("Senate of the United States" / "Senate (United States)"). Each joins groups of
name keys in the union-find of :func:`graph.resolution.actors.resolve`, only for keys no
decision or built-in entry has settled (``live``)."""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from graph.core.tables import load_table
from graph.names.actor_types import gazetteer_place, given_name, organisation_heads
from graph.names.builtin import builtin_alias, country_name
from graph.names.forms import name_key, organisation_suffixes
from graph.resolution.unionfind import UnionFind

__all__ = ["abbreviated_forms", "country_forms", "institution_of_one_country",
           "named_after_of_forms", "organisation_bare_forms", "organisation_short_forms",
           "place_head_forms", "plain_forms", "possessive_forms"]


def organisation_short_forms(groups: UnionFind, live: set[str], kind_of: dict,
                              count: dict) -> None:
    """"Yonhap" joins "Yonhap News Agency" and "Wagner" joins "Wagner Group": an organisation
    whose name is another's without generic trailing words. The shortest such longer name with
    the most mentions wins, so "Kyodo" goes to "Kyodo News", not to both."""
    suffixes = organisation_suffixes()
    orgs = {k for k in kind_of if kind_of[k] == "organisation"}
    longer: dict[str, list[str]] = defaultdict(list)
    for key in orgs:
        words = key.split()
        for cut in range(len(words) - 1, 0, -1):
            if words[cut] not in suffixes:
                break
            longer[" ".join(words[:cut])].append(key)
    for short in sorted(longer, key=lambda k: (-len(k.split()), k)):
        if short not in orgs or short not in live:
            continue
        target = min(longer[short], key=lambda k: (len(k.split()), -count[k], k))
        groups.union(short, target)


#: Head words a party or a movement is named without ("Likud" for "Likud Party", "Polisario"
#: for "Polisario Front"): the rest of the name is distinctive. Not "University" or "College",
#: often named after people ("Okonkwo" in a citation is no "Okonkwo College"), nor "Alliance"
#: or "Coalition", whose first word is often a name of its own ("Atlantic", the magazine).
_NAMED_BARE = frozenset({"party", "movement", "front"})


#: Words of political families, which name parties in many countries ("Labour", "Liberal",
#: "Green", "National", "Social Democratic"), beside the political labels of ``titles.toml``.
_PARTY_FAMILY = frozenset({
    "labor", "green", "greens", "national", "social", "christian", "people", "peoples",
    "popular", "workers", "reform", "justice", "freedom", "unity", "progress", "solidarity",
    "renewal", "renaissance", "alternative", "forward", "patriotic", "independence", "left",
    "right", "centre", "center", "new", "united", "union", "development", "liberation",
    "revolutionary", "republic", "citizens", "civic", "agrarian", "farmers", "pirate",
    "radical", "free", "islamic", "resistance", "opposition", "salvation", "change", "hope",
    "future", "action", "and",
})


@functools.cache
def _party_family() -> frozenset[str]:
    return _PARTY_FAMILY | frozenset(load_table("titles")["political_labels"])


def organisation_bare_forms(groups: UnionFind, live: set[str], kind_of: dict) -> None:
    """A party or a movement named without its head word is that organisation, across
    articles too ("Likud" / "Likud Party", "Polisario" / "Polisario Front"): only when the
    corpus has exactly one such longer name, and never when the short name is a known place,
    country or demonym, clearly a given name or the family name of a person in the corpus
    ("Okafor" beside "Okafor Movement" and "Amara Okafor" is the founder as often as the
    movement), nor when it is only words of political families: "Labour" in an article about
    one country is not the "Labour Party" of another's (:data:`_PARTY_FAMILY`). (Within an
    article "Harvard" is "Harvard University" too: :mod:`graph.mentions.shortnames`.)"""
    orgs = {k for k in kind_of if kind_of[k] == "organisation"}
    longer: dict[str, set[str]] = defaultdict(set)
    for key in orgs:
        words = key.split()
        if len(words) >= 2 and words[-1] in _NAMED_BARE:
            longer[" ".join(words[:-1])].add(key)
    surnames = {k.rsplit(" ", 1)[-1] for k in kind_of if " " in k and kind_of[k] == "person"}
    for short in sorted(k for k in longer if k in orgs and k in live):
        if len(longer[short]) != 1 or _known_or_given(short) or short in surnames:
            continue
        groups.union(short, next(iter(longer[short])))


def named_after_of_forms(groups: UnionFind, live: set[str], kind_of: dict) -> None:
    """An organisation named by the words after its head's "of" is that organisation, across
    articles too ("Scientology" / "Church of Scientology", "Commons" / "House of Commons"):
    only when the corpus has exactly one such longer name, both are organisations, and never
    when the short name is a known place, country or demonym, clearly a given name or the
    family name of a person in the corpus ("Bank of Okafor" is not "Okafor"), as
    :func:`organisation_bare_forms` asks."""
    heads = organisation_heads()
    longer: dict[str, set[str]] = defaultdict(set)
    for key in (k for k in kind_of if kind_of[k] == "organisation" and " of " in k):
        head, _, rest = key.partition(" of ")
        rest = rest.removeprefix("the ")
        if head in heads and rest:
            longer[rest].add(key)
    surnames = {k.rsplit(" ", 1)[-1] for k in kind_of if " " in k and kind_of[k] == "person"}
    for short in sorted(k for k in longer if k in live and kind_of.get(k) == "organisation"):
        if len(longer[short]) != 1 or _known_or_given(short) or short in surnames:
            continue
        groups.union(short, next(iter(longer[short])))


def _known_or_given(key: str) -> bool:
    words = key.split()
    return bool(builtin_alias(key) or country_name(key) or gazetteer_place(key)
                or len(words) == 1 and given_name(key, strict=True)
                or all(w in _party_family() for w in words))


def country_forms(groups: UnionFind, live: set[str], kind_of: dict) -> None:
    """Organisation names that differ only in how they write a country and in a generic tail
    are one actor ("U.S. Steel" / "United States Steel Corp.")."""
    by_form: dict[str, list[str]] = defaultdict(list)
    for key in sorted(k for k in kind_of if kind_of[k] == "organisation"):
        by_form[_org_form(key)].append(key)
    for keys in by_form.values():
        if len(keys) > 1 and any(k in live for k in keys):
            for key in keys[1:]:
                groups.union(key, keys[0]) if key in live else groups.union(keys[0], key)


#: Abbreviations in place and organisation names, by where they stand: "St. Petersburg" is
#: "Saint Petersburg", "Main St." is "Main Street", "Mt. Kenya" is "Mount Kenya".
_LEADING = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}
_TRAILING = {"st": "street", "ave": "avenue", "rd": "road", "blvd": "boulevard", "sq": "square",
             "mt": "mount", "hwy": "highway"}


def abbreviated_forms(groups: UnionFind, live: set[str], kind_of: dict) -> None:
    """Names of places and organisations that differ only in an abbreviated word ("St.
    Petersburg" / "Saint Petersburg", "Main St." / "Main Street") are one actor."""
    by_form: dict[str, list[str]] = defaultdict(list)
    for key in sorted(k for k in kind_of if kind_of[k] != "person"):
        words = key.split()
        if len(words) >= 2:
            words[0] = _LEADING.get(words[0], words[0])
            words[-1] = _TRAILING.get(words[-1], words[-1])
            by_form[" ".join(words)].append(key)
    for keys in by_form.values():
        if len(keys) > 1 and any(k in live for k in keys):
            for key in keys[1:]:
                groups.union(key, keys[0]) if key in live else groups.union(keys[0], key)


def plain_forms(groups: UnionFind, live: set[str], kind_of: dict) -> None:
    """Names of places and organisations of one kind that differ only in a leading "the", an
    "and" ("&"), or in naming an institution by its head before "of" or after its field are
    one actor: "the Sankofa Movement" / "Sankofa Movement", "Okafor & Sons" / "Okafor and
    Sons", "Ministry of the Interior" / "Interior Ministry", "Ministry of Foreign Affairs
    (Japan)" / "Foreign Ministry (Japan)", "Department of Labor" / "Labor Department"."""
    by_form: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(k for k in kind_of if kind_of[k] != "person"):
        by_form[(kind_of[key], _plain_form(key, kind_of[key]))].append(key)
    for keys in by_form.values():
        if len(keys) > 1 and any(k in live for k in keys):
            for key in keys[1:]:
                groups.union(key, keys[0]) if key in live else groups.union(keys[0], key)


#: Institutions named by their field before the head or after "of" ("Interior Ministry").
_FIELD_HEADS = frozenset({"ministry", "department"})


def _plain_form(key: str, kind: str) -> str:
    """A place or organisation key without a leading "the" or an "and"; an organisation's
    with its countries as :func:`_org_form` writes them and an institution as "<field> <head>
    <country>" ("ministry of the interior" → "interior ministry")."""
    words = key.split()
    if kind == "organisation":
        words = _org_form(key).split()
    if len(words) >= 2 and words[0] == "the":
        words = words[1:]
    if len(words) >= 3:
        words = [w for w in words if w != "and"]
    country: list[str] = []
    for size in (3, 2, 1):  # "united states department of state": the country to the end
        if len(words) > size + 2 and words[size] in _FIELD_HEADS and words[size + 1] == "of" \
                and country_name(" ".join(words[:size])):
            words, country = words[size:], words[:size]
            break
    if kind == "organisation" and len(words) >= 3 and words[0] in _FIELD_HEADS \
            and words[1] == "of":
        field = words[2:]
        field = field[1:] if field[0] == "the" and len(field) > 1 else field
        for size in (3, 2, 1):
            if not country and len(field) > size and country_name(" ".join(field[-size:])):
                field, country = field[:-size], field[-size:]
                break
        words = [*field, words[0]]
    for i, w in enumerate(words[2:], start=2):  # "foreign affairs ministry" → "foreign ministry"
        if w in _FIELD_HEADS and words[i - 1] == "affairs":
            words = words[:i - 1] + words[i:]
            break
    return " ".join([*words, *country])


@functools.lru_cache(maxsize=65536)
def _org_form(key: str) -> str:
    """An organisation key with countries canonical and its generic tail cut."""
    words = key.split()
    suffixes = organisation_suffixes()
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            country = country_name(" ".join(words[i:i + size])) if i + size <= len(words) \
                else None
            if country and (size > 1 or len(words[i]) > 1):
                out.append(name_key(country))
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    # "Senate of the United States" is "Senate (United States)": the country after "of"
    if len(out) >= 3 and country_name(out[-1]) and (out[-2] == "of" or out[-2:-1] == ["the"]
                                                     and out[-3] == "of"):
        head = out[:out.index("of", len(out) - 3)]
        out = [*head, out[-1]] if head else out
    return " ".join(out)


#: Generic heads before "of" that name the place itself: "State of Ohio" is Ohio, "Republic of
#: Albania" Albania (not "City of X": a city and the county or state named like it differ).
_PLACE_HEADS = frozenset({"state", "republic", "commonwealth", "kingdom", "principality",
                          "sultanate", "emirate"})


def place_head_forms(groups: UnionFind, live: set[str], kind_of: dict) -> None:
    """"State of Ohio" and "Republic of Albania" join "Ohio" and "Albania" when the corpus
    names that place or country: a place named with a generic head before "of"."""
    for key in sorted(k for k in live if " of " in k):
        head, _, place = key.partition(" of ")
        place = place.removeprefix("the ")
        if head in _PLACE_HEADS and kind_of.get(place) in ("place", "country"):
            groups.union(key, place)


def institution_of_one_country(groups: UnionFind, live: set[str], kind_of: dict) -> None:
    """A country's institution named bare ("Congress", "the Senate", "Foreign Ministry") joins
    the one institution of that name the corpus ties to a country ("Congress (United States)",
    from "U.S. Congress" or "the United States Congress"); never when two countries' are
    named."""
    heads = organisation_heads()
    of_country: dict[str, set[str]] = defaultdict(set)
    for key in sorted(k for k in kind_of if kind_of[k] == "organisation"):
        form = _org_form(key).split()
        for size in (3, 2, 1):
            if len(form) > size and country_name(" ".join(form[-size:])):
                of_country[" ".join(form[:-size])].add(key)
                break
    # "Ministry of Foreign Affairs (Japan)" and "Foreign Ministry (China)" are two countries'
    # one institution: bare, "Foreign Ministry" is neither (:func:`plain_forms` makes the two
    # bare names one)
    by_plain: dict[str, set[str]] = defaultdict(set)
    for bare, keys in of_country.items():
        by_plain[_plain_form(bare, "organisation")].update(
            _plain_form(k, "organisation") for k in keys)
    for bare, keys in of_country.items():
        if (bare in live and kind_of.get(bare) == "organisation" and bare.split()[-1] in heads
                and len({_org_form(k) for k in keys}) == 1
                and len(by_plain[_plain_form(bare, "organisation")]) == 1):
            groups.union(bare, min(keys))


_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")


def possessive_forms(groups: UnionFind, live: set[str], kind_of: dict,
                     spellings: dict[str, list[str]]) -> None:
    """An organisation or place name written with and without a possessive "'s" is one actor
    ("New People's Party" / "New People Party", "St. Agnes's Hospital" / "St. Agnes
    Hospital"): the spelling without the "'s" joins the one with it when both are of one kind,
    unless the "'s" ends the name (the cities "St. John's" and "Saint John" are two).
    Never people ("Tran Van Minh's" is a possessive of the name, and the mention finder's
    business). ``spellings`` maps each key to the names written with it."""
    for key in sorted(spellings):
        kind = kind_of.get(key)
        if kind in (None, "person") or len(key.split()) < 2:
            continue
        for name in spellings[key]:
            if _POSSESSIVE.search(name.split()[-1]):
                continue  # "St. John's" (one city) is not "Saint John" (another)
            bare = name_key(_POSSESSIVE.sub("", name))
            if bare != key and kind_of.get(bare) == kind and (bare in live or key in live):
                groups.union(bare, key) if bare in live else groups.union(key, bare)
