"""Names the article already uses, found again where the model's entity spans miss them.

An analyst reading a graph expects every mention of an actor the article names to count,
wherever the name stands. Three places the model's spans do not reach are read here, always
for a name the article's own mentions already give (:class:`KnownNames`), never to make a new
actor:

* **The headline.** Readers store an article's title apart from its text (it is not parsed),
  yet headlines name the article's main actors, often in a form the text does not use ("Layla
  Haddad" over a biography that says "Layla Samir Haddad" and "Haddad"; "U.S." over a text
  that says "United States"). :func:`title_mentions` finds the known names in the title and
  returns them as mentions of a headline sentence (index :data:`TITLE_SENTENCE`, characters
  numbered before the text: ``-len(title) - 2`` to ``-2``, as if the title stood on its own
  line above it). The headline adds mentions, not co-occurrence: its words are no sentence
  of the text, and a headline's actors are paired in the text where it tells the story.
* **Inside a longer organisation name.** "the US State Department", "the LA Sheriff's
  office", "the University of NSW", "the Government of the Republic of Kelvan": the country,
  place or organisation that starts the name, or follows its last "of", is a mention of that
  actor when the article names it on its own too (:func:`nested_mentions`). It is a mention
  only: the inner name is never paired with its container or with the rest of the sentence
  (the container already is; "US" beside "US State Department" would be noise).
* **A span the model tagged as something else.** "Okafor was born in ..." tagged as a work
  of art, "Jared decided to ..." as a product: such a span whose whole text is a known name
  is a mention of it like any other (:func:`relabelled`).

A known name is matched case-sensitively on its exact surface form (a form the article's own
mentions use, a defined acronym, a person's full name without its middle names, or a
country's built-in short form when the article names that country); a form that two actors of
the article share matches neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from graph.core.model import Mention, MentionSpan, Sentence
from graph.names.actor_types import given_name
from graph.names.builtin import builtin_alias
from graph.names.forms import initials_match, name_key, short_form_of

__all__ = ["TITLE_SENTENCE", "KnownNames", "nested_mentions", "relabelled", "title_mentions"]

#: Sentence index of the headline's mentions (the text's sentences are numbered from 0).
TITLE_SENTENCE = -1
#: Longest name, in words, looked for in a headline.
_MOST_WORDS = 8
#: Mentions that are no name of their own: role phrases ("the Croatian leader").
_NOT_FORMS = frozenset({"ROLE"})
_WORD = re.compile(r"\w+(?:[.'’&-]\w+)*\.?")
_POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True)
class Known:
    """An actor of the article a surface form names: its article-level name, type, the type's
    evidence and the model label of its mentions."""

    name: str
    type: str
    evidence: str
    label: str


class KnownNames:
    """The surface forms of the actors an article's mentions name, for exact look-up."""

    def __init__(self, spans: list[MentionSpan], acronyms: Iterable[tuple[str, str]] = ()) -> None:
        forms: dict[str, set[Known]] = {}
        nouns: set[str] = set()  # forms used at least once as no nationality word
        by_name: dict[str, Known] = {}
        for s in spans:
            m = s.mention
            if m.label in _NOT_FORMS:
                continue
            k = by_name.setdefault(m.name, Known(m.name, m.type, m.type_evidence, m.label))
            # a surface form that names an organisation or place by a head word only ("Court"
            # for "Federal Circuit Court") is read in its own sentence, not elsewhere
            own = [m.name, *(_person_forms(m.name) if m.type == "person" else ())]
            if (
                m.text == m.name
                or m.type == "person"
                or _acronym(m.text)
                or name_key(m.text) == name_key(m.name)
            ):
                own.append(m.text)
            for form in own:
                forms.setdefault(form, set()).add(k)
                if m.label != "NORP":
                    nouns.add(form)
        for short, full in acronyms:
            if full in by_name:
                forms.setdefault(short, set()).add(by_name[full])
                nouns.add(short)
        self._forms = {
            f: next(iter(ks)) for f, ks in forms.items() if len(ks) == 1 and _name_like(f)
        }
        self._nouns = nouns
        # a country's built-in short forms ("U.S." for "United States"), by canonical name:
        # all the article's names of it are one actor corpus-wide, the one spelt like the
        # canonical name (else a noun) stands for them
        canon: dict[str, list[Known]] = {}
        for k in by_name.values():
            hit = builtin_alias(k.name)
            if hit is not None and k.type != "person":
                canon.setdefault(name_key(hit[0]), []).append(k)
        self._canon = {
            c: min(ks, key=lambda k: (name_key(k.name) != c, k.label == "NORP", k.name))
            for c, ks in canon.items()
        }
        # people by the first and the last word of their name: a short form is either end
        self._ends: dict[str, list[tuple[str, Known]]] = {}
        for k in by_name.values():
            if k.type == "person" and " " in k.name:
                key = name_key(k.name)
                words = key.split()
                for end in {words[0], words[-1]}:
                    self._ends.setdefault(end, []).append((key, k))
        self._long = [k for k in by_name.values() if k.type != "person" and " " in k.name]

    def __bool__(self) -> bool:
        return bool(self._forms)

    def get(self, text: str, nouns: bool = True) -> Known | None:
        """The actor ``text`` names, exactly as written, or None: a form of the article's
        mentions, a country's built-in short form, an acronym of one longer name, or a short
        form of one person's full name. ``nouns``: never a nationality word ("American" in
        "American University", "Spanish" in "Spanish Art")."""
        hit = self._forms.get(text)
        if hit is not None:
            return None if nouns and (text not in self._nouns or _demonym(text, hit.name)) else hit
        if not _name_like(text):
            return None
        alias = builtin_alias(text, strict_case=True)
        if alias is not None:
            hit = self._canon.get(name_key(alias[0]))
            return None if hit is None or (nouns and _demonym(text, alias[0])) else hit
        if _acronym(text, longest=6):
            fits = [k for k in self._long if initials_match(text, k.name)]
            return fits[0] if len(fits) == 1 else None
        key = name_key(text)
        words = key.split()
        if not words:
            return None
        people = {
            k
            for end in {words[0], words[-1]}
            for full, k in self._ends.get(end, ())
            if short_form_of(key, full)
        }
        return people.pop() if len(people) == 1 else None


