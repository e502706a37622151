"""Person coreference within one article: short forms, middle names and nicknames.

* A short form ("Han", "Horvat", "Souza Lima", "Van den Berg") names a full name introduced
  in the article that starts or ends with it; two different full names are never merged. When
  two full names share the short form ("Carlos Menezes", "Paulo Menezes"), a title before it
  that fits only one of them decides ("Dr. Menezes" for the one introduced as "Dr.", "Mrs.
  Menezes" for the one with a woman's given name), else the one mentioned most recently (in
  the same or the two sentences before), else the one named in full at least twice as often
  as any other; otherwise the short form names neither (a wrong merge is worse than a
  split). Never across a generational suffix or a patronymic (:func:`graph.names.forms.
  short_form_of`): "John Smith" is not "John Smith Jr.", "Rashid Al Harbi" not "Mohammed bin
  Rashid Al Harbi", and "Smith" after both "John Smith Jr." and "John Smith Sr." stays "Smith".
* A nickname introduced in apposition ("X, known as Y", "X, nicknamed Y", "X (also known as
  Y)") or in quotes inside the name names X wherever it appears.
* A name without its middle names or initials ("Josiah Newcombe" after "Josiah Abram Newcombe"),
  or a less used spelling of a full name ("Kristen X" once beside "Kristin X"), names the
  fuller or more used one, unless one of the two is introduced as a relative or one sentence
  names both; a parent ("the son of X", "born to A and X") never takes the family name, nor
  does a relative introduced after the family name alone was in use for the article's person.

Role phrases ("the Croatian leader") are resolved in :mod:`graph.mentions.roles`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Token

from graph.core.model import Mention, MentionSpan
from graph.mentions.person_words import (
    OLDER_KIN,
    YOUNGER_KIN,
    by_age,
    kin_noun,
    parent,
    role_before,
    subject,
    title_before,
    title_fits,
)
from graph.mentions.shortnames import organisation_short_names
from graph.mentions.span_context import generation_suffix
from graph.names.actor_types import STRENGTH, gazetteer_place
from graph.names.builtin import builtin_alias
from graph.names.forms import (
    generation,
    generation_words,
    is_generation,
    is_title,
    loose_key,
    name_key,
    name_particles,
    name_parts,
    other_generation,
    short_form_of,
)
from graph.names.variants import descriptor_words, same_spelling

__all__ = ["nicknames_in", "resolve_people"]

_NICK_VERBS = {"known", "nicknamed", "dubbed", "called", "alias", "aka"}
_WINDOW = 2  # sentences back in which a recent mention decides between two full names
_EITHER = ""  # a short form of two names that differ by a generational suffix only


def nicknames_in(doc: Doc, spans: list[MentionSpan]) -> dict[str, str]:
    """``nickname -> full name`` for "X, known as Y" / "X, nicknamed Y" / "X (also known as
    Y)" after a person's or an organisation's full name ("Karadeniz Spor, known to fans as the
    Tigers": a club's nickname)."""
    out: dict[str, str] = {}
    for s in spans:
        m = s.mention
        if m.type not in ("person", "organisation") or len(m.name.split()) < 2:
            continue
        i = s.end
        if i >= len(doc) or doc[i].text not in (",", "("):
            continue  # only in apposition: "X called Y" is a verb, "X, called Y" a nickname
        i += 1
        if i < len(doc) and doc[i].lower_ in ("also", "better", "widely", "popularly"):
            i += 1
        if i >= len(doc) or doc[i].lower_ not in _NICK_VERBS:
            continue
        i += 1
        if i + 2 < len(doc) and doc[i].lower_ == "to" and doc[i + 2].lower_ == "as":
            i += 2  # "known to fans as", "known to supporters as"
        elif i + 1 < len(doc) and doc[i].lower_ in ("locally", "widely", "popularly") and (
                doc[i + 1].lower_ == "as"):
            i += 1
        if i < len(doc) and doc[i].lower_ == "as":
            i += 1
        if i < len(doc) and doc[i].lower_ == "the" and m.type == "organisation":
            i += 1  # "known as the Tigers"
        while i < len(doc) and doc[i].text in "\"“‘'":
            i += 1
        words: list[str] = []
        while i < len(doc) and doc[i].is_title and doc[i].is_alpha and len(words) < 2:
            words.append(doc[i].text)
            i += 1
        if words:
            out[" ".join(words)] = m.name
    return out


