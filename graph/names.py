"""Name normalisation and the built-in data tables (titles, aliases, relation verbs).

``name_key`` is the one definition of "the same name": case, punctuation, hyphen and diacritic
variants share a key ("Han Do-yun" and "Han Do Yun" → ``"han do yun"``).
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from importlib import resources

from anyascii import anyascii

from .model import COOCCURRENCE

__all__ = ["initials_match", "load_table", "loose_key", "name_key", "name_parts",
           "name_particles", "person_appositions", "relation_kinds", "seats_of_power",
           "title_words"]

_DROP = re.compile(r"[.’'`´]")
_SPACE = re.compile(r"[^0-9a-z]+")
_REPEAT = re.compile(r"([a-z])\1+")
_STOP = {"of", "the", "and", "for", "de", "du", "la", "le", "des", "&", "on", "in", "to"}


def name_key(name: str) -> str:
    """Normalise a name for comparison: transliterated to ASCII (``anyascii``: "Wałęsa" →
    "walesa", "Путин" → "putin", "习近平" → "xijinping"), without case, dots, apostrophes or
    hyphens. A name with any letter or digit always has a non-empty key."""
    text = _DROP.sub("", anyascii(unicodedata.normalize("NFKC", name).casefold()).casefold())
    key = _SPACE.sub(" ", text).strip()
    if key or not any(c.isalnum() for c in name):
        return key
    # A script anyascii leaves empty: keep the letters themselves, still case-folded.
    text = _DROP.sub("", unicodedata.normalize("NFKC", name).casefold())
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def loose_key(name: str) -> str:
    """``name_key`` with doubled letters single, for transliteration variants that differ only
    there ("Verbytskyy" / "Verbytsky", "Haddadi" / "Hadadi")."""
    return _REPEAT.sub(r"\1", name_key(name))


@functools.cache
def load_table(name: str) -> dict:
    """Load a TOML table shipped in ``graph/data`` (cached: read once per process)."""
    data = resources.files("graph").joinpath("data", f"{name}.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


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
    Agency"; "WPK" / "Workers' Party of Korea"), with or without its small words."""
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


def name_parts(full_names: Iterable[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Index full names by their first and last word, and (as a fallback for names like
    "Jose Carlos Duda da Costa") by their other capitalised words."""
    edge: dict[str, list[str]] = {}
    inner: dict[str, list[str]] = {}
    for full in full_names:
        parts = name_key(full).split()
        for part in {parts[0], parts[-1]}:
            edge.setdefault(part, []).append(full)
        for word, part in zip(full.split()[1:-1], parts[1:-1], strict=False):
            if len(part) >= 3 and word[:1].isupper():
                inner.setdefault(part, []).append(full)
    return edge, inner
