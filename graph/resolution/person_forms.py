"""Corpus-wide rules about the forms of person names beyond the lone surname: one name written
with its syllables run together or apart ("Baek Seung-ho" / "Baek Seungho"), a name cut to its
last two words ("Lozano Obregon" for "Andres Felipe Lozano Obregon", "Xuan Khoa" for "Dinh
Xuan Khoa") and a name of three words or more without its last ones ("Khalid bin Saad" for
"Khalid bin Saad Al Qudaimi"). Each joins groups of name keys in the union-find of
:func:`graph.resolution.actors.resolve`, only for keys no decision or built-in entry has
settled (``live``), and never two keys one article uses as two names (``together``: it kept
them apart)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from graph.names.actor_types import given_name
from graph.names.forms import generation, other_generation, short_form_of
from graph.resolution.unionfind import UnionFind

__all__ = ["initial_forms", "name_end_forms", "name_start_forms", "run_together_forms"]


def run_together_forms(
    groups: UnionFind, live: set[str], kind_of: dict, together: Callable[[str, str], bool]
) -> None:
    """Person names of two words or more that differ only in where the words break are one
    name: the syllables of a given name written apart, hyphenated or run together ("Baek Seung
    Ho", "Baek Seung-ho", "Baek Seungho"; "Nguyen Thi Kim Lan" / "Nguyen Thi Kimlan"). A name
    of one word is never joined this way ("Li Na" is not "Lina"), nor one with another
    generational suffix."""
    by_run: dict[str, list[str]] = defaultdict(list)
    for key in sorted(live):
        if " " in key and kind_of.get(key) == "person":
            by_run[key.replace(" ", "")].append(key)
    for run in by_run.values():
        if len(run) < 2:
            continue
        by_suffix: dict[str, list[str]] = defaultdict(list)
        for key in run:
            by_suffix[generation(key)[1]].append(key)
        for keys in by_suffix.values():
            for i, key in enumerate(keys[1:], start=1):
                first = next((k for k in keys[:i] if not together(k, key)), None)
                if first is not None:
                    groups.union(key, first)


def name_end_forms(
    groups: UnionFind, live: set[str], kind_of: dict, together: Callable[[str, str], bool]
) -> None:
    """A two-word person name that is the end of exactly one longer person name is that
    person: a double family name ("Lozano Obregon" of "Andres Felipe Lozano Obregon") or a
    given name the model cut from its family name ("Xuan Khoa" from "Dinh Xuan Khoa"), and
    only of those shapes (:func:`_end_is_a_name`: "Kamal Haddad" and "Tesfaye Bekele" are the
    fathers of "Omar Kamal Haddad" and "Yonas Tesfaye Bekele"). Never when its first word is a
    given name ("Jose Garcia" is a full name of its own, not "Maria Jose Garcia") or begins
    another person's name in the corpus (a family name of its own: "Song Chol" beside "Song Il
    Ho"), never the father's name inside a patronymic ("Faisal Kassab"
    in "Noor bint Faisal Kassab", :func:`graph.names.forms.short_form_of`) and never a name
    that differs by a generational suffix."""
    shorts = [k for k in live if k.count(" ") == 1 and kind_of.get(k) == "person"]
    if not shorts:
        return
    first_words: dict[str, set[str]] = defaultdict(set)
    by_end: dict[str, list[str]] = defaultdict(list)
    for key in sorted(k for k in kind_of if " " in k and kind_of[k] == "person"):
        first_words[key.split(" ", 1)[0]].add(key)
        if key.count(" ") >= 2:
            words = generation(key)[0].split()
            if len(words) >= 3 and _end_is_a_name(words):
                by_end[" ".join(words[-2:])].append(key)
    for short in sorted(k for k in shorts if k in by_end):
        longer = [k for k in by_end[short] if short_form_of(short, k)]
        head = short.split()[0]
        if (
            len(longer) != 1
            or given_name(head)
            or first_words[head] - {short, *longer}
            or together(short, longer[0])
            or other_generation(short, longer[0])
        ):
            continue
        groups.union(short, longer[0])


def _end_is_a_name(words: list[str]) -> bool:
    """True if the last two of a person's name ``words`` are a name of their own for that
    person: two family names after two given names ("Andres Felipe Lozano Obregon"), or the
    given name of a name in one-syllable words, whose family name comes first ("Dinh Xuan
    Khoa", "Baek Seung Ho"). Not the end of a three-word name that starts with a given name or
    is in longer words ("Omar Kamal Haddad", "Yonas Tesfaye Bekele"): in the naming traditions
    that chain a father's name after one's own (Arabic, Ethiopian, Somali), that end is the
    father's full name, another person."""
    if len(words) >= 4 and given_name(words[0]):
        return True
    return all(_syllables(w) == 1 for w in words)


def _syllables(word: str) -> int:
    """Groups of vowels in ``word`` ("xuan" 1, "seung" 1, "tesfaye" 2, "kamal" 2)."""
    return len(re.findall(r"[aeiouy]+", word))


def name_start_forms(
    groups: UnionFind, live: set[str], kind_of: dict, together: Callable[[str, str], bool]
) -> None:
    """A person name of three words or more that is the start of exactly one longer person
    name is that person, named without the family name or second surname that follows
    ("Khalid bin Saad" / "Khalid bin Saad Al Qudaimi", "Ana Lucia Ferreira" / "Ana Lucia
    Ferreira Matos"). Never two names one article keeps apart, nor a generational suffix
    ("Omar Haddad Sr." is no start of "Omar Haddad Sr. Kamal"; "John Paul Smith" / "John Paul
    Smith Jr.": father and son, :func:`graph.names.forms.short_form_of`). Two words are too
    few: "Jose Garcia" names many people."""
    people = sorted(k for k in kind_of if kind_of[k] == "person" and len(k.split()) >= 4)
    by_start: dict[str, list[str]] = defaultdict(list)
    for key in people:
        words = key.split()
        for n in range(3, len(words)):
            by_start[" ".join(words[:n])].append(key)
    for short in sorted(k for k in live if k in by_start and kind_of.get(k) == "person"):
        longer = [
            k for k in by_start[short] if short_form_of(short, k) and not generation(short)[1]
        ]
        if len(longer) != 1 or together(short, longer[0]):
            continue
        groups.union(short, longer[0])


def initial_forms(
    groups: UnionFind, live: set[str], kind_of: dict, together: Callable[[str, str], bool]
) -> None:
    """A person named by the initials of their given names and their family name ("A.
    Okafor", "A. B. Lindqvist") is the one person in the corpus with that family name whose
    given names start with those letters ("Amara Okafor", "Anna Birgitta Lindqvist"): never
    two candidates ("A. Okafor" beside "Amara" and "Adaeze Okafor" names neither), never a name
    one article keeps apart, nor across a generational suffix."""
    shorts = [k for k in live if k[1:2] == " " and kind_of.get(k) == "person"]
    if not shorts:
        return
    by_last: dict[str, list[str]] = defaultdict(list)
    for key in sorted(k for k in kind_of if " " in k and kind_of[k] == "person"):
        words = generation(key)[0].split()
        if len(words) >= 2 and len(words[0]) > 1:
            by_last[words[-1]].append(key)
    for short in sorted(shorts):
        base, suffix = generation(short)
        words = base.split()
        if len(words) < 2 or not all(len(w) == 1 for w in words[:-1]):
            continue
        fits = [
            k
            for k in by_last.get(words[-1], ())
            if generation(k)[1] == suffix
            and _initials_fit(words[:-1], generation(k)[0].split()[:-1])
        ]
        if len(fits) == 1 and not together(short, fits[0]):
            groups.union(short, fits[0])


def _initials_fit(initials: list[str], given: list[str]) -> bool:
    """True if ``initials`` are the first letters of ``given`` names, all of them or the first
    ones ("a" / "amara", "a b" / "anna birgitta", "a" / "anna birgitta")."""
    return len(initials) <= len(given) and all(
        i == g[0] for i, g in zip(initials, given, strict=False)
    )
