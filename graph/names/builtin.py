"""The built-in alias table: countries, their demonyms and short forms, common organisation
acronyms, and the few cities a bare short name stands for ("New York") (``data/aliases.toml``,
completed with every country ``pycountry`` knows). Never people: users add their own merges as
curation decisions.
"""

from __future__ import annotations

import functools

from graph.core.tables import load_table
from graph.names.forms import name_key

__all__ = ["builtin_alias", "country_name", "is_subdivision"]


@functools.cache
def _table() -> dict[str, tuple[str, str, bool]]:
    """Variant key → (canonical name, type, whether every listed variant with that key is an
    all-capital acronym such as "US")."""
    import pycountry

    table = load_table("aliases")
    out: dict[str, tuple[str, str]] = {}
    caps: dict[str, bool] = {}
    for section, kind in (("countries", "country"), ("organisations", "organisation"),
                          ("places", "place")):
        for canonical, variants in table.get(section, {}).items():
            for variant in [canonical, *variants]:
                key = name_key(variant)
                out[key] = (canonical, kind)
                caps[key] = caps.get(key, True) and _acronym(variant)
    for country in pycountry.countries:
        names = [getattr(country, a, "") for a in ("common_name", "name", "official_name")]
        names = [n for n in names if n]
        known = next((out[name_key(n)] for n in names if name_key(n) in out), None)
        canonical = known[0] if known else names[0]
        for n in names:
            key = name_key(n)
            if key not in out:
                out[key] = (canonical, "country")
                caps[key] = _acronym(n)
    for key in list(out):  # "Democratic Republic of Congo" as well as "... of the Congo"
        bare = key.replace(" of the ", " of ")
        if bare != key and bare not in out:
            out[bare], caps[bare] = out[key], caps[key]
    return {k: (c, kind, caps[k]) for k, (c, kind) in out.items()}


def _acronym(text: str) -> bool:
    """True for a short all-capital acronym ("US", "U.K."): those are the spellings whose case
    matters (longer ones, "Nato" / "NATO", are written both ways)."""
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 3 and all(c.isupper() for c in letters)


def builtin_alias(name: str, strict_case: bool = False) -> tuple[str, str] | None:
    """``(canonical name, type)`` from the built-in table, or None. With ``strict_case``,
    case matters where the table only knows a short acronym: "US" and "U.S." are the United
    States, "Us" (a magazine, a pronoun in a headline) is not."""
    hit = _table().get(name_key(name))
    if hit is None or (strict_case and hit[2] and not _acronym(name)):
        return None
    return hit[0], hit[1]


def country_name(name: str) -> str | None:
    """The canonical country a name or demonym refers to ("DPRK" → "North Korea"), or None."""
    hit = builtin_alias(name)
    return hit[0] if hit and hit[1] == "country" else None


@functools.cache
def _subdivisions() -> frozenset[str]:
    import pycountry

    return frozenset(name_key(s.name) for s in pycountry.subdivisions)


def is_subdivision(name: str) -> bool:
    """True if ``name`` is a region, province or state pycountry knows ("Bavaria")."""
    return name_key(name) in _subdivisions()
