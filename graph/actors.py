"""Actor mentions from a parsed ``Doc`` and their resolution within one article.

Within an article a short form ("Kim", "Putin") names the most salient full name introduced in
it that starts or ends with that word; two different full names are never merged; titles are
stripped; role phrases introduced next to a name ("North Korean leader Kim Jong Un") resolve
later role mentions ("the North Korean leader"); acronyms defined in the text ("Korean Central
News Agency (KCNA)") resolve later uses of the acronym.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from .model import Mention
from .names import (
    initials_match,
    institution_words,
    is_title,
    leader_titles,
    loose_key,
    name_key,
    name_particles,
    name_parts,
    not_actors,
    person_appositions,
    place_words,
    role_heads,
    seats_of_power,
)

__all__ = ["ENTITY_TYPES", "MentionSpan", "find_mentions"]

#: spaCy entity labels kept as actors, and the actor type each starts as. Whether a place is a
#: country, and which country a nationality adjective points to, is decided corpus-wide.
ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
                "NORP": "group"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_EDGE_PUNCT = set("/-–—,;:.([{)]}\"'“”‘’")
# Model numbers, disease and product designators ("COVID-19", "S-400", "F-16") are not actors.
_DESIGNATOR = re.compile(r"^[A-Za-z]{1,6}-?\d+[A-Za-z]?$")


@dataclass(frozen=True)
class MentionSpan:
    """A mention plus its token range in the ``Doc`` (used by relation extraction)."""

    start: int  # token index
    end: int  # token index, exclusive
    mention: Mention


def find_mentions(doc: Doc) -> tuple[list[MentionSpan], list[tuple[str, str]]]:
    """All actor mentions in ``doc``, named as resolved within the article, in text order,
    plus the acronym definitions found (``(acronym, full name)``)."""
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    sent_of = _sentence_lookup(doc, sent_index)
    spans = [s for s in (_clean(ent, sent_of) for ent in doc.ents
                         if ent.label_ in ENTITY_TYPES) if s is not None]
    spans = _without_overlaps(spans)
    acronyms = _acronyms(doc, spans)
    spans = _resolve_acronyms(spans, acronyms)
    spans = sorted(spans + _missed_repeats(doc, spans, sent_of), key=lambda s: s.start)
    spans = _resolve_people(doc, spans, sent_of)
    roles = _role_mentions(doc, spans, sent_of)
    if roles:
        inside = {i for r in roles for i in range(r.start, r.end)}
        spans = [s for s in spans if not inside.intersection(range(s.start, s.end))] + roles
    spans.sort(key=lambda s: s.start)
    return spans, sorted(acronyms.items())


def _without_overlaps(spans: list[MentionSpan]) -> list[MentionSpan]:
    """Drop spans overlapping an earlier one (a name extended over the next entity)."""
    out: list[MentionSpan] = []
    for s in spans:
        if not out or s.start >= out[-1].end:
            out.append(s)
    return out


def _missed_repeats(doc: Doc, spans: list[MentionSpan], sent_of: list[int]) -> list[MentionSpan]:
    """Mentions the model missed of a place, country or organisation it tagged elsewhere in
    the article: "Kyiv" tagged in one sentence but not in the next. Exact, capitalised, proper
    nouns only; people are handled by :func:`_resolve_people`."""
    known: dict[tuple[str, ...], Mention] = {}
    for s in spans:
        words = tuple(t.text for t in doc[s.start:s.end])
        if ((s.mention.type != "person" or len(words) == 1)
                and all(w[:1].isupper() for w in words if w.isalpha())):
            known.setdefault(words, s.mention)
    if not known:
        return []
    covered = {i for s in spans for i in range(s.start, s.end)}
    covered.update(i for ent in doc.ents for i in range(ent.start, ent.end))
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(known, key=len, reverse=True):
        by_first.setdefault(words[0], []).append(words)
    out = []
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN":
            continue
        for words in by_first.get(token.text, ()):
            end = token.i + len(words)
            if (tuple(t.text for t in doc[token.i:end]) == words
                    and not covered.intersection(range(token.i, end))):
                m, span = known[words], doc[token.i:end]
                out.append(MentionSpan(token.i, end, replace(
                    m, sentence=sent_of[token.i], start=span.start_char, end=span.end_char,
                    text=span.text)))
                covered.update(range(token.i, end))
                break
    return out


def _sentence_lookup(doc: Doc, sent_index: dict[int, int]) -> list[int]:
    out, current = [], -1
    for token in doc:
        current = sent_index.get(token.i, current)
        out.append(max(current, 0))
    return out


def _clean(ent: Span, sent_of: list[int]) -> MentionSpan | None:
    """Strip determiners, titles, possessives and stray punctuation from an entity span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    person = ent.label_ == "PERSON"
    # "Shanghai Cooperation Organisation (SCO": cut an unclosed bracket off the span so the
    # acronym definition that follows is seen as one.
    opened = next((k for k in range(start, end) if doc[k].text in "(["), None)
    if opened is not None and not any(doc[k].text in ")]" for k in range(opened, end)):
        end = opened
    # "Marshals Ri Pyong [Chol]": the model sometimes tags only the end of a name; take back
    # the capitalised proper nouns left outside any entity, up to a three-word name.
    while (person and end - start < 3 and start > 0 and doc[start - 1].ent_iob_ == "O"
           and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title
           and doc[start - 1].is_alpha and not doc[start - 1].is_sent_start
           and not is_title(doc[start - 1].text)):
        start -= 1
    # "Ursula von der | Leyen": a name never ends in a particle; take the next word back too.
    while (person and end < len(doc) and doc[end - 1].lower_ in name_particles()
           and doc[end].is_title and doc[end].is_alpha and not doc[end].is_sent_start):
        end += 1
    while start < end and (doc[start].lower_ == "the" or doc[start].text in _EDGE_PUNCT
                           or (person and is_title(doc[start].text) and end - start > 1)):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].text in _EDGE_PUNCT
                           or (is_title(doc[end - 1].text) and end - start > 1)
                           # "Yonhap news agency": lower-case common nouns are no part of a name
                           or (ent.label_ == "ORG" and doc[end - 1].is_lower
                               and end - start > 1)):
        end -= 1
    if start >= end or _designated(doc, end):
        return None
    span = doc[start:end]
    text = span.text
    if (not any(c.isupper() for c in text) or not any(c.isalpha() for c in text)
            or all(is_title(t.text) for t in span) or _DESIGNATOR.match(text)
            or name_key(text) in not_actors()):
        return None
    kind = ENTITY_TYPES[ent.label_]
    if person and span[-1].lower_ in place_words():
        kind = "place"  # "Kim Il Sung Square": named after a person, but a place
    if ent.label_ == "ORG" and (
            any(c.dep_ == "appos" and c.lower_ in person_appositions()
                for c in span.root.children)
            or (start > 0 and doc[start - 1].is_lower
                and doc[start - 1].text in person_appositions())):
        # "Sun Hong Ri, director of ..." / "Commission chairman Moussa Faki Mahamat": the
        # model's ORG is a person
        kind = "person"
    name = _institution_of_country(span) if ent.label_ == "ORG" and kind != "person" else None
    return MentionSpan(start, end, Mention(
        sentence=sent_of[start], start=span.start_char, end=span.end_char, text=text,
        name=name or text, type=kind, label=ent.label_))