def resolve_people(doc: Doc, spans: list[MentionSpan], sent_of: list[int],
                   nicknames: dict[str, str]) -> list[MentionSpan]:
    """Name short forms and nicknames by the full name they stand for, and add mentions of
    short forms the model missed; then short forms of organisation and place names
    (:func:`graph.mentions.shortnames.organisation_short_names`)."""
    type_of = {s.mention.name: s.mention.type for s in spans}
    spans = [_nicknamed(s, nicknames, type_of) for s in spans]
    spans = [_without_stray_initial(doc, s, spans) for s in spans]
    full_counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for s in spans:
        if s.mention.type == "person" and len(s.mention.name.split()) >= 2:
            full_counts[s.mention.name] += 1
            first_seen.setdefault(s.mention.name, s.start)
    kin_of = {s.mention.name: word for s in spans if s.mention.name in full_counts
              and (word := kin_noun(doc, s.start, s.end))}
    relatives = set(kin_of)
    # "and his son Sergei Volkov": which of two relatives "Volkov senior" names
    kin_rank = {n: 2 if w in OLDER_KIN else 0 for n, w in kin_of.items()
                if w in OLDER_KIN | YOUNGER_KIN}
    parents = {s.mention.name for s in spans if s.mention.name in full_counts
               and parent(doc, s.start)}
    for name in parents:  # "the son of X": X is the elder of the two ("the elder Baek")
        kin_rank.setdefault(name, 2)
    # relatives who act in the article ("his daughter X spoke"), not only named ("was born")
    acting = {s.mention.name for s in spans if s.mention.name in relatives
              and subject(doc[s.start:s.end].root)}
    bare_at: dict[str, list[int]] = {}  # where each one-word name is used
    for s in spans:
        if len(name_key(s.mention.name).split()) == 1:
            bare_at.setdefault(name_key(s.mention.name), []).append(s.start)
    first_bare = {key: at[0] for key, at in bare_at.items()}
    sentences = _sentences_of(spans, sent_of)
    titled: dict[str, set[str]] = {}  # the titles each full name is used with ("dr")
    for s in spans:
        title = role_before(doc, s.start)
        if title and s.mention.name in full_counts:
            titled.setdefault(s.mention.name, set()).add(title)
    # "Josiah Newcombe" -> "Josiah Abram Newcombe", "Kristen X" (once) -> "Kristin X": one person,
    # unless kin or named side by side
    fuller: dict[str, str] = {}
    for f in full_counts:
        longer = [g for g in full_counts if _without_middle(f, g) or _respelled(f, g,
                                                                                full_counts)]
        if len(longer) == 1 and (not {f, *longer} & (relatives | parents) or _patronymic_middle(
                f, longer[0])) and not (sentences[f] & sentences[longer[0]]):
            fuller[f] = longer[0]  # "Andrei Morozov" for "his son Andrei Viktorovich Morozov"
    kin_named = relatives | parents
    for short in [f for f in full_counts if name_key(f).split()[0] in name_particles()
                  or f in fuller or _aged_family_name(f, full_counts)
                  or any(short_form_of(name_key(f), name_key(g))
                         and not _patronymic_of(f, g, kin_named, first_seen)
                         for g in full_counts)]:
        del full_counts[short]  # "De Vries", "Souza Lima": short forms, not full names
    if not full_counts:
        return organisation_short_names(spans)
    by_part, inner = name_parts(full_counts)
    loose: dict[str, list[str]] = {}
    for part, fulls in by_part.items():
        if len(part) >= 5:
            loose.setdefault(loose_key(part), []).extend(fulls)
    last_seen: dict[str, int] = {}

    def pick(candidates: list[str], at: int, end: int, late: frozenset[str] = frozenset()
             ) -> str | None:
        candidates = [c for c in dict.fromkeys(candidates) if first_seen[c] < at] or [
            c for c in dict.fromkeys(candidates)]
        if _two_generations(candidates):
            # "the elder Smith" / "the younger Smith" says which; "Smith" alone does not
            return by_age(doc, at, end, candidates) or _EITHER
        title = title_before(doc, at)
        if title and len(candidates) > 1:  # "Dr. Harlan", "Mrs. Harlan": the one it fits
            fit = [c for c in candidates if title_fits(title, c, titled.get(c, set()))]
            if len(fit) == 1:
                return fit[0]
        # "his son, Ralph Okafor": a relative introduced by kinship takes the family name
        # from the other people who bear it only right after a mention (same or last sentence)
        candidates = [c for c in candidates if c not in relatives or (
            c in last_seen and sent_of[at] - sent_of[last_seen[c]] <= 1)] or candidates
        if len(candidates) > 1:  # the most recent within the window, else the most salient
            recent = [c for c in candidates if c in last_seen and c not in late
                      and sent_of[at] - sent_of[last_seen[c]] <= _WINDOW]
            if recent:
                return max(recent, key=lambda c: last_seen[c])
        ranked = sorted(candidates, key=lambda f: (-full_counts[f], first_seen[f]))
        if len(ranked) > 1 and full_counts[ranked[0]] < 2 * full_counts[ranked[1]]:
            return None  # two people the short form may name, neither the article's main one
        return ranked[0] if ranked else None

    def best(short: str, at: int, end: int) -> str | None:
        key = name_key(short)
        words = key.split()
        if short in fuller and fuller[short] in full_counts:  # "Josiah Newcombe"
            return fuller[short]
        if len(words) > 1:  # "Souza Lima", "Van den Berg": the end (or start) of a full name
            found = [f for f in full_counts if short_form_of(key, name_key(f))]
            base, suffix = generation(key)
            if not found and len(base.split()) == 1:  # "Reed Sr." beside "Walter Reed"
                return aged(by_part.get(base, []), at, end, suffix)
            return aged(found, at, end) or pick(found, at, end)
        found = (by_part.get(key) or (inner[key] if len(inner.get(key, ())) == 1 else [])
                 or (loose.get(loose_key(key), []) if len(key) >= 5 else []))
        if elder_or_younger := aged(found, at, end):  # "Volkov senior" among the Volkovs
            return elder_or_younger
        if titled_one := _titled(found, role_before(doc, at), titled):
            return titled_one  # "Chairman Baek" for the one introduced as "chairman Baek X"
        # "the son of Pierre Lafosse": a parent named for the article's person never takes
        # the family name they share with them ("Lafosse" alone is the son); nor does a
        # relative introduced after the family name alone was in use and never the subject of
        # a verb (it names the article's person: "Varga ... their son, Tamas Varga,
        # was born ... Varga"; but "his daughter Winnie X spoke. X said" is hers)
        # A relative's middle name is never their short form: "his daughter Meilin Liang
        # Zhou" carries her father's family name "Liang" inside her own
        middle = not by_part.get(key)
        kept = [f for f in found if _own_given_name(key, f) or not (
            f in parents or (f in relatives and (middle or f not in acting)
                             and first_bare.get(key, at) < first_seen[f]))]
        if len(kept) < len(found) and _two_generations(found):
            kept = found  # "Tariq Ossei III, the grandson of Tariq Ossei": either, as before
        # a relative introduced after the family name alone had named the article's person
        # more than once ("Warsame ... Warsame ... His father Yusuf Abdi Warsame said ...
        # Warsame") does not take it from them on a recent mention alone
        late = frozenset(f for f in kept if f in relatives and sum(
            p < first_seen[f] for p in bare_at.get(key, [])) >= 2)
        return pick(kept, at, end, late) if kept else None

    def aged(found: list[str], at: int, end: int, suffix: str = "") -> str | None:
        seen = [f for f in dict.fromkeys(found) if first_seen[f] < at]
        return by_age(doc, at, end, seen, kin_rank, suffix) if len(seen) > 1 else None

    covered = {i for s in spans for i in range(s.start, s.end)}
    covered.update(i for ent in doc.ents for i in range(ent.start, ent.end))
    missed = [_untagged(doc, t.i, sent_of) for t in doc if t.i not in covered and _name_word(t)]
    out = []
    for s in sorted(spans + missed, key=lambda x: x.start):
        m = s.mention
        if m.type == "person" and is_generation(name_key(m.name)) and (
                m.name.isupper() or name_key(m.name) in generation_words()):
            continue  # "Jr." cut off from the name before it: no one's name on its own
        if m.name in full_counts:
            last_seen[m.name] = s.start
            out.append(s)
            continue
        full = best(m.name, s.start, s.end) if _may_be_short(m) else None
        if full and full != _EITHER and _epithet_word(m, full) and s not in missed:
            full = None  # "Rovers" (the team) is not "the Rovers Poet"
        if full == _EITHER:  # a person, but which one the name cannot tell
            if s in missed or _known(m.name):
                continue
            s = replace(s, mention=replace(m, type="person"))
        elif full and (m.label == "PERSON" or s in missed or not _known(m.name)):
            last_seen[full] = s.start
            s = replace(s, mention=replace(m, name=full, type="person"))
        elif s in missed:
            continue  # an untagged capitalised word that is no short form
        out.append(s)
    return organisation_short_names(out)