def _person_forms(name: str) -> tuple[str, ...]:
    """A full person name of three or more words without its middle names ("Kwame Osei" for
    "Kwame Kofi Osei"); a family name alone counts only where the text uses it, since
    which word it is depends on the naming tradition."""
    words = name.split()
    return (f"{words[0]} {words[-1]}",) if len(words) > 2 else ()


def _acronym(text: str, longest: int = 10) -> bool:
    """Capital letters only, with or without dots ("NSW", "U.S.")."""
    letters = [c for c in text if c.isalpha()]
    return (
        2 <= len(letters) <= longest
        and all(c.isupper() for c in letters)
        and all(c.isalpha() or c == "." for c in text)
    )


def _demonym(text: str, name: str) -> bool:
    """A nationality word for a country ("American", "Albanian", "British"), not its name
    ("Iran", "Mali"): one word with a demonym's ending that is not the name itself."""
    return (
        " " not in text
        and text.lower().endswith(_DEMONYM_ENDINGS)
        and name_key(text) != name_key(name)
    )


_DEMONYM_ENDINGS = ("an", "ans", "ish", "ese", "i", "ic", "ch")


def _name_like(text: str) -> bool:
    """Capitalised words, at least two letters in all (never "whip", "A")."""
    if not text[:1].isupper():
        return False
    for w in text.split():
        if not (w[0].isupper() or w[0].isdigit() or w in _SMALL_WORDS) and any(
            c.isalpha() for c in w
        ):
            return False
    return sum(c.isalpha() for c in text) >= 2


_SMALL_WORDS = frozenset({"of", "the", "and", "de", "du", "van", "von", "al", "bin", "el"})


def title_mentions(
    title: str, text: str, known: KnownNames
) -> tuple[Sentence | None, list[Mention], dict[str, str]]:
    """The headline as a sentence (index :data:`TITLE_SENTENCE`), its mentions of known
    names (longest first), and the renamings it gives: a person the text names by one word
    only ("Berglund") whom the headline names with a given name ("Tomas Berglund") is named so.
    Nothing when the text itself opens with the headline (it is parsed there) or the headline
    names no known actor."""
    title = title.strip()
    if not title or not known or name_key(text[: len(title) + 20]).startswith(name_key(title)):
        return None, [], {}
    base = -len(title) - 2
    words = list(_WORD.finditer(title))
    out: list[Mention] = []
    given: dict[str, set[str]] = {}  # one-word names of people, with given names before them
    used: set[int] = set()  # words of the mentions found
    i = 0
    upper = [w.group()[0].isupper() or w.group()[0].isdigit() for w in words]
    while i < len(words):
        for j in range(min(len(words), i + _MOST_WORDS), i, -1):
            if not (upper[i] and upper[j - 1]):  # a name starts and ends with a capital
                continue
            start, end = words[i].start(), words[j - 1].end()
            hit, end = _lookup(known, title, start, end)
            if hit is None:
                continue
            name = hit.name
            if (
                hit.type == "person"
                and " " not in name
                and i > 0
                and i - 1 not in used
                and given_name(words[i - 1].group(), strict=True)
            ):
                start = words[i - 1].start()  # "Tomas | Berglund" over a text that says "Berglund"
                given.setdefault(name, set()).add(title[start:end])
            used.update(range(i - 1 if start < words[i].start() else i, j))
            out.append(
                Mention(
                    sentence=TITLE_SENTENCE,
                    start=base + start,
                    end=base + end,
                    text=title[start:end],
                    name=name,
                    type=hit.type,
                    label="TITLE",
                    type_evidence=hit.evidence,
                )
            )
            i = j
            break
        else:
            i += 1
    if not out:
        return None, [], {}
    # a family name the headline gives two given names ("Mary Smith's son John Smith") names
    # neither of them
    renamed = {name: next(iter(full)) for name, full in given.items() if len(full) == 1}
    out = [replace(m, name=renamed.get(m.name, m.name)) for m in out]
    return Sentence(index=TITLE_SENTENCE, start=base, end=-2, text=title), out, renamed