def _institution_of_country(span: Span) -> str | None:
    """"Foreign Ministry (Japan)" for "Japan's Foreign Ministry" or "Japanese Foreign
    Ministry": a generic institution name is only an actor together with its country."""
    from .builtin import country_name

    words = institution_words()
    for cut in range(min(3, len(span) - 1), -1, -1):
        rest = span[cut:]
        if not all(t.lower_ in words for t in rest) or not any(t.is_title for t in rest):
            continue
        if cut:
            country = country_name(span[:cut].text)
        else:  # "<country>'s <institution>"; the country entity may include the "'s"
            doc, i = span.doc, span.start
            if i < 2 or doc[i - 1].text not in _POSSESSIVE:
                return None
            j = i - 2
            while j > 0 and doc[j].ent_iob_ == "I":
                j -= 1
            country = country_name(doc[j:i - 1].text)
        if country:
            return f"{rest.text} ({country})"
    return None


def _designated(doc: Doc, end: int) -> bool:
    """True if the name runs on into a model designator ("IRIS-T", "Su-57"): a product, not an
    actor."""
    return (end + 1 < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text == "-"
            and doc[end].whitespace_ == ""
            and (doc[end + 1].is_digit or (len(doc[end + 1].text) <= 2
                                           and doc[end + 1].text.isupper())))