def _patronymic_of(short: str, full: str, kin_named: set[str], first_seen: dict[str, int]
                   ) -> bool:
    """True if the name ``short`` of two or more words ends ``full`` because it is the
    father's name carried as the patronymic ("Tesfaye's father, Bekele Negash" beside
    "Tesfaye Bekele Negash"; "Bekele Negash ... his son, Tesfaye Bekele Negash"): the shorter
    name is introduced as a relative, or named before the longer one that is."""
    if len(name_key(short).split()) < 2:
        return False
    return short in kin_named or (full in kin_named and first_seen[short] < first_seen[full])


def _titled(found: list[str], title: str, titled: dict[str, set[str]]) -> str | None:
    """The one of two or more full names ``found`` that the article introduced with ``title``
    when no other was ("Chairman Baek" for "chairman Baek Sang-cheol", not his son), else None;
    it decides before the rule that keeps a parent from the family name."""
    seen = list(dict.fromkeys(found))
    if not title or len(seen) < 2:
        return None
    fit = [f for f in seen if title in titled.get(f, set())]
    return fit[0] if len(fit) == 1 else None


def _epithet_word(m: Mention, full: str) -> bool:
    """True if a one-word name the model tagged as an organisation or a place would name
    ``full`` by its first word while ``full`` is an epithet ending in an occupation ("Rovers" the
    team for "Rovers Poet", a nickname). Surnames and family names so tagged ("Horvat", "Xi")
    still name the person."""
    key, words = name_key(m.name), name_key(full).split()
    return (m.label in ("ORG", "GPE") and len(key.split()) == 1 and len(words) == 2
            and words[0] == key and words[-1] in descriptor_words())


