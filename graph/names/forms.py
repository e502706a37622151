"""Name normalisation and the built-in data tables (titles, aliases, relation verbs).

``name_key`` is the one definition of "the same name": case, punctuation, hyphen and diacritic
variants share a key ("Han Do-yun" and "Han Do Yun" → ``"han do yun"``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from anyascii import anyascii

from graph.core.model import COOCCURRENCE
from graph.core.tables import load_table

__all__ = ["generation", "initials_match", "is_generation", "loose_key",
           "name_key", "name_parts", "name_particles", "other_generation", "person_appositions",
           "relation_kinds", "seats_of_power", "short_form_of", "title_words"]

_DROP = re.compile(r"[.’'`´]")
_SPACE = re.compile(r"[^0-9a-z]+")
_REPEAT = re.compile(r"([a-z])\1+")
_STOP = {"of", "the", "and", "for", "de", "du", "la", "le", "des", "&", "on", "in", "to"}


def name_key(name: str) -> str:
    """Normalise a name for comparison: transliterated to ASCII (``anyascii``: "Wałęsa" →
    "walesa", "Иванова" → "ivanova", "李伟" → "liwei"), without case, dots, apostrophes or
    hyphens. A name with any letter or digit always has a non-empty key.

    >>> name_key("Han Do-yun"), name_key("HAN DO YUN"), name_key("Dr. O'Neill")
    ('han do yun', 'han do yun', 'dr oneill')
    >>> name_key("Wałęsa"), name_key("Иванова"), name_key("李伟")
    ('walesa', 'ivanova', 'liwei')
    """
    text = _DROP.sub("", anyascii(unicodedata.normalize("NFKC", name).casefold()).casefold())
    key = _SPACE.sub(" ", text).strip()
    if key or not any(c.isalnum() for c in name):
        return key
    # A script anyascii leaves empty: keep the letters themselves, still case-folded.
    text = _DROP.sub("", unicodedata.normalize("NFKC", name).casefold())
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def loose_key(name: str) -> str:
    """``name_key`` with doubled letters single, for transliteration variants that differ only
    there ("Verbytskyy" / "Verbytsky", "Haddadi" / "Hadadi").

    >>> loose_key("Verbytskyy") == loose_key("Verbytsky"), loose_key("Haddadi")
    (True, 'hadadi')
    """
    return _REPEAT.sub(r"\1", name_key(name))


def relation_kinds() -> tuple[str, ...]:
    """Every relation kind a slice can be filtered by: co-occurrence, then the lexicon's."""
    return (COOCCURRENCE, *(k for k, v in load_table("relations").items()
                            if isinstance(v, dict)))


@functools.cache
def name_particles() -> frozenset[str]:
    """Lower-case surname particles ("von", "de", "bin")."""
    return frozenset(load_table("titles")["name_particles"])


@functools.cache
def person_appositions() -> frozenset[str]:
    """Nouns that, in apposition ("X, chairman of ..."), make X a person."""
    return frozenset(load_table("titles")["person_appositions"])


@functools.cache
def seats_of_power() -> dict[str, str]:
    """Name key of a seat of power ("kremlin") → its country, for "the Kremlin leader"."""
    return {name_key(k): v for k, v in load_table("titles")["seats"].items()}


@functools.cache
def title_words() -> frozenset[str]:
    """Honorifics and titles stripped from the edges of names."""
    return frozenset(load_table("titles")["titles"])


@functools.cache
def role_heads() -> frozenset[str]:
    """Nouns that can head a role phrase ("leader", "spokesman")."""
    table = load_table("titles")
    return (frozenset(table["role_heads"]) | frozenset(table["titles"])) - frozenset(
        table["title_modifiers"])


@functools.cache
def leader_titles() -> frozenset[str]:
    """Last words of head-of-state or government titles, which "the ... leader" can stand for."""
    return frozenset(load_table("titles")["leader_titles"])


@functools.cache
def institution_words() -> frozenset[str]:
    """Words of generic state institutions ("Foreign Ministry"), qualified by their country."""
    return frozenset(load_table("titles")["institution_words"])


@functools.cache
def organisation_suffixes() -> frozenset[str]:
    """Trailing words that short forms of organisation names leave out ("News Agency")."""
    return frozenset(load_table("titles")["organisation_suffixes"])