def _acronyms(doc: Doc, spans: list[MentionSpan]) -> dict[str, str]:
    """Find "Full Name (ACR)" and "ACR (Full Name)" definitions next to mentions."""
    found: dict[str, str] = {}
    for span in spans:
        end = span.end
        if end + 2 >= len(doc) or doc[end].text not in "([":
            continue
        close = next((i for i in range(end + 1, min(end + 10, len(doc)))
                      if doc[i].text in ")]"), None)
        if close is None:
            continue
        inner = doc[end + 1:close].text.strip()
        name = span.mention.name
        if initials_match(inner, name):
            found[inner] = name
        elif initials_match(name, inner):
            found[name] = inner
    return found


def _resolve_acronyms(spans: list[MentionSpan], acronyms: dict[str, str]) -> list[MentionSpan]:
    if not acronyms:
        return spans
    keyed = {name_key(k): v for k, v in acronyms.items()}
    full_types = {name_key(s.mention.name): s.mention.type for s in spans}
    out = []
    for s in spans:
        full = keyed.get(name_key(s.mention.name))
        if full:
            kind = full_types.get(name_key(full), s.mention.type)
            s = replace(s, mention=replace(s.mention, name=full, type=kind))
        out.append(s)
    return out


def _resolve_people(doc: Doc, spans: list[MentionSpan], sent_of: list[int]) -> list[MentionSpan]:
    """Map short person names to the article's most salient matching full name, and add
    mentions of those short names that NER missed."""
    full_counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for s in spans:
        if s.mention.type == "person" and len(s.mention.name.split()) >= 2:
            full_counts[s.mention.name] += 1
            first_seen.setdefault(s.mention.name, s.start)
    if not full_counts:
        return spans
    by_part, inner = name_parts(full_counts)
    loose: dict[str, list[str]] = {}
    for part, fulls in by_part.items():
        if len(part) >= 5:
            loose.setdefault(loose_key(part), []).extend(fulls)

    def best(short: str) -> str | None:
        key = name_key(short)
        candidates = (by_part.get(key)
                      or (inner[key] if len(inner.get(key, ())) == 1 else None)
                      or (loose.get(loose_key(key)) if len(key) >= 5 else None))
        if not candidates:
            return None
        return max(candidates, key=lambda f: (full_counts[f], -first_seen[f]))

    out, covered = [], set()
    for s in spans:
        covered.update(range(s.start, s.end))
        m = s.mention
        words = name_key(m.name).split()
        if len(words) == 1 and m.label in ("PERSON", "ORG", "GPE", "NORP"):
            full = best(m.name)
            if full and (m.label == "PERSON" or (m.name.istitle() and not _known(m.name))):
                s = replace(s, mention=replace(m, name=full, type="person"))
        elif len(words) > 1 and words[0] in name_particles():
            # "Von der Leyen" / "De Jonge": the surname of a full name in the article
            ends = [f for f in full_counts if name_key(f).endswith(" " + " ".join(words))]
            if ends:
                full = max(ends, key=lambda f: (full_counts[f], -first_seen[f]))
                s = replace(s, mention=replace(m, name=full, type="person"))
        out.append(s)
    for ent in doc.ents:  # words inside other entities (e.g. a square named after someone)
        covered.update(range(ent.start, ent.end))
    for token in doc:
        if token.i in covered or not _name_word(token):
            continue
        full = best(token.text)
        if full and token.i > first_seen[full]:
            out.append(MentionSpan(token.i, token.i + 1, Mention(
                sentence=sent_of[token.i], start=token.idx, end=token.idx + len(token.text),
                text=token.text, name=full, type="person", label="PERSON")))
    return out


def _known(word: str) -> bool:
    from .builtin import builtin_alias

    return builtin_alias(word) is not None


