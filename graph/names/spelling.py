"""How transliterations of one name differ: spellings of a person name that are one name
("Mohammed Hamdan Dagalo" / "Mohamed Hamdan Daglo", "Sergey" / "Sergei") and the differences
that make two names ("Hamid" / "Hamad", "Hassan" / "Hussein", "Petrov" / "Petrova").

Word-level tests shared by the candidate rule ``spelling`` of :mod:`graph.names.variants`,
corpus-wide resolution (:mod:`graph.resolution.actors`) and the in-article check of
:mod:`graph.mentions.people`: Metaphone via ``jellyfish``, Jaro–Winkler via ``rapidfuzz``.
"""

from __future__ import annotations

import difflib
import functools

import jellyfish
from rapidfuzz.distance import JaroWinkler

from graph.names.forms import generation, other_generation

__all__ = ["alike", "same_spelling", "sound", "spelling_key"]


@functools.lru_cache(maxsize=65536)
def sound(word: str) -> str:
    """A word's Metaphone code (the word itself when it has none): "sergey" and "sergei"
    sound alike."""
    return jellyfish.metaphone(word) or word


def alike(a: list[str], b: list[str]) -> bool:
    """Word-by-word transliteration variants: every pair of words alike, one the same; never
    two generational suffixes ("Karol XIV" / "Karol XV").

    >>> alike(["sergey", "orlovsky"], ["sergei", "orlovsky"])
    True
    >>> alike(["ivan", "petrov"], ["ivan", "petrova"])
    False
    """
    if (
        a == b
        or not any(x == y for x, y in zip(a, b, strict=True))
        or generation(" ".join(a))[1] != generation(" ".join(b))[1]
    ):
        return False
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if (
            x[:1] != y[:1]
            or x.rstrip("a") == y.rstrip("a")
            and x != y
            and (x.endswith("a") != y.endswith("a"))
        ):
            return False  # a different initial, or a feminine form ("Petrov" / "Petrova")
        if len(x) <= 3 or len(y) <= 3:
            if sound(x) != sound(y) or abs(len(x) - len(y)) > 1:
                return False
        elif not (sound(x) == sound(y) or JaroWinkler.similarity(x, y) >= 0.9):
            return False
    return True


#: Arabic article particles written attached or apart ("al-Nuri", "Nuri"): no part of the
#: comparison of two spellings.
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "ud", "ul", "ed"})


def spelling_key(key: str) -> tuple[str, ...]:
    """A name key reduced to what transliterations of it share: article particles dropped,
    doubled letters single, a final -y as -i, and the vowels inside each word dropped
    ("mohammed hamdan dagalo" and "mohamed hamdan daglo" give the same).

    >>> spelling_key("mohammed hamdan dagalo"), spelling_key("mohamed hamdan daglo")
    (('mhmd', 'hmdn', 'dglo'), ('mhmd', 'hmdn', 'dglo'))
    >>> spelling_key("abbas ii")
    ('abs', 'ii')
    """
    base, suffix = generation(key)
    out = []
    for word in base.split():
        if word in _ARTICLES:
            continue
        if not word.isalpha():  # numbers ("Person 211") are never respelled
            out.append(word)
            continue
        word = "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])
        if word.endswith("y"):
            word = word[:-1] + "i"
        out.append(
            word
            if len(word) <= 3
            else word[0] + "".join(c for c in word[1:-1] if c not in "aeiouy") + word[-1]
        )
    return (*out, suffix) if suffix else tuple(out)  # "Tariq II" / "Tariq III": two kings


def same_spelling(a: str, b: str) -> bool:
    """Two name keys with the same :func:`spelling_key` that are also close word by word
    (one word the same, the others at Jaro–Winkler ≥ 0.9: "Hassan" / "Hussein" share a
    skeleton but are two names).

    >>> same_spelling("mohammed hamdan dagalo", "mohamed hamdan daglo")
    True
    >>> same_spelling("hassan ali", "hussein ali")
    False
    """
    x = [w for w in a.split() if w not in _ARTICLES]
    y = [w for w in b.split() if w not in _ARTICLES]
    if len(x) != len(y) or spelling_key(a) != spelling_key(b) or other_generation(a, b):
        return False
    pairs = list(zip(x, y, strict=True))
    return any(p == q for p, q in pairs) and all(
        p == q or JaroWinkler.similarity(p, q) >= 0.9 and not _other_vowel(p, q) for p, q in pairs
    )


#: Vowels by how open they are: a transliteration moves a vowel one step ("Ahmed" / "Ahmad",
#: "Hussein" / "Hussain", "Kristen" / "Kristin"); an open "a" for a close "i" or "u" is another
#: name ("Hamid" / "Hamad", "Rashid" / "Rashad", "Salim" / "Salam").
_OPENNESS = {"a": 0, "e": 1, "o": 1, "i": 2, "u": 2, "y": 2}


def _other_vowel(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ where one has an open vowel and the other a close one
    (:data:`_OPENNESS`): two names, not two spellings of one.

    >>> _other_vowel("hamid", "hamad"), _other_vowel("ahmed", "ahmad")
    (True, False)
    """
    for op, i, j, k, m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if (
            op == "replace"
            and j - i == m - k == 1
            and a[i] in _OPENNESS
            and b[k] in _OPENNESS
            and abs(_OPENNESS[a[i]] - _OPENNESS[b[k]]) >= 2
        ):
            return True
    return False