def _lookup(known: KnownNames, text: str, start: int, end: int) -> tuple[Known | None, int]:
    """The known actor ``text[start:end]`` names, also without a possessive or a full stop
    after it, and where the name ends."""
    piece = text[start:end]
    for cut in (
        piece,
        *(piece[: -len(p)] for p in _POSSESSIVE if piece.endswith(p)),
        *((piece[:-1],) if piece.endswith(".") else ()),
    ):
        hit = known.get(cut) if cut else None
        if hit is not None:
            return hit, start + len(cut)
    return None, end


def nested_mentions(doc: Doc, spans: list[MentionSpan], known: KnownNames) -> list[Mention]:
    """Mentions of known countries, places and organisations that start an organisation's
    name, or follow its last "of" ("US" in "US State Department", "Kelvan" in "Bank of
    Kelvan"), the container being some other actor. Mentions only (see the module's
    docstring)."""
    if not known:
        return []
    out = []
    for s in spans:
        if s.mention.type != "organisation" or s.end - s.start < 2:
            continue
        tokens = doc[s.start : s.end]
        # what follows an "of" (the longest first), then the name's beginnings
        n = len(tokens)
        after = [i + 1 for i, t in enumerate(tokens) if t.lower_ == "of" and 0 < i < n - 1]
        parts = [(a + 1 if tokens[a].lower_ == "the" and a + 1 < n else a, n) for a in after]
        parts += [(0, k) for k in range(n - 1, 0, -1)]
        taken: set[int] = set()
        for a, b in parts:
            if taken.intersection(range(a, b)):
                continue
            inner = tokens[a:b]
            hit = known.get(inner.text)
            if (
                hit is None
                or not _inner_actor(hit, inner.text)
                or inner[-1].pos_ == "ADJ"
                or name_key(hit.name) == name_key(s.mention.name)
            ):
                continue
            out.append(
                Mention(
                    sentence=s.mention.sentence,
                    start=inner.start_char,
                    end=inner.end_char,
                    text=inner.text,
                    name=hit.name,
                    type=hit.type,
                    label="NESTED",
                    type_evidence=hit.evidence,
                )
            )
            taken.update(range(a, b))
    return out


def _inner_actor(hit: Known, text: str) -> bool:
    """Whether a known name inside an organisation's name is an actor of its own there: a
    country; a place the gazetteer, the alias table or the words around one of its mentions
    know as one (not a name the model alone called a place: "Grammar", "Linguistics"); an
    organisation by its acronym ("OSCE", "NASA") or the alias table ("United Nations"), since
    other names at the start of one are mostly parts of it ("Major League" in "Major League
    Baseball", "International" in "International Brotherhood of ...")."""
    if hit.type == "country":
        return True
    if hit.type == "place":
        return hit.evidence in _PLACE_EVIDENCE
    return hit.type == "organisation" and (_acronym(text) or hit.evidence == "alias")


#: Type evidence that makes a name a place on its own (see graph/names/actor_types.py).
_PLACE_EVIDENCE = frozenset({"alias", "gazetteer", "frame"})


def relabelled(doc: Doc, spans: list[MentionSpan], sent_of: list[int]) -> list[MentionSpan]:
    """Entity spans the model tagged as a work of art, a product, a law or an event whose
    whole text, without a leading "the" or a possessive, is a name the article's mentions give:
    mentions of that actor ("Haddad was born ..." tagged as a work of art). Amounts, dates and
    languages are left alone ("US $5", "in May", "English")."""
    candidates = [ent for ent in doc.ents if ent.label_ in _MISTAKEN]
    if not candidates:
        return []
    known = KnownNames(spans)
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for ent in candidates:
        if covered.intersection(range(ent.start, ent.end)):
            continue
        start, end = ent.start, ent.end
        if doc[start].lower_ == "the" and end - start > 1:
            start += 1
        if end - start > 1 and doc[end - 1].text in _POSSESSIVE:
            end -= 1
        span = doc[start:end]
        hit = known.get(span.text) if span.text[-1:].isalnum() else None
        if hit is None:
            continue
        out.append(
            MentionSpan(
                start,
                end,
                Mention(
                    sentence=sent_of[start],
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    name=hit.name,
                    type=hit.type,
                    label=hit.label,
                    type_evidence=hit.evidence,
                ),
            )
        )
    return out


#: Entity labels the model gives a known actor's name by mistake.
_MISTAKEN = frozenset({"WORK_OF_ART", "PRODUCT", "LAW", "EVENT"})