@functools.cache
def place_words() -> frozenset[str]:
    """Last words that make a "person" entity a place ("Square", "Airport")."""
    return frozenset(load_table("titles")["place_words"])


@functools.cache
def not_actors() -> frozenset[str]:
    """Name keys that NER tags as organisations but are not actors (time zones, diseases)."""
    return frozenset(name_key(n) for n in load_table("aliases").get("not_actors", []))


def is_title(word: str) -> bool:
    return word.lower().rstrip(".") in title_words()


def initials_match(acronym: str, full: str) -> bool:
    """True if ``acronym`` spells the initials of ``full`` ("KCNA" / "Korean Central News
    Agency"; "WPK" / "Workers' Party of Korea"), with or without its small words.

    >>> initials_match("KCNA", "Korean Central News Agency")
    True
    >>> initials_match("WPK", "Workers' Party of Korea")  # "of" may be skipped
    True
    >>> initials_match("IGAD", "Inter-Governmental Authority on Development")
    True
    >>> initials_match("NATO", "North Atlantic Council"), initials_match("kcna", "Korean Central")
    (False, False)
    """
    letters = "".join(c for c in acronym if c.isalpha())
    if not (2 <= len(letters) <= 10) or sum(c.isupper() for c in letters) < len(letters) - 1:
        return False
    words = [w for w in re.split(r"[\s\-/]+", _DROP.sub("", full)) if w]
    if len(words) < 2:
        return False
    every = "".join(w[0] for w in words if w[0].isalpha())
    content = "".join(w[0] for w in words if w[0].isalpha() and w.lower() not in _STOP)
    return letters.upper() in (every.upper(), content.upper()) or _spells(
        letters.upper(), tuple(w.upper() for w in words if w[0].isalpha()))