def _aged_family_name(name: str, full_names: Counter[str]) -> bool:
    """True if ``name`` is a family name with "Sr." or "Jr." ("Reed Sr.") that two other full
    names of the article end with ("Thomas Reed", "Walter Reed"): a short form that says which
    of them by age, not a name of its own."""
    base, suffix = generation(name_key(name))
    return (len(base.split()) == 1 and suffix in ("sr", "jr", "senior", "junior")
            and sum(name_key(f).split()[-1] == base for f in full_names) >= 2)


_SLAVIC_PATRONYMIC = re.compile(r"\w+(?:ovich|evich|ovych|ich|ovna|evna|ivna|ichna|yevna)")


def _patronymic_middle(short: str, full: str) -> bool:
    """True if ``full`` is ``short`` with a Slavic patronymic as its only middle name ("Andrei
    Morozov" / "Andrei Viktorovich Morozov"): the same person even when the article names him
    as someone's son, since his father has another given name ("Viktor Andreyevich
    Morozov")."""
    a, b = name_key(short).split(), name_key(full).split()
    return len(a) == 2 and len(b) == 3 and _SLAVIC_PATRONYMIC.fullmatch(b[1]) is not None


def _own_given_name(key: str, full: str) -> bool:
    """True if one-word ``key`` is the given name of person ``full`` and not also their family
    name: "Warsame" names "Warsame Ali" in his own right, but for "Warsame Ali Warsame" (a
    grandfather's name repeated, a given name that is also a family name) it is the family
    name the relatives share."""
    words = generation(name_key(full))[0].split()
    return words[0] == key and words[-1] != key


def _two_generations(names: list[str]) -> bool:
    """True if two of ``names`` are one name with different generational suffixes."""
    keys = [name_key(c) for c in names]
    return any(other_generation(a, b) for i, a in enumerate(keys) for b in keys[i + 1:])


def _sentences_of(spans: list[MentionSpan], sent_of: list[int]) -> dict[str, set[int]]:
    """The sentences each name is used in."""
    out: dict[str, set[int]] = {}
    for s in spans:
        out.setdefault(s.mention.name, set()).add(sent_of[s.start])
    return out


def _without_middle(short: str, full: str) -> bool:
    """True if person name ``short`` is ``full`` without its middle names or initials
    ("Josiah Newcombe" / "Josiah Abram Newcombe", "Edwin Holt" / "Edwin R. Holt"): in one
    article, the same person, named in full once (a biography's first line) and in short after.
    Never across a generational suffix, and never a particle as the middle ("Jan Berg" /
    "Jan van Berg" differ by more than a middle name)."""
    a, b = name_key(short).split(), name_key(full).split()
    if len(a) != 2 or len(b) < 3 or len(b) > 4 or (a[0], a[-1]) != (b[0], b[-1]):
        return False
    inner = full.split()[1:-1]
    return (not other_generation(name_key(short), name_key(full))
            and len(inner) == len(b) - 2
            and all(w[:1].isupper() and name_key(w) not in name_particles() for w in inner))