def _name_word(token: Token) -> bool:
    if not (token.is_title and token.is_alpha):
        return False
    doc = token.doc
    if any(0 <= j < len(doc) and doc[j].is_title and doc[j].pos_ == "PROPN"
           for j in (token.i - 1, token.i + 1)):
        return False  # part of a longer name NER missed ("Pak Jong Chon"), not a short form
    # The tagger calls some sentence-initial names nouns ("Lula later met ..."); accept a
    # capitalised noun only when it is a whole argument, not a modifier ("Park rangers").
    return token.pos_ == "PROPN" or (
        token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss"))


def _role_of(doc: Doc, start: int) -> tuple[str, ...]:
    """The role phrase directly before a name: "North Korean leader" in
    "North Korean leader Kim Jong Un" (lower-cased words), or ``()``."""
    i = start - 1
    if i < 0 or doc[i].lower_.rstrip(".") not in role_heads() or doc[i].is_sent_start:
        return ()
    words = [doc[i].lower_]
    j = i - 1
    while j >= 0 and len(words) < 6 and not doc[j + 1].is_sent_start:
        t = doc[j]
        if t.text.replace(".", "").isalpha() and (  # "U.S." too
                t.pos_ in ("ADJ", "NOUN", "PROPN") or t.ent_type_) and (
                t.lower_ != "the"):
            words.insert(0, t.lower_)
            j -= 1
        else:
            break
    return tuple(words)


def _role_mentions(doc: Doc, spans: list[MentionSpan], sent_of: list[int]) -> list[MentionSpan]:
    """Mentions like "the North Korean leader" that refer back to a person introduced with
    that role earlier in the article."""
    roles: dict[tuple[str, ...], dict[str, int]] = {}
    salience: Counter[str] = Counter()
    for s in spans:
        if s.mention.type != "person":
            continue
        salience[s.mention.name] += 1
        if len(s.mention.name.split()) < 2:
            continue
        role = _role_of(doc, s.start)
        if len(role) >= 1:
            roles.setdefault(role, {}).setdefault(s.mention.name, s.start)
    if not roles:
        return []
    taken = {i for s in spans if s.mention.type == "person" for i in range(s.start, s.end)}
    longest = max(4, *(len(r) for r in roles))  # "the White House leader" is longer than its role
    out = []
    for token in doc:
        if token.lower_ != "the":
            continue
        for length in range(min(longest, len(doc) - token.i - 1), 0, -1):
            words = tuple(t.lower_ for t in doc[token.i + 1:token.i + 1 + length])
            end = token.i + 1 + length
            people = {name: first for role, names in roles.items()
                      if (role[-length:] == words and (length >= 2 or len(role) == 1))
                      or _leads(role, words)
                      for name, first in names.items() if first < token.i}
            if not people or any(i in taken for i in range(token.i + 1, end)):
                continue
            if end < len(doc) and (doc[end].ent_type_ == "PERSON" or (
                    doc[end].pos_ == "PROPN" and doc[end].is_title
                    and doc[end].ent_type_ not in ("DATE", "TIME"))):
                # an apposition introducing the name itself ("the leader Kim ..."), or the
                # start of a longer name ("the State Department")
                break
            ranked = sorted(people, key=lambda n: -salience[n])
            if len(ranked) > 1 and salience[ranked[0]] == salience[ranked[1]]:
                break  # ambiguous: two people hold that role equally
            span = doc[token.i + 1:end]
            out.append(MentionSpan(span.start, span.end, Mention(
                sentence=sent_of[span.start], start=span.start_char, end=span.end_char,
                text=span.text, name=ranked[0], type="person", label="ROLE")))
            break
    return out


def _leads(role: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """True if "the <words>" ("the Chinese leader") names the holder of ``role`` ("chinese
    president", "british prime minister"): ``words`` ends in "leader", the role is a head of
    state or government title, and the words before both agree."""
    if len(words) < 2 or words[-1] != "leader":
        return False
    head = 2 if role[-2:] == ("prime", "minister") else 1
    if (head == 1 and role[-1] not in leader_titles()) or len(role) <= head:
        return False
    qualifier = role[:-head]
    if is_title(qualifier[-1]):
        return False  # "vice president", "deputy prime minister", "foreign minister"
    if qualifier[-(len(words) - 1):] == words[:-1]:
        return True
    # "the Kremlin leader" / "the U.S. leader" for "Russian President ..." / "American ...":
    # the same country, named by a seat of power, a demonym or the country itself.
    wanted = _country_of(" ".join(words[:-1]))
    return wanted is not None and wanted == _country_of(" ".join(qualifier))


def _country_of(text: str) -> str | None:
    from .builtin import country_name

    return seats_of_power().get(name_key(text)) or country_name(text)