def _spells(letters: str, words: tuple[str, ...]) -> bool:
    """True if ``letters`` take the first letter of every word (small words may be skipped)
    and up to two more letters, in order, from inside a word: "IGAD" is "Inter-Governmental
    Authority on Development" written as one word."""
    @functools.cache
    def go(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word = words[j]
        if word.lower() in _STOP and go(i, j + 1):
            return True
        if i >= len(letters) or letters[i] != word[0]:
            return False
        if go(i + 1, j + 1):
            return True
        pos, k = 1, i + 1
        while k < len(letters) and k - i <= 2:  # more letters from inside the word
            pos = word.find(letters[k], pos)
            if pos < 0:
                return False
            pos, k = pos + 1, k + 1
            if go(k, j + 1):
                return True
        return False

    return go(0, 0)


#: Roman regnal numbers I to XXXIX ("Tariq II", "Karol XIV"), as name keys write them, except
#: those spelled like a name's syllable ("Xi", "Vi").
_ROMAN = re.compile(r"(?!(xi|vi)$)x{0,3}(ix|iv|v?i{0,3})")
#: Numbered ordinals after a name ("John Smith 3rd", "Omar Haddad 2nd").
_ORDINAL = re.compile(r"[1-9][0-9]?(st|nd|rd|th)")


@functools.cache
def generation_words() -> frozenset[str]:
    """Generational suffixes ("jr", "sr", "fils"); Roman numerals are matched by pattern."""
    return frozenset(load_table("titles")["generations"])


@functools.cache
def patronymic_particles() -> frozenset[str]:
    """Particles before a father's name inside his child's ("bin", "ibn", "ould")."""
    return frozenset(load_table("titles")["patronymic_particles"])


@functools.cache
def _after_the() -> frozenset[str]:
    """Ordinal words that are a generational suffix after "the" ("the third")."""
    return frozenset(load_table("titles")["generation_ordinals"])


@functools.cache
def _agnomens() -> frozenset[str]:
    """Portuguese agnomens ("neto", "sobrinho"): a suffix only after two other words."""
    return frozenset(load_table("titles")["agnomens"])


def is_generation(key: str) -> bool:
    """True if a name key is only a generational suffix, a regnal number or a numbered ordinal
    ("jr", "iii", "3rd")."""
    return key in generation_words() or bool(key and (_ROMAN.fullmatch(key)
                                                      or _ORDINAL.fullmatch(key)))


def generation(key: str) -> tuple[str, str]:
    """A name key split into the name and its generational suffix or regnal number:
    "john smith jr" → ("john smith", "jr"), "abbas ii" → ("abbas", "ii"), "pliny the elder" →
    ("pliny", "the elder"), "john smith 3rd", "john smith the third", and the Portuguese
    agnomen of a three-word name ("jose silva neto", the grandson); a name without one →
    (key, "").

    >>> generation("john smith jr"), generation("abbas ii"), generation("pliny the elder")
    (('john smith', 'jr'), ('abbas', 'ii'), ('pliny', 'the elder'))
    >>> generation("john smith 3rd"), generation("omar haddad the third")
    (('john smith', '3rd'), ('omar haddad', 'the third'))
    >>> generation("jose silva neto"), generation("baltazar neto")  # a family name alone
    (('jose silva', 'neto'), ('baltazar neto', ''))
    >>> generation("xi jinping")  # "xi" is a name, not the number 11
    ('xi jinping', '')
    """
    words = key.split()
    if len(words) >= 2 and is_generation(words[-1]):
        cut = 2 if len(words) >= 3 and words[-2] == "the" else 1
        return " ".join(words[:-cut]), " ".join(words[-cut:])
    if len(words) >= 3 and words[-2] == "the" and words[-1] in _after_the():
        return " ".join(words[:-2]), " ".join(words[-2:])
    if len(words) >= 3 and words[-1] in _agnomens():
        return " ".join(words[:-1]), words[-1]
    return key, ""


def other_generation(a: str, b: str) -> bool:
    """True if name keys ``a`` and ``b`` are one name with different generational suffixes
    ("john smith" / "john smith jr" / "john smith sr", "abbas" / "abbas ii"): a father and his
    son, or two monarchs, never one person by name alone.

    >>> other_generation("john smith", "john smith jr"), other_generation("abbas ii", "abbas iii")
    (True, True)
    >>> other_generation("john smith", "john smyth")
    False
    """
    (base_a, gen_a), (base_b, gen_b) = generation(a), generation(b)
    return gen_a != gen_b and base_a == base_b


def _fathers(words: list[str]) -> set[int]:
    """Indexes of the words that begin a father's name inside a name: right after a
    patronymic particle that is not the name's first word ("hamad bin faisal" → {2})."""
    return {i + 1 for i, w in enumerate(words[1:-1], start=1) if w in patronymic_particles()}


def short_form_of(short: str, full: str) -> bool:
    """True if name key ``short`` is the start or the end of name key ``full`` as a short form
    of that person's name ("horvat" / "milan horvat", "van den berg" / "jan van den berg").
    Not when the rest is only a generational suffix ("john smith" / "john smith jr": father and
    son), nor when ``short`` is the father's name inside a patronymic ("rashid al harbi" in
    "mohammed bin rashid al harbi").

    >>> short_form_of("horvat", "milan horvat"), short_form_of("van den berg", "jan van den berg")
    (True, True)
    >>> short_form_of("john smith", "john smith jr")
    False
    >>> short_form_of("rashid al harbi", "mohammed bin rashid al harbi")
    False
    """
    if short == full or other_generation(short, full):
        return False
    words, n = full.split(), len(short.split())
    if full.startswith(short + " "):
        return True
    return full.endswith(" " + short) and len(words) - n not in _fathers(words)


def name_parts(full_names: Iterable[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Index full names by their first and last word, and (as a fallback for names like
    "Jose Carlos Duda da Costa") by their other capitalised words. A generational suffix is
    not the last word ("Smith" names "John Smith Jr."), and a father's name inside a
    patronymic is no part ("Faisal" does not name "Hamad bin Faisal")."""
    edge: dict[str, list[str]] = {}
    inner: dict[str, list[str]] = {}
    for full in full_names:
        key = name_key(full)
        parts = generation(key)[0].split()
        fathers = _fathers(parts)
        for i in {0, len(parts) - 1} - fathers:
            edge.setdefault(parts[i], []).append(full)
        words = full.split()
        for i, (word, part) in enumerate(zip(words[1:-1], parts[1:-1], strict=False), start=1):
            if len(part) >= 3 and word[:1].isupper() and i not in fathers:
                inner.setdefault(part, []).append(full)
    return edge, inner