def _respelled(name: str, other: str, counts: Counter[str]) -> bool:
    """True if ``name`` is a less used spelling of ``other`` ("Kristen Valborg" once beside
    "Kristin Valborg", :func:`graph.names.variants.same_spelling`): one person in the article."""
    return (name != other and len(name.split()) >= 2 and (counts[name], name) < (
        counts[other], other) and same_spelling(name_key(name), name_key(other)))


def _untagged(doc: Doc, i: int, sent_of: list[int]) -> MentionSpan:
    """A capitalised word the model left untagged, as a candidate person mention, with the
    generational suffix after it ("Pellane Jr. said": the son's short name, not a bare one)."""
    end = i + 2 if i + 1 < len(doc) and generation_suffix(doc[i + 1]) else i + 1
    span = doc[i:end]
    return MentionSpan(i, end, Mention(
        sentence=sent_of[i], start=span.start_char, end=span.end_char, text=span.text,
        name=span.text, type="person", label="PERSON"))


def _without_stray_initial(doc: Doc, s: MentionSpan, spans: list[MentionSpan]) -> MentionSpan:
    """"... imposed on X. Lindqvist called ...": an initial that is no initial of the full name
    with that surname in the article (the model ran over a sentence end) is dropped."""
    if s.end - s.start != 2 or not re.fullmatch(r"[A-Z]\.", doc[s.start].text):
        return s
    surname = doc[s.start + 1].text
    fulls = [x.mention.name for x in spans if x.mention.type == "person" and x is not s
             and len(x.mention.name.split()) >= 2 and x.mention.name.split()[-1] == surname]
    if fulls and all(not f.startswith(doc[s.start].text[0]) for f in fulls):
        t = doc[s.start + 1]
        return MentionSpan(t.i, t.i + 1, replace(s.mention, start=t.idx,
                                                 end=t.idx + len(t.text), text=t.text,
                                                 name=t.text))
    return s


def _nicknamed(s: MentionSpan, nicknames: dict[str, str], type_of: dict[str, str]
               ) -> MentionSpan:
    full = nicknames.get(s.mention.name) or nicknames.get(s.mention.text)
    if full and full != s.mention.name:
        kind = type_of.get(full, "person")
        return replace(s, mention=replace(s.mention, name=full, type=kind,
                                          type_evidence="title" if kind == "person" else "frame"))
    return s


def _may_be_short(m: Mention) -> bool:
    """A mention that may be a short form of a person's name: a one-word name tagged as a
    person, organisation or place, or as a nationality the built-in table does not know
    (never a known one: "Houthi rebels" is no "al-Houthi"),
    or a two- or three-word person name, or one the model alone tagged as an organisation or
    a place (a double family name, "Martinez Canton" for "Clara Martinez Canton")."""
    words = name_key(m.name).split()
    if m.type != "person" and (m.type_evidence == "alias" or (
            m.label != "PERSON" and STRENGTH.get(m.type_evidence, 1) >= STRENGTH["frame"])):
        return False  # a country, a group ("Houthi rebels"), an outlet, a company
    if len(words) == 1:
        # a family name the model took for a nationality ("Pellacani" after "Anselmo Pellacani"),
        # unless the built-in table knows the word as a people or a country ("Houthi")
        return m.name[:1].isupper() and (m.label in ("PERSON", "ORG", "GPE") or (
            m.label == "NORP" and m.type_evidence == "model" and builtin_alias(m.name) is None))
    return len(words) <= 3 and (m.type == "person" or words[0] in name_particles() or (
        m.label in ("ORG", "GPE") and m.type_evidence == "model"))


def _known(word: str) -> bool:
    return builtin_alias(word) is not None or gazetteer_place(word)


def _name_word(token: Token) -> bool:
    if not (token.is_title and token.is_alpha):
        return False
    doc = token.doc
    if any(0 <= j < len(doc) and doc[j].is_title and doc[j].pos_ == "PROPN"
           and not (j > token.i and generation_suffix(doc[j]))  # "Pellane Jr." is one name
           and not (j < token.i and is_title(doc[j].text))  # "King | Harun thanked"
           for j in (token.i - 1, token.i + 1)):
        return False  # part of a longer name NER missed ("Ryu Song Nam"), not a short form
    # The tagger calls some sentence-initial names nouns ("Duda later met ..."); accept a
    # capitalised noun only when it is a whole argument, not a modifier ("Park rangers").
    return token.pos_ == "PROPN" or (
        token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss"))
