"""Short names of organisations and places within one article: "Harvard" for "Harvard
University", "Scientology" for "Church of Scientology", "Comic Corps" for "Comic Corps of
Canada", "Glacier" for "Glacier National Park"; and "Taipei City" or "the State of Kelvan"
for "Taipei" or "Kelvan" (a place is known by its short name, which links it across
articles).

A name is the short form of a longer organisation or place name used in the same article when
it is that name's distinctive part: the longer name without its generic words — a head word at
its end ("University", "Party", "Magazine", "Street", "National Park"), a generic head before
"of" ("Church of X", "University of X"), or "of <a place>" after it ("... of Canada"). It is
renamed only when exactly one longer name in the article has that part, and when it is not an
actor of its own:

* never a person's full name, nor a word of one used in the article ("Harvard" stays with a
  "Mary Harvard" the article names);
* never a known place, country or demonym ("Helsinki" is not "University of Helsinki",
  "American" not "American Airlines", "Tulsa" not "Tulsa International Airport", "Oklahoma"
  not "Oklahoma City").

Across articles nothing is joined here: the corpus-wide rules of :mod:`graph.resolution.actors`
apply.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import replace

from graph.core.model import MentionSpan
from graph.core.tables import load_table
from graph.names.actor_types import gazetteer_place
from graph.names.builtin import builtin_alias, country_name, is_subdivision
from graph.names.forms import name_key, name_parts, title_words

__all__ = ["organisation_short_names"]

#: Generic words after a place's distinctive part that name the same place ("Taipei City"; a
#: province, county or island named after a city is another place).
_SAME_PLACE = frozenset({"city"})
#: Generic heads before "of" in the name of a place that name the same place ("State of X").
_PLACE_HEADS = frozenset({"city", "state", "republic", "commonwealth", "kingdom", "town"})
#: Evidence for a short name's own type that a longer name of another type overrules.
_WEAK = frozenset({"model", "gazetteer", "acronym", "given-name"})


@functools.cache
def _generic() -> frozenset[str]:
    """Generic last words of organisation and place names (lower case)."""
    t = load_table("titles")
    return (frozenset(t["organisation_heads"]) | frozenset(t["company_suffixes"])
            | frozenset(t["feature_words"]) | frozenset(t["organisation_suffixes"])
            | frozenset(t["outlet_nouns"]) | _SAME_PLACE | _PLACE_HEADS
            | frozenset(load_table("variants")["generic_name_words"]))


#: Words between a distinctive part and the generic word after it ("Glacier National Park").
_MODIFIERS = frozenset({"national", "state", "international", "federal", "city", "memorial"})


def _parts(name: str) -> list[tuple[str, bool]]:
    """The distinctive parts of a longer name, each with whether the words left out name the
    same place ("Taipei City", "State of Texas"): then the place is known by the short name."""

    words = name.split()
    low = [w.lower().strip(".,") for w in words]
    if "of" in low[1:-1]:
        at = low.index("of")
        head, rest = words[:at], words[at + 1:]
        if rest and rest[0].lower() == "the":
            rest = rest[1:]
        if all(w in _generic() for w in low[:at]):  # "Church of X", "State of X"
            return [(" ".join(rest), all(w in _PLACE_HEADS for w in low[:at]))] if rest else []
        where = " ".join(rest)  # "Comic Corps of Canada": the name before "of <a place>"
        hit = builtin_alias(where)
        known = hit[1] == "country" if hit else gazetteer_place(where)
        return [(" ".join(head), False)] if known else []
    team = _after_a_place(words)
    if team:
        return [(team, False)]
    cut = len(words)
    if cut > 1 and low[-1] in _generic():
        cut -= 1
        if cut > 1 and low[cut - 1] in _MODIFIERS:
            cut -= 1
    if cut == len(words):
        return []
    return [(" ".join(words[:cut]), all(w in _SAME_PLACE for w in low[cut:]))]


def _after_a_place(words: list[str]) -> str:
    """"Pittsburgh Pirates" → "Pirates", "Boston Red Sox" → "Red Sox", "Carlow Times" →
    "Times": a team's or a paper's own name after the place it belongs to (a plural at the
    end, not a word for places: "Solomon Islands", "Golan Heights" stay whole), else ""."""
    last = words[-1].lower().strip(".,")
    if (len(words) < 2 or not last.endswith("s") or last.endswith("ss")
            or last in _PLACE_PLURALS or not words[-1][:1].isupper()):
        return ""
    for size in (2, 1):
        where = " ".join(words[:size])
        if len(words) > size and (gazetteer_place(where) or country_name(where)
                                  or is_subdivision(where)):
            return " ".join(words[size:])
    return ""


#: Plural words that end place names ("Solomon Islands", "Golan Heights"): no team.
_PLACE_PLURALS = frozenset({"islands", "heights", "mountains", "hills", "falls", "springs",
                            "lakes", "plains", "highlands", "lowlands", "keys", "territories",
                            "states", "emirates", "woods", "gardens", "farms", "flats",
                            "rapids", "cliffs", "alps"})


def organisation_short_names(spans: list[MentionSpan]) -> list[MentionSpan]:
    """Rename short forms of organisation and place names to the longer name the article uses,
    and a place's longer name to its short one (see the module docstring); other mentions are
    returned unchanged."""
    longer: dict[str, set[str]] = defaultdict(set)
    place_of: dict[str, str] = {}  # "State of Texas" -> "Texas"
    kind: dict[str, str] = {}
    for s in spans:
        m = s.mention
        if m.type not in ("organisation", "place") or len(m.name.split()) < 2:
            continue
        kind[m.name] = m.type
        for part, same in _parts(m.name):
            key = name_key(part)
            if not (key and len(key) >= 3 and part[:1].isupper()):
                continue
            if same and m.type == "place":
                if not (name_key(m.name).endswith(" city") and _region(part)):
                    place_of[m.name] = part  # never "Oklahoma" for "Oklahoma City"
            else:
                longer[key].add(m.name)
    if not longer and not place_of:
        return spans
    people = {s.mention.name for s in spans if s.mention.type == "person"
              and len(s.mention.name.split()) >= 2}
    edge, inner = name_parts(people)
    taken = {name_key(p) for p in people} | set(edge) | set(inner)
    used = {name_key(s.mention.name): s.mention for s in spans}
    out = []
    for s in spans:
        m = s.mention
        key = name_key(m.name)
        fulls = longer.get(key, ())
        full = next(iter(fulls)) if len(fulls) == 1 else ""
        short = place_of.get(m.name)
        if short and (name_key(short) in used or _known(short)):
            seen = used.get(name_key(short))
            s = replace(s, mention=replace(m, name=seen.name if seen else short,
                                           type=seen.type if seen else m.type))
        elif full and full != m.name and key not in taken and key not in title_words() and (
                m.type != "person" or len(key.split()) == 1) and (
                m.type == kind[full] or m.type_evidence in _WEAK) and not _known(m.name):
            s = replace(s, mention=replace(m, name=full, type=kind[full]))
        out.append(s)
    return out


def _known(name: str) -> bool:
    """A country, demonym or known place: an actor of its own, no short form of another."""

    return builtin_alias(name) is not None or gazetteer_place(name)


def _region(name: str) -> bool:
    """A country or a first-level region (a state, a province): "Oklahoma" is not "Oklahoma
    City"."""

    return country_name(name) is not None or is_subdivision(name)
